package org.rightstream.infra;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.rightstream.contracts.Topics;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from the
 * Apache Kafka jars that Maven collects in {@code infra/kafka-runtime/target/lib}.
 */
public final class KafkaBroker {
    private static final String MARKER = "kafka.Kafka";

    private final Path libDir;
    private final Path nodeDir;
    private final int port;
    private final int controllerPort;
    private final int heapMb;

    public KafkaBroker(Path libDir, Path nodeDir, int port, int heapMb) {
        this.libDir = libDir;
        this.nodeDir = nodeDir;
        this.port = port;
        this.controllerPort = port + 1;
        this.heapMb = heapMb;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    Path pidFile() {
        return nodeDir.resolve("run/kafka.pid");
    }

    Path logFile() {
        return nodeDir.resolve("logs/kafka.log");
    }

    public Optional<ProcessHandle> process() {
        return Processes.ours(pidFile(), MARKER);
    }

    public boolean isHealthy() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000));
    }

    /** Starts the broker unless ours is already running (then it is reused). Returns true when this call started it. */
    public boolean start(Duration timeout) {
        Optional<ProcessHandle> running = process();
        if (running.isPresent()) {
            waitHealthy(running.get(), timeout);
            return false;
        }
        for (int p : List.of(port, controllerPort)) {
            if (!Processes.isPortFree(p)) {
                throw new LaunchException("port " + p + " is already in use by a process rightstream did not start"
                        + " (another Kafka?). Stop it, or choose another port with RIGHTSTREAM_KAFKA_PORT"
                        + " (the controller uses the next port).");
            }
        }
        String classpath = classpath();
        writeConfig();
        formatStorageOnce(classpath);
        List<String> command = List.of("setsid", javaBin(), "-Xms" + Math.min(heapMb, 256) + "m", "-Xmx" + heapMb + "m",
                "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + nodeDir.resolve("config/log4j2.properties"),
                "-Dkafka.logs.dir=" + nodeDir.resolve("logs"),
                "-cp", classpath, MARKER, nodeDir.resolve("config/server.properties").toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new LaunchException("cannot start Kafka: " + e.getMessage(), e);
        }
        try {
            waitHealthy(process.toHandle(), timeout);
        } catch (RuntimeException e) {
            // By handle, not by pid file: this process is ours whatever /proc shows at this moment.
            Processes.stop(process.toHandle(), Duration.ofSeconds(30));
            throw e;
        }
        return true;
    }

    /** Liveness on the handle: right after the fork /proc still shows the launcher's command line. */
    private void waitHealthy(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!handle.isAlive()) {
                throw new LaunchException("Kafka exited during start-up. Last log lines:\n" + Processes.tail(logFile(), 20));
            }
            if (Processes.isListening(port) && isHealthy()) {
                return;
            }
            Processes.sleep(250);
        }
        throw new LaunchException("Kafka did not become ready on " + bootstrapServers() + " within "
                + timeout.toSeconds() + " s. Last log lines:\n" + Processes.tail(logFile(), 20));
    }

    public void stop() {
        process().ifPresent(p -> Processes.stop(p, Duration.ofSeconds(30)));
    }

    private String classpath() {
        if (!Files.isDirectory(libDir)) {
            throw new LaunchException("Kafka broker jars not found in " + libDir + ". Build first: mvn -q -DskipTests package");
        }
        return libDir.resolve("*").toString();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    void writeConfig() {
        try {
            Files.createDirectories(nodeDir.resolve("config"));
            Files.createDirectories(nodeDir.resolve("run"));
            Files.createDirectories(nodeDir.resolve("logs"));
            Files.writeString(nodeDir.resolve("config/server.properties"), serverProperties(), StandardCharsets.UTF_8);
            Files.writeString(nodeDir.resolve("config/log4j2.properties"), String.join("\n",
                    "rootLogger.level=INFO",
                    "rootLogger.appenderRef.out.ref=OUT",
                    "appender.out.type=Console",
                    "appender.out.name=OUT",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=%d{ISO8601} %p %c{1} - %m%n",
                    // The request and state-change loggers are chatty at INFO; keep start-up and errors.
                    "logger.state.name=state.change.logger",
                    "logger.state.level=WARN",
                    "logger.request.name=kafka.request.logger",
                    "logger.request.level=WARN",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException("cannot write Kafka config under " + nodeDir + ": " + e.getMessage(), e);
        }
    }

    String serverProperties() {
        // Room for a whole report on reports.incoming plus record overhead.
        int maxMessage = Topics.MAX_REPORT_MESSAGE_BYTES;
        return String.join("\n",
                "# Written by the rightstream launcher on every start; edit KafkaBroker instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + nodeDir.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=" + maxMessage,
                "replica.fetch.max.bytes=" + maxMessage,
                "");
    }

    private void formatStorageOnce(String classpath) {
        Path data = nodeDir.resolve("data");
        if (Files.exists(data.resolve("meta.properties"))) {
            return;
        }
        Path clusterIdFile = nodeDir.resolve("cluster-id");
        try {
            if (!Files.exists(clusterIdFile)) {
                Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
            }
            String clusterId = Files.readString(clusterIdFile).trim();
            int exit = Processes.run(List.of(javaBin(), "-Xmx256m", "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "-t", clusterId, "-c", nodeDir.resolve("config/server.properties").toString(), "--ignore-formatted"),
                    logFile(), Duration.ofSeconds(60));
            if (exit != 0) {
                throw new LaunchException("formatting Kafka storage failed (exit " + exit + "). Last log lines:\n"
                        + Processes.tail(logFile(), 15));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot prepare Kafka storage in " + data + ": " + e.getMessage(), e);
        }
    }

}
