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
public class ClassifyConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ClassifyConfiguration.class);

    @Bean
    PassageClassifier passageClassifier(ClassifyProperties properties) {
        ModelClassifier classifier = newClassifier(properties);
        log.info("classifier ready: modelVersion={} trainedAt={} ({})", classifier.modelVersion(),
                classifier.categoryModel().trainedAt(), classifier.categoryModel().trainingSummary());
        return classifier;
    }

    /** The stream's classifier built without Spring, so the reclassify replay labels with exactly the same model. */
    public static ModelClassifier newClassifier(ClassifyProperties properties) {
        CategoryModel model = properties.modelFile() == null ? CategoryModels.builtIn()
                : CategoryModels.load(properties.modelFile());
        return new ModelClassifier(model, properties.secondaryThreshold(), Clock.systemUTC());
    }

    /** As {@link #newClassifier(ClassifyProperties)} with the defaults: the model built into the jar. */
    public static ModelClassifier newClassifier() {
        return newClassifier(new ClassifyProperties(null, ClassifyProperties.DEFAULT_SECONDARY_THRESHOLD));
    }

    @Bean
    Function<Message<byte[]>, Message<byte[]>> classify(PassageClassifier classifier) {
        return new ClassifyFunction(classifier);
    }
}
