package org.rightstream.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.rightstream.contracts.Topics;
import org.rightstream.infra.ElasticsearchNode;
import org.rightstream.infra.ServiceProcess;
import org.rightstream.infra.StackConfig;
import org.rightstream.infra.TopicSetup;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The whole pipeline for the end-to-end tests, started once per test JVM: a real Elasticsearch node
 * (the launcher's, on a free port so a running local stack is left alone), a real embedded KRaft
 * broker (spring-kafka-test), and the three services run from their executable jars exactly as
 * {@code ./rightstream up} runs them. Stopped by a shutdown hook when the JVM ends.
 */
final class RunningPipeline {
    private static RunningPipeline instance;

    final Path home;
    final Path workDir;
    final Path inbox;
    final ElasticsearchNode elasticsearch;
    final EmbeddedKafkaBroker kafka;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    static synchronized RunningPipeline get() {
        if (instance == null) {
            instance = new RunningPipeline();
        }
        return instance;
    }

    private RunningPipeline() {
        home = Path.of(System.getProperty("rightstream.home", "..")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.fromEnvironment(home);
        workDir = home.resolve("system-tests/target/e2e");
        inbox = workDir.resolve("inbox");
        elasticsearch = new ElasticsearchNode(config.elasticsearchZip(), config.stateDir().resolve("dist"),
                home.resolve("target/test-elasticsearch"), freePort(19200), 512);
        kafka = new EmbeddedKafkaKraftBroker(1, 3).brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "message.max.bytes", Integer.toString(Topics.MAX_REPORT_BYTES + 65536),
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
            String bootstrap = kafka.getBrokersAsString();
            addService(config, "query-service", Map.of("spring.kafka.bootstrap-servers", bootstrap,
                    "rightstream.elasticsearch.uris", elasticsearch.url()));
            addService(config, "classify-service", Map.of("spring.kafka.bootstrap-servers", bootstrap));
            addService(config, "ingest-service", Map.of("spring.kafka.bootstrap-servers", bootstrap,
                    "rightstream.ingest.inbox", inbox.toString(), "rightstream.ingest.poll-interval", "300ms"));
            List<CompletableFuture<Boolean>> starts = services.values().stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> s.start(Duration.ofSeconds(180)))).toList();
            starts.forEach(CompletableFuture::join);
        } catch (Exception e) {
            throw new IllegalStateException("the pipeline under test did not start: " + e.getMessage(), e);
        }
    }

    private void addService(StackConfig config, String name, Map<String, String> properties) {
        services.put(name, new ServiceProcess(name, config.serviceJar(name), workDir, freePort(18080), 256, properties));
    }

    /** Ports are taken from separate ranges per component so parallel starts do not pick the same one. */
    private static synchronized int freePort(int from) {
        int port = from;
        while (!isFree(port) || TAKEN.contains(port)) {
            port++;
        }
        TAKEN.add(port);
        return port;
    }

    private static final java.util.Set<Integer> TAKEN = new java.util.HashSet<>();

    private static boolean isFree(int port) {
        try (var socket = new java.net.ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()));
    }

    String url(String service) {
        return services.get(service).url();
    }

    private void stop() {
        services.values().forEach(ServiceProcess::stop);
        try {
            kafka.destroy();
        } catch (RuntimeException ignored) {
            // The JVM is ending; the broker's files are under a temp folder.
        }
        elasticsearch.stop();
    }
}
