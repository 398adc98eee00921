package org.rightstream.classify.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.rightstream.classify.PassageClassifier;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

/** The stream consumer bound (by name, {@code classify-in-0}) to report.chunks, and its retry policy. */
@Configuration(proxyBeanMethods = false)
class ClassifyStreamConfiguration {

    @Bean
    ClassifyMetrics classifyMetrics(MeterRegistry registry) {
        return new ClassifyMetrics(registry);
    }

    @Bean
    Consumer<Message<List<byte[]>>> classify(PassageClassifier classifier, KafkaTemplate<String, byte[]> kafkaTemplate,
                                             ClassifyMetrics metrics) {
        return new ClassifyBatchConsumer(new ClassifyFunction(classifier), kafkaTemplate, Duration.ofSeconds(30),
                metrics);
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
