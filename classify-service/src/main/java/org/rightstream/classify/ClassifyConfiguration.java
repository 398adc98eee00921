package org.rightstream.classify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.rightstream.classify.category.CategoryModel;
import org.rightstream.classify.category.CategoryModels;
import org.rightstream.classify.stream.ClassifyBatchConsumer;
import org.rightstream.classify.stream.ClassifyFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

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
    Consumer<Message<List<byte[]>>> classify(PassageClassifier classifier, KafkaTemplate<String, byte[]> kafkaTemplate) {
        return new ClassifyBatchConsumer(new ClassifyFunction(classifier), kafkaTemplate, Duration.ofSeconds(30));
    }

    /**
     * While Kafka does not acknowledge the results, the batch is retried with growing pauses (0.5 s doubling up to
     * 30 s) for as long as it takes; nothing is committed meanwhile, so no passage is skipped.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> classifyRetry() {
        return (container, destination, group) -> {
            ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
            backOff.setMaxInterval(30_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        };
    }
}
