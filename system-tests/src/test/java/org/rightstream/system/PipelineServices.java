package org.rightstream.system;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.rightstream.infra.ServiceProcess;
import org.rightstream.infra.StackConfig;

/**
 * The three services run from their executable jars, as {@code ./rightstream up} runs them, against
 * a given Kafka and Elasticsearch; each on a free port, logs under {@code workDir/logs}.
 */
final class PipelineServices {
    private static final Set<Integer> TAKEN = new HashSet<>();
    /**
     * Where the search for free ports starts (services here, Elasticsearch 1,120 above): another number for a second
     * build running on the same machine at the same time ({@code -Drightstream.it.port-base=28080}), as the two
     * would otherwise both find the same port free before either binds it.
     */
    static final int PORT_BASE = Integer.getInteger("rightstream.it.port-base", 18080);

    final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    PipelineServices(Path home, Path workDir, String bootstrapServers, String elasticsearchUrl, Path inbox) {
        StackConfig config = StackConfig.fromEnvironment(home);
        int queryPort = freePort(PORT_BASE);
        int classifyPort = freePort(PORT_BASE);
        int ingestPort = freePort(PORT_BASE);
        add(config, workDir, "query-service", queryPort, Map.of("spring.kafka.bootstrap-servers", bootstrapServers,
                "rightstream.elasticsearch.uris", elasticsearchUrl,
                "rightstream.dashboard.ingest-url", "http://127.0.0.1:" + ingestPort,
                // The webhook receivers of the tests listen on this machine.
                "rightstream.alerts.webhook-allow-private-addresses", "true"));
        add(config, workDir, "classify-service", classifyPort, Map.of("spring.kafka.bootstrap-servers", bootstrapServers));
        add(config, workDir, "ingest-service", ingestPort, Map.of("spring.kafka.bootstrap-servers", bootstrapServers,
                "rightstream.ingest.inbox", inbox.toString(), "rightstream.ingest.poll-interval", "300ms"));
    }

    private void add(StackConfig config, Path workDir, String name, int port, Map<String, String> properties) {
        services.put(name, new ServiceProcess(name, config.serviceJar(name), workDir, port, 256, properties,
                Map.of("RIGHTSTREAM_SECURITY_API_KEY", Api.KEY)));
    }

    /** Starts all three in parallel and waits until each reports UP. */
    PipelineServices start() {
        services.values().stream()
                .map(s -> CompletableFuture.supplyAsync(() -> s.start(Duration.ofSeconds(180))))
                .toList()
                .forEach(CompletableFuture::join);
        return this;
    }

    String url(String service) {
        return services.get(service).url();
    }

    void stop() {
        services.values().forEach(ServiceProcess::stop);
    }

    /** Ports are reserved here as well, since the services bind them only later. */
    static synchronized int freePort(int from) {
        int port = from;
        while (TAKEN.contains(port) || !isFree(port)) {
            port++;
        }
        TAKEN.add(port);
        return port;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
