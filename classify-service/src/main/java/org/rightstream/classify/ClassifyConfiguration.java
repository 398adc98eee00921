package org.rightstream.classify;

import java.time.Clock;
import org.rightstream.classify.category.CategoryModel;
import org.rightstream.classify.category.CategoryModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The classifier: the trained model loaded once at start, shared by the stream, the API and the replay. */
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
}
