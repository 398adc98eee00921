package org.rightstream.classify;

import java.time.Clock;
import java.util.function.Function;
import org.rightstream.classify.category.CategoryModel;
import org.rightstream.classify.category.CategoryModels;
import org.rightstream.classify.stream.ClassifyFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The classifier (trained model loaded once at start) and the stream function bound (by name) to report.chunks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassifyProperties.class)
class ClassifyConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ClassifyConfiguration.class);

    @Bean
    PassageClassifier passageClassifier(ClassifyProperties properties) {
        CategoryModel model = properties.modelFile() == null ? CategoryModels.builtIn()
                : CategoryModels.load(properties.modelFile());
        ModelClassifier classifier = new ModelClassifier(model, properties.secondaryThreshold(), Clock.systemUTC());
        log.info("classifier ready: modelVersion={} trainedAt={} ({})", classifier.modelVersion(), model.trainedAt(),
                model.trainingSummary());
        return classifier;
    }

    @Bean
    Function<Message<byte[]>, Message<byte[]>> classify(PassageClassifier classifier) {
        return new ClassifyFunction(classifier);
    }
}
