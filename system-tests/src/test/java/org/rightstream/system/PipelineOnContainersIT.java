package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Topics;
import org.rightstream.infra.TopicSetup;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same end-to-end path on the official Kafka and Elasticsearch images, for machines with Docker.
 * Without Docker it is reported as skipped; {@link PipelineEndToEndIT} runs the same path on the
 * Docker-free Kafka and Elasticsearch, so nothing goes untested here.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineOnContainersIT {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final ElasticsearchContainer ELASTICSEARCH =
            new ElasticsearchContainer("docker.elastic.co/elasticsearch/elasticsearch:8.19.21")
                    .withEnv("xpack.security.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");

    static PipelineServices services;

    @BeforeAll
    static void startServices() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
            TopicSetup.apply(admin, Topics.ALL);
        }
        Path home = Path.of(System.getProperty("rightstream.home", "..")).toAbsolutePath().normalize();
        Path workDir = home.resolve("system-tests/target/e2e-containers");
        Files.createDirectories(workDir.resolve("inbox"));
        services = new PipelineServices(home, workDir, KAFKA.getBootstrapServers(),
                "http://" + ELASTICSEARCH.getHttpHostAddress(), workDir.resolve("inbox")).start();
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.stop();
        }
    }

    @Test
    void uploadedReportBecomesSearchable() throws Exception {
        Path home = Path.of(System.getProperty("rightstream.home", "..")).toAbsolutePath().normalize();
        Path report;
        try (var seeds = Files.list(home.resolve("seeds"))) {
            report = seeds.filter(f -> f.getFileName().toString().startsWith("002_")).findFirst().orElseThrow();
        }
        Api.Response upload = Api.upload(services.url("ingest-service") + "/api/reports", report.getFileName().toString(),
                Files.readAllBytes(report));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String reportId = upload.json().path("reportId").asString();
        long chunks = upload.json().path("chunks").asLong();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Api.Response count = Api.postJson("http://" + ELASTICSEARCH.getHttpHostAddress() + "/report-chunks/_count",
                    "{\"query\":{\"term\":{\"reportId\":\"" + reportId + "\"}}}");
            assertThat(count.json().path("count").asLong()).isEqualTo(chunks);
        });
    }
}
