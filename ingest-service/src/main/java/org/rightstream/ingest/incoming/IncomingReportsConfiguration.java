package org.rightstream.ingest.incoming;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.IngestProperties;
import org.rightstream.ingest.metrics.IngestMeters;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The {@code reports.incoming} consumer ({@link IncomingReportsListener}) with a container factory of its
 * own, so nothing here changes how other listeners of the service consume or handle errors:
 * <ul>
 *   <li>String keys, byte[] values; fetch sizes allow one whole report (report limit + 64 KiB) per fetch;
 *       one record per poll (a report may take a while); {@code auto.offset.reset=earliest} (a new group
 *       starts with the oldest report still on the topic); {@code read_committed}; no auto-commit.</li>
 *   <li>{@code AckMode.MANUAL_IMMEDIATE}: the listener commits (synchronously) once the passages are
 *       acknowledged; the error handler commits a dead-lettered message once the DLQ acknowledged it.</li>
 *   <li>{@link DefaultErrorHandler}: rejected reports and invalid messages are not retried; anything else
 *       is retried with exponential back-off ({@code topic-backoff-initial} doubling up to
 *       {@code topic-backoff-max}, {@code topic-retries} times) and then dead-lettered by
 *       {@link IncomingDeadLetterRecoverer} through a template of its own whose requests may hold a whole
 *       report.</li>
 * </ul>
 * Settings ({@code rightstream.ingest.*}): {@code topic-enabled} (default true), {@code topic-concurrency}
 * (consumer threads, default 1, at most the partition count is useful), {@code topic-retries} (5),
 * {@code topic-backoff-initial} (1s), {@code topic-backoff-max} (30s).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rightstream.ingest.topic-enabled", havingValue = "true", matchIfMissing = true)
class IncomingReportsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(IncomingReportsConfiguration.class);
    static final String CONTAINER_FACTORY = "incomingReportsContainerFactory";
    /** Room for the message's headers and the batch overhead on top of the report itself. */
    static final int OVERHEAD_BYTES = 64 * 1024;
    /** The dead-letter copy carries extra headers (an 8 KiB stack trace at most); the producer measures uncompressed. */
    static final int DLQ_REQUEST_OVERHEAD_BYTES = 1024 * 1024;

    @Bean
    IncomingReportsListener incomingReportsListener(IngestProperties props, ReportIngestor ingestor) {
        return new IncomingReportsListener(new IncomingReportReader(new DropShare(props.inbox(), props.maxReportBytes())),
                ingestor);
    }

    /** Owns the dead-letter template (not a bean itself, so the auto-configured KafkaTemplate stays). */
    @Bean
    DeadLetterProducer incomingReportsDeadLetterProducer(KafkaTemplate<String, byte[]> template, IngestProperties props) {
        Map<String, Object> overrides = Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                reportLimit(props) + DLQ_REQUEST_OVERHEAD_BYTES);
        return new DeadLetterProducer(new KafkaTemplate<>(template.getProducerFactory(), overrides));
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> incomingReportsContainerFactory(
            ObjectProvider<ConsumerFactory<?, ?>> consumerFactories, KafkaProperties kafkaProperties,
            IngestProperties props, DeadLetterProducer deadLetterProducer, IngestMeters meters,
            ObjectProvider<MeterRegistry> meterRegistry,
            @Value("${rightstream.ingest.topic-concurrency:1}") int concurrency,
            @Value("${rightstream.ingest.topic-retries:5}") int retries,
            @Value("${rightstream.ingest.topic-backoff-initial:1s}") Duration backOffInitial,
            @Value("${rightstream.ingest.topic-backoff-max:30s}") Duration backOffMax) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("rightstream.ingest.topic-concurrency must be at least 1, not " + concurrency);
        }
        // Start from the application's consumer settings (servers, security, client id...) as Boot resolved them.
        ConsumerFactory<?, ?> boot = consumerFactories.getIfUnique();
        Map<String, Object> config = new HashMap<>(boot != null ? boot.getConfigurationProperties()
                : kafkaProperties.buildConsumerProperties());
        config.putAll(consumerOverrides(reportLimit(props)));

        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<String, byte[]> consumerFactory = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer());
        // The consumer's own metrics (kafka.consumer.*, records.lag.max among them), as Boot adds to its factory.
        meterRegistry.ifAvailable(registry -> consumerFactory.addListener(new MicrometerConsumerListener<>(registry)));
        factory.setConsumerFactory(consumerFactory);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        factory.getContainerProperties().setSyncCommits(true);
        factory.setCommonErrorHandler(errorHandler(
                new IncomingDeadLetterRecoverer(deadLetterProducer.template(), reportLimit(props), meters::deadLettered),
                retries, backOffInitial, backOffMax));
        return factory;
    }

    /** The consumer settings this listener needs whatever the application's defaults are. */
    static Map<String, Object> consumerOverrides(int reportLimit) {
        int fetchBytes = reportLimit + OVERHEAD_BYTES;
        return Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, fetchBytes,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, fetchBytes,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    static DefaultErrorHandler errorHandler(IncomingDeadLetterRecoverer recoverer, int retries, Duration initial,
                                            Duration max) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, retries));
        backOff.setInitialInterval(initial.toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(Math.max(initial.toMillis(), max.toMillis()));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(ReportRejectedException.class, InvalidIncomingReportException.class);
        // Commit the offset of a dead-lettered message right away (needs AckMode.MANUAL_IMMEDIATE).
        handler.setCommitRecovered(true);
        // A bad report is an expected event, not an application error; the recoverer logs one line for it.
        handler.setLogLevel(KafkaException.Level.WARN);
        int attempts = 1 + Math.max(0, retries);
        handler.setRetryListeners((record, exception, attempt) -> {
            if (!DeadLetterHeaders.isRejection(DeadLetterHeaders.failure(exception))) {
                log.warn("attempt {} of {} at {}-{}@{} failed{}: {}", attempt, attempts, record.topic(),
                        record.partition(), record.offset(), attempt < attempts ? ", retrying with back-off" : "",
                        DeadLetterHeaders.failure(exception).toString());
            }
        });
        return handler;
    }

    /** The report size limit that applies to messages: the configured one, never below the topic's. */
    private static int reportLimit(IngestProperties props) {
        return Math.max(Topics.MAX_REPORT_BYTES, props.maxReportBytes());
    }

    record DeadLetterProducer(KafkaTemplate<String, byte[]> template) implements DisposableBean {
        @Override
        public void destroy() {
            template.destroy();
        }
    }
}
