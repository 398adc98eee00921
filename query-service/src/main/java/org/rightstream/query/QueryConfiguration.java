package org.rightstream.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.rightstream.contracts.Indices;
import org.rightstream.query.index.ChunkIndexer;
import org.rightstream.query.index.DeadLetterPublisher;
import org.rightstream.query.index.IndexInstaller;
import org.rightstream.query.index.IndexingConsumer;
import org.rightstream.query.index.IndexingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wires indexing (the {@code index} function bound to report.chunks.classified); search is wired in its package. */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {
    private static final Logger log = LoggerFactory.getLogger(QueryConfiguration.class);

    @Bean
    IndexInstaller indexInstaller(ElasticsearchClient client) {
        return new IndexInstaller(client, Indices.ALL);
    }

    /** Installs templates and aliases on start; if Elasticsearch is down, indexing does it later. */
    @Bean
    ApplicationRunner installIndices(IndexInstaller installer) {
        return args -> {
            try {
                installer.ensureInstalled();
            } catch (Exception e) {
                log.warn("Elasticsearch not ready at start-up ({}); index set-up will be retried before indexing", e.toString());
            }
        };
    }

    @Bean
    IndexingMetrics indexingMetrics(MeterRegistry registry) {
        return new IndexingMetrics(registry);
    }

    @Bean
    Consumer<Message<List<byte[]>>> index(ElasticsearchClient client, IndexInstaller installer,
                                          KafkaTemplate<String, byte[]> kafkaTemplate, IndexingMetrics metrics) {
        return new IndexingConsumer(new ChunkIndexer(client, installer, Clock.systemUTC(), metrics),
                new DeadLetterPublisher(kafkaTemplate, Duration.ofSeconds(30)), metrics);
    }

    /**
     * A batch that fails because Elasticsearch is unreachable is retried with growing pauses (up to
     * 30 s) for as long as it takes; the consumer stays in its group and nothing is committed meanwhile.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> indexingRetry() {
        return (container, destination, group) -> {
            ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
            backOff.setMaxInterval(30_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        };
    }
}
