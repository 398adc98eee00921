package org.rightstream.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.rightstream.ingest.extract.DocumentExtractor;
import org.rightstream.ingest.kafka.KafkaChunkPublisher;
import org.rightstream.ingest.kafka.KafkaHealthIndicator;
import org.rightstream.ingest.metrics.IngestMeters;
import org.rightstream.ingest.registry.KafkaReportRegistry;
import org.rightstream.ingest.registry.ReportRegistry;
import org.rightstream.ingest.report.ReportIngestor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the plain-Java ingest logic to Kafka. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    IngestMeters ingestMeters(MeterRegistry registry) {
        return new IngestMeters(registry);
    }

    @Bean
    ReportIngestor reportIngestor(IngestProperties props, KafkaTemplate<String, byte[]> template, ReportRegistry registry,
                                  IngestMeters meters) {
        return ReportIngestor.standard(props.targetWords(), props.maxWords(),
                new KafkaChunkPublisher(template, props.publishTimeout()), registry,
                new DocumentExtractor(props.maxReportBytes(), props.maxTextChars(), props.maxUnzippedSize().toBytes()),
                Clock.systemUTC()).withMetrics(meters);
    }

    /** Replays reports.registry before the service takes any report, so duplicates are known at once. */
    @Bean(destroyMethod = "close")
    KafkaReportRegistry reportRegistry(KafkaTemplate<String, byte[]> template, KafkaAdmin kafkaAdmin,
                                       IngestProperties props) {
        KafkaReportRegistry registry = new KafkaReportRegistry(template, kafkaAdmin.getConfigurationProperties(),
                props.publishTimeout());
        registry.start(Duration.ofSeconds(60));
        return registry;
    }

    @Bean(destroyMethod = "close")
    Admin kafkaHealthAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin) {
        return new KafkaHealthIndicator(kafkaHealthAdmin);
    }
}
