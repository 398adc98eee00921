package org.rightstream.infra;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;

/** What {@code ./rightstream status} prints, and the wait for seeds to become searchable. */
final class StackStatus {
    /** How long status waits for any one answer; a component that takes longer is shown as not answering. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    private final Stack stack;

    StackStatus(Stack stack) {
        this.stack = stack;
    }

    /**
     * Prints one line per component, then the pipeline table ({@link StageTable}) with each stage's consumer lag;
     * true when everything is up. All probes run at once, so the whole takes about as long as the slowest answer.
     */
    boolean print(PrintStream out) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "status");
            t.setDaemon(true);
            return t;
        });
        try {
            var es = stack.elasticsearch();
            var kafka = stack.kafka();
            CompletableFuture<Long> indexed = CompletableFuture.supplyAsync(
                    () -> es.isHealthy() ? indexedCount(es.url()) : null, pool);
            CompletableFuture<KafkaView> kafkaView = CompletableFuture.supplyAsync(() -> kafkaView(kafka), pool);
            Map<String, CompletableFuture<String>> health = new LinkedHashMap<>();
            Map<String, CompletableFuture<Http.Response>> scrapes = new LinkedHashMap<>();
            for (ServiceProcess s : stack.services()) {
                health.put(s.name(), CompletableFuture.supplyAsync(s::health, pool));
                scrapes.put(s.name(), Http.getAsync(s.url() + "/actuator/prometheus", ANSWER_WITHIN));
            }

            boolean allUp = true;
            out.printf("%-18s %-6s %-7s %-8s %s%n", "COMPONENT", "STATE", "PORT", "PID", "DETAIL");
            Long count = indexed.join();
            boolean esUp = count != null;
            allUp &= esUp;
            out.printf("%-18s %-6s %-7d %-8s %s%n", "elasticsearch", esUp ? "up" : "down", es.port(), pid(es.process()),
                    esUp ? "indexed passages: " + (count < 0 ? "unknown" : count) : "");
            KafkaView k = kafkaView.join();
            allUp &= k.up();
            out.printf("%-18s %-6s %-7d %-8s %s%n", "kafka", k.up() ? "up" : "down", kafka.port(), pid(kafka.process()), "");
            for (ServiceProcess s : stack.services()) {
                String h = health.get(s.name()).join();
                boolean up = "UP".equals(h);
                allUp &= up;
                out.printf("%-18s %-6s %-7d %-8s %s%n", s.name(), up ? "up" : "down", s.port(), pid(s.process()),
                        up ? "" : "health " + h);
            }

            Map<String, PrometheusText> metrics = new HashMap<>();
            scrapes.forEach((name, f) -> {
                Http.Response r = f.join();
                if (r.ok()) {
                    metrics.put(name, PrometheusText.parse(r.body()));
                }
            });
            out.println();
            StageTable.print(out, metrics, k.lags());
            return allUp;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether the broker answers, and the lag of every stage's consumer group. */
    record KafkaView(boolean up, Map<String, Long> lags) {
    }

    static KafkaView kafkaView(KafkaBroker kafka) {
        if (!Processes.isListening(kafka.port())) {
            return new KafkaView(false, Map.of());
        }
        Admin admin = kafka.admin();
        try {
            List<ConsumerLag.Group> groups = StageTable.STAGES.stream().map(StageTable.Stage::group).toList();
            return new KafkaView(true, ConsumerLag.of(admin, groups, ANSWER_WITHIN));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KafkaView(false, Map.of());
        } catch (Exception e) {
            // No answer in time: shown as down, lag unknown.
            return new KafkaView(false, Map.of());
        } finally {
            // Not the default close, which waits for any request still out for up to the API timeout.
            admin.close(Duration.ofMillis(200));
        }
    }

    private static String pid(java.util.Optional<ProcessHandle> p) {
        return p.map(h -> Long.toString(h.pid())).orElse("-");
    }

    static long indexedCount(String esUrl) {
        Http.Response r = Http.get(esUrl + "/" + Indices.REPORT_CHUNKS.alias() + "/_count");
        // A pattern, not the JSON mapper: status starts faster without loading Jackson.
        Matcher m = COUNT.matcher(r.body());
        return r.ok() && m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Waits until the given reports have at least {@code expected} passages indexed, with progress. */
    void awaitIndexed(Collection<String> reportIds, long expected, Duration timeout, PrintStream out) {
        if (reportIds.isEmpty()) {
            return;
        }
        String esUrl = stack.elasticsearch().url();
        String ids = reportIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        String query = "{\"query\":{\"terms\":{\"reportId\":[" + ids + "]}}}";
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        long lastPrinted = -1;
        while (System.nanoTime() < deadline) {
            Http.post(esUrl + "/" + Indices.REPORT_CHUNKS.alias() + "/_refresh", "");
            Http.Response r = Http.post(esUrl + "/" + Indices.REPORT_CHUNKS.alias() + "/_count", query);
            count = r.ok() ? RightstreamJson.mapper().readTree(r.body()).path("count").asLong() : 0;
            if (count != lastPrinted) {
                out.printf("  searchable: %d of %d passages%n", count, expected);
                lastPrinted = count;
            }
            if (count >= expected) {
                return;
            }
            Processes.sleep(500);
        }
        throw new LaunchException("only " + count + " of " + expected + " seed passages became searchable within "
                + timeout.toSeconds() + " s; see ./rightstream status and ./rightstream logs query-service");
    }
}
