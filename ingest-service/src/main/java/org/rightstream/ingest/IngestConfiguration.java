package org.rightstream.ingest;

import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.rightstream.ingest.kafka.KafkaChunkPublisher;
import org.rightstream.ingest.kafka.KafkaHealthIndicator;
import org.rightstream.ingest.report.ReportIngestor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the plain-Java ingest logic to Kafka. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    ReportIngestor reportIngestor(IngestProperties props, KafkaTemplate<String, byte[]> template) {
        return ReportIngestor.standard(props.targetWords(), props.maxWords(),
                new KafkaChunkPublisher(template, props.publishTimeout()), props.maxReportBytes(), Clock.systemUTC());
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
