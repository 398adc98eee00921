package org.rightstream.infra;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.Topics;

/** The whole local stack: Elasticsearch, Kafka and the three services, started and stopped in order. */
public final class Stack {
    public static final String INGEST = "ingest-service";
    public static final String CLASSIFY = "classify-service";
    public static final String QUERY = "query-service";

    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(150);

    private final StackConfig config;
    private final PrintStream out;
    private final ElasticsearchNode elasticsearch;
    private final KafkaBroker kafka;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    public Stack(StackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
        this.elasticsearch = new ElasticsearchNode(config.elasticsearchZip(), config.stateDir().resolve("dist"),
                config.stateDir().resolve("elasticsearch"), config.esPort(), config.esHeapMb());
        this.kafka = new KafkaBroker(config.kafkaLibDir(), config.stateDir().resolve("kafka"), config.kafkaPort(),
                config.kafkaHeapMb());
        Map<String, String> common = Map.of("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        Map<String, String> query = with(common, "rightstream.elasticsearch.uris", elasticsearch.url());
        // The dashboard's uploads and report list go through query-service to ingest-service.
        query.put("rightstream.dashboard.ingest-url", "http://127.0.0.1:" + config.ingestPort());
        services.put(QUERY, service(QUERY, config.queryPort(), query));
        services.put(CLASSIFY, service(CLASSIFY, config.classifyPort(), common));
        services.put(INGEST, service(INGEST, config.ingestPort(), with(common, "rightstream.ingest.inbox", config.inbox().toString())));
    }

    private ServiceProcess service(String name, int port, Map<String, String> properties) {
        Map<String, String> environment = ApiKeyFile.read(config)
                .map(key -> Map.of("RIGHTSTREAM_SECURITY_API_KEY", key)).orElse(Map.of());
        return new ServiceProcess(name, config.serviceJar(name), config.stateDir(), port, config.serviceHeapMb(),
                properties, environment);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    public ElasticsearchNode elasticsearch() {
        return elasticsearch;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    /**
     * Starts whatever is not running yet. If any part fails, the parts this call started are stopped
     * again, so a failed {@code up} leaves nothing half-started.
     */
    public void up(boolean withServices) {
        checkInbox();
        Deque<Runnable> startedHere = new ArrayDeque<>();
        try {
            step("Elasticsearch " + elasticsearch.url() + " and Kafka " + kafka.bootstrapServers(), () -> {
                Map<Runnable, CompletableFuture<Boolean>> starts = new LinkedHashMap<>();
                starts.put(elasticsearch::stop, async(() -> elasticsearch.start(INFRA_TIMEOUT)));
                starts.put(kafka::stop, async(() -> kafka.start(INFRA_TIMEOUT)));
                awaitAll(starts, startedHere);
                return "";
            });
            step("topics", () -> {
                try (var admin = kafka.admin()) {
                    List<String> created = TopicSetup.apply(admin, Topics.ALL);
                    return created.isEmpty() ? "all " + Topics.ALL.size() + " present" : "created " + String.join(", ", created);
                }
            });
            step("index templates and aliases", () -> {
                IndexSetup.apply(elasticsearch.url(), Indices.ALL);
                return "";
            });
            if (withServices) {
                step("services " + String.join(", ", services.keySet()), () -> {
                    Map<Runnable, CompletableFuture<Boolean>> starts = new LinkedHashMap<>();
                    services.values().forEach(svc -> starts.put(svc::stop, async(() -> svc.start(SERVICE_TIMEOUT))));
                    awaitAll(starts, startedHere);
                    return "";
                });
            }
        } catch (RuntimeException e) {
            if (!startedHere.isEmpty()) {
                out.println("Stopping what this run started ...");
                startedHere.forEach(Runnable::run);
            }
            throw e;
        }
    }

    private void checkInbox() {
        Path inbox = config.inbox();
        try {
            Files.createDirectories(inbox);
            Path probe = Files.createTempFile(inbox, ".probe", ".tmp");
            Files.delete(probe);
        } catch (Exception e) {
            throw new LaunchException("the drop folder " + inbox + " is not writable (" + e.getMessage()
                    + "). Fix its permissions, or set RIGHTSTREAM_STATE_DIR to a writable folder.");
        }
    }

    /** Stops only what rightstream started (pid files whose process still is ours), services first. */
    public void down() {
        List<String> stopped = new ArrayList<>();
        List.of(INGEST, CLASSIFY, QUERY).forEach(name -> {
            ServiceProcess s = services.get(name);
            if (s.process().isPresent()) {
                s.stop();
                stopped.add(name);
            }
        });
        if (kafka.process().isPresent()) {
            kafka.stop();
            stopped.add("kafka");
        }
        if (elasticsearch.process().isPresent()) {
            elasticsearch.stop();
            stopped.add("elasticsearch");
        }
        out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped " + String.join(", ", stopped) + ".");
    }

    /** Runs one start-up step and prints "ok (time, detail)" or "FAILED" after its name. */
    private void step(String what, Supplier<String> action) {
        long start = System.nanoTime();
        out.print("  " + what + " ... ");
        out.flush();
        String detail;
        try {
            detail = action.get();
        } catch (RuntimeException e) {
            out.println("FAILED");
            throw e;
        }
        out.printf("ok (%.1f s%s)%n", (System.nanoTime() - start) / 1e9, detail.isEmpty() ? "" : ", " + detail);
    }

    /**
     * Waits for parallel starts; each that started something registers its stop action even when a
     * sibling failed, so the caller can undo everything. Throws the first failure.
     */
    private static void awaitAll(Map<Runnable, CompletableFuture<Boolean>> starts, Deque<Runnable> startedHere) {
        RuntimeException failure = null;
        for (var e : starts.entrySet()) {
            try {
                if (join(e.getValue())) {
                    startedHere.push(e.getKey());
                }
            } catch (RuntimeException ex) {
                failure = failure == null ? ex : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static <T> CompletableFuture<T> async(Supplier<T> supplier) {
        return CompletableFuture.supplyAsync(supplier);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }
}
