package org.rightstream.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.rightstream.contracts.Topics;
import org.rightstream.infra.ElasticsearchNode;
import org.rightstream.infra.StackConfig;
import org.rightstream.infra.TopicSetup;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole pipeline for the end-to-end tests, started once per test JVM (so once per build: only
 * this module's tests use Elasticsearch): a real Elasticsearch node from the launcher, on a free
 * port so a running local stack is left alone; a real embedded KRaft broker (spring-kafka-test);
 * and the three services from their executable jars. Stopped by a shutdown hook when the JVM ends.
 */
final class RunningPipeline {
    private static RunningPipeline instance;

    final Path home;
    final Path inbox;
    final ElasticsearchNode elasticsearch;
    final EmbeddedKafkaBroker kafka;
    final PipelineServices services;

    static synchronized RunningPipeline get() {
        if (instance == null) {
            instance = new RunningPipeline();
        }
        return instance;
    }

    private RunningPipeline() {
        home = Path.of(System.getProperty("rightstream.home", "..")).toAbsolutePath().normalize();
        Path workDir = home.resolve("system-tests/target/e2e");
        inbox = workDir.resolve("inbox");
        StackConfig config = StackConfig.fromEnvironment(home);
        elasticsearch = new ElasticsearchNode(config.elasticsearchZip(), config.stateDir().resolve("dist"),
                home.resolve("target/test-elasticsearch"), PipelineServices.freePort(PipelineServices.PORT_BASE + 1120), 512);
        kafka = new EmbeddedKafkaKraftBroker(1, 3).brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "message.max.bytes", Integer.toString(Topics.MAX_REPORT_MESSAGE_BYTES),
                "group.initial.rebalance.delay.ms", "0"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-pipeline"));
        try {
            Files.createDirectories(inbox);
            CompletableFuture<Boolean> es = CompletableFuture.supplyAsync(() -> elasticsearch.start(Duration.ofSeconds(150)));
            kafka.afterPropertiesSet();
            try (Admin admin = admin()) {
                TopicSetup.apply(admin, Topics.ALL);
            }
            es.join();
            services = new PipelineServices(home, workDir, kafka.getBrokersAsString(), elasticsearch.url(), inbox).start();
        } catch (Exception e) {
            throw new IllegalStateException("the pipeline under test did not start: " + e.getMessage(), e);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()));
    }

    String url(String service) {
        return services.url(service);
    }

    /** The seed report whose file name starts with {@code prefix}. */
    Path seed(String prefix) throws java.io.IOException {
        try (var files = Files.list(home.resolve("seeds"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    /** Stops a service and starts it again on the same port, waiting until it reports UP. */
    void restart(String service) {
        var process = services.services.get(service);
        process.stop();
        process.start(Duration.ofSeconds(180));
    }

    private void stop() {
        if (services != null) {
            services.stop();
        }
        try {
            kafka.destroy();
        } catch (RuntimeException ignored) {
            // The JVM is ending; the broker's files are in a temp folder.
        }
        elasticsearch.stop();
    }
}
