package org.rightstream.query.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;

/**
 * {@code ./rightstream bench-query [REPETITIONS] [SECONDS] [PASSAGE_DIR] [--keep]} on a running stack ({@code ./rightstream
 * up}): (1) indexing throughput of the seed passages repeated REPETITIONS times (default 50), raw elasticsearch-java
 * bulk against the same documents through query-service, in the same run; (2) search latency of 1 and of 20
 * concurrent clients on GET /api/search for SECONDS (default 30) on the index now holding those documents, twice:
 * with 20 queries repeated (Elasticsearch's request cache answers them) and with every request distinct (it
 * cannot), each with the CPU per request of Elasticsearch, query-service and the client. Prints figures, asserts
 * nothing. Removes what it added (the scratch index, the documents in the live index) at the end, the
 * latter unless --keep.
 * Ports come from RIGHTSTREAM_ES_PORT, RIGHTSTREAM_KAFKA_PORT and RIGHTSTREAM_QUERY_PORT, as for the stack.
 */
public final class QueryBenchmark {
    private static final int CLIENTS = 20;
    private static final Duration INDEX_TIMEOUT = Duration.ofMinutes(10);
    private static final int ROUNDS = 5;
    private static final int WARM_UP_REPETITIONS = 5;

    private QueryBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        // --keep leaves the documents in the live index afterwards (to look at them, or to profile search).
        boolean keep = List.of(arguments).contains("--keep");
        String[] args = List.of(arguments).stream().filter(a -> !a.equals("--keep")).toArray(String[]::new);
        int repetitions;
        int seconds;
        try {
            repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 50;
            seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
            if (repetitions < 1 || seconds < 1) {
                throw new NumberFormatException("REPETITIONS and SECONDS must be at least 1");
            }
        } catch (NumberFormatException e) {
            System.err.println("usage: bench-query [REPETITIONS] [SECONDS] [PASSAGE_DIR] [--keep]   (numbers: " + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        Path passageDir = Path.of(args.length > 2 ? args[2] : "classify-service/training/passages");
        String esUrl = "http://127.0.0.1:" + port("RIGHTSTREAM_ES_PORT", 9200);
        String kafka = "127.0.0.1:" + port("RIGHTSTREAM_KAFKA_PORT", 9092);
        String queryUrl = "http://127.0.0.1:" + port("RIGHTSTREAM_QUERY_PORT", 8080);

        List<ChunkMessage> passages = BenchDocuments.readPassages(passageDir);
        String run = UUID.randomUUID().toString();
        List<ClassifiedChunk> docs = BenchDocuments.repeat(passages, repetitions, run);
        // Thousands of documents, so that the JIT has compiled the serialisation paths before timing; with one
        // repetition the first raw round was still warming up and the comparison favoured the service.
        List<ClassifiedChunk> rawWarmUp = BenchDocuments.repeat(passages, WARM_UP_REPETITIONS, run + " raw warm-up");
        List<ClassifiedChunk> serviceWarmUp = BenchDocuments.repeat(passages, WARM_UP_REPETITIONS, run + " service warm-up");
        System.out.printf(Locale.ROOT, "bench-query: %d passages (%s) x %d = %,d documents, severity %s; %d processors"
                        + " (shared with Elasticsearch, Kafka and the services)%n", passages.size(), passageDir,
                repetitions, docs.size(), BenchDocuments.severitySpread(docs), Runtime.getRuntime().availableProcessors());

        if (!reachable(esUrl, kafka, queryUrl)) {
            System.exit(1);
        }
        URI es = URI.create(esUrl);
        try (RestClient rest = RestClient.builder(new HttpHost(es.getHost(), es.getPort(), es.getScheme()))
                .setRequestConfigCallback(rc -> rc.setSocketTimeout(120_000)).build();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     // As classify-service's producer (its application.yml), which writes this topic in production.
                     ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                     new StringSerializer(), new ByteArraySerializer())) {
            IndexThroughput indexing = new IndexThroughput(new ElasticsearchClient(
                    new RestClientTransport(rest, new JacksonJsonpMapper())));
            List<ClassifiedChunk> inLiveIndex = new ArrayList<>();
            String scratch = "bench-report-chunks-" + run.substring(0, 8);
            try {
                // Warm-up of both paths (JIT, connections, the service's consumer), not measured. The raw one goes
                // into a scratch index made anew afterwards; the service's is removed from the live index again.
                indexing.createScratchIndex(scratch);
                indexing.raw(scratch, rawWarmUp, rawWarmUp.size());
                indexing.deleteIndex(scratch);
                indexing.createScratchIndex(scratch);
                inLiveIndex.addAll(serviceWarmUp);
                indexing.service(producer, admin, serviceWarmUp, INDEX_TIMEOUT);
                indexing.deleteFromLiveIndex(serviceWarmUp);
                inLiveIndex.clear();

                // Raw and service take turns, a few repetitions each, so that a change in the load of the shared
                // machine during the run weighs on both alike instead of on whichever ran at the worse moment.
                int rounds = Math.min(ROUNDS, repetitions);
                System.out.printf(Locale.ROOT, "indexing in %d rounds, each: raw (elasticsearch-java, one thread, bulks"
                        + " of %d, into scratch index %s with the live mapping), then service (Kafka %s, acks=all,"
                        + " keyed by reportId -> query-service -> alias report-chunks), the same documents%n", rounds,
                        IndexThroughput.RAW_BATCH, scratch, Topics.REPORT_CHUNKS_CLASSIFIED);
                double rawSeconds = 0;
                double serviceSeconds = 0;
                int done = 0;
                for (int round = 0; round < rounds; round++) {
                    int to = passages.size() * (int) ((long) repetitions * (round + 1) / rounds);
                    List<ClassifiedChunk> part = docs.subList(done, to);
                    String loadBefore = load();
                    IndexThroughput.Result raw = indexing.raw(scratch, part, to);
                    inLiveIndex.addAll(part);
                    IndexThroughput.Result service = indexing.service(producer, admin, part, INDEX_TIMEOUT);
                    System.out.printf(Locale.ROOT, "  round %d: %,d documents: raw %.1f s = %,.0f docs/s, service"
                                    + " %.1f s = %,.0f docs/s (all produced after %.1f s), ratio %.2f (load average %s"
                                    + " -> %s)%n", round + 1, part.size(), raw.seconds(), raw.perSecond(),
                            service.seconds(), service.perSecond(), service.producedSeconds(),
                            service.perSecond() / raw.perSecond(), loadBefore, load());
                    rawSeconds += raw.seconds();
                    serviceSeconds += service.seconds();
                    done = to;
                }
                indexing.deleteIndex(scratch);
                System.out.printf(Locale.ROOT, "indexing, raw:     %,d documents in %.1f s = %,.0f docs/s%n",
                        docs.size(), rawSeconds, docs.size() / rawSeconds);
                System.out.printf(Locale.ROOT, "indexing, service: %,d documents in %.1f s = %,.0f docs/s%n",
                        docs.size(), serviceSeconds, docs.size() / serviceSeconds);
                System.out.printf(Locale.ROOT, "indexing: service / raw = %.2f (target >= 0.80)%n",
                        rawSeconds / serviceSeconds);

                search(queryUrl, esUrl, seconds);
            } finally {
                indexing.deleteIndex(scratch);
                if (keep && !inLiveIndex.isEmpty()) {
                    System.out.printf(Locale.ROOT, "kept the %,d benchmark documents in the live index (--keep)%n",
                            inLiveIndex.size());
                } else if (!inLiveIndex.isEmpty()) {
                    indexing.deleteFromLiveIndex(inLiveIndex);
                    System.out.printf(Locale.ROOT, "removed the %,d benchmark documents from the live index"
                            + " (their messages stay on the topic until its retention ends)%n", inLiveIndex.size());
                }
            }
        }
    }

    private static void search(String queryUrl, String esUrl, int seconds) throws Exception {
        SearchLatency latency = new SearchLatency(queryUrl);
        List<Long> totals = latency.totals();
        StringBuilder mix = new StringBuilder();
        for (int i = 0; i < SearchLatency.QUERIES.size(); i++) {
            mix.append(i == 0 ? "" : ", ").append(SearchLatency.QUERIES.get(i)).append(" (").append(totals.get(i)).append(')');
        }
        System.out.println("search: query mix (hits): " + mix);
        ProcessCpu cpu = ProcessCpu.ofStack(stateDir());
        Duration warmUp = Duration.ofSeconds(Math.max(3, Math.min(10, seconds / 3)));
        System.out.printf(Locale.ROOT, "search: warm-up %d s, %d clients ...%n", warmUp.toSeconds(), CLIENTS);
        latency.run(CLIENTS, warmUp, SearchLatency.Mix.REPEATED);
        for (SearchLatency.Mix m : SearchLatency.Mix.values()) {
            String name = m == SearchLatency.Mix.REPEATED
                    ? "repeated queries (the 20 above, cycled: query-service's cache answers them while the index is"
                    + " unchanged)"
                    : "distinct queries (each request unique: the same 20 plus -zz<n>, n new each time; no request"
                    + " cache hit possible)";
            System.out.println("search, " + name + ":");
            // One client alone first: the time a search takes when nothing waits, to tell it from queueing under load.
            SearchLatency.Figures alone = measured(latency, cpu, esUrl, 1, warmUp, m);
            System.out.printf(Locale.ROOT, "search: %d clients for %d s ...%n", CLIENTS, seconds);
            String loadBefore = load();
            SearchLatency.Figures f = measured(latency, cpu, esUrl, CLIENTS, Duration.ofSeconds(seconds), m);
            System.out.println("  " + CLIENTS + " clients: p95 " + String.format(Locale.ROOT, "%.1f", f.millis(0.95))
                    + " ms against the target p95 < 50 ms (load average " + loadBefore + " -> " + load() + "; 1 client:"
                    + String.format(Locale.ROOT, " p95 %.1f ms", alone.millis(0.95)) + ")");
        }
    }

    /** One measured run: latency figures, CPU per request of each process, request cache hits and misses. */
    private static SearchLatency.Figures measured(SearchLatency latency, ProcessCpu cpu, String esUrl, int clients,
                                                  Duration duration, SearchLatency.Mix mix) throws Exception {
        long[] cacheBefore = requestCache(esUrl);
        Map<String, Double> cpuBefore = cpu.seconds();
        SearchLatency.Figures f = latency.run(clients, duration, mix);
        Map<String, Double> cpuAfter = cpu.seconds();
        long[] cacheAfter = requestCache(esUrl);
        String cache = cacheBefore == null || cacheAfter == null ? "request cache: ?"
                : String.format(Locale.ROOT, "request cache %,d hits / %,d misses", cacheAfter[0] - cacheBefore[0],
                cacheAfter[1] - cacheBefore[1]);
        System.out.println("  " + clients + (clients == 1 ? " client: " : " clients: ") + SearchLatency.describe(f)
                + "; CPU per request " + ProcessCpu.perRequest(cpuBefore, cpuAfter, f.requests()) + "; " + cache);
        return f;
    }

    /** Hits and misses of Elasticsearch's shard request cache on the passage index so far, or null. */
    private static long[] requestCache(String esUrl) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(esUrl + "/" + Indices.REPORT_CHUNKS.alias() + "/_stats/request_cache"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            var node = RightstreamJson.mapper().readTree(r.body()).path("_all").path("total").path("request_cache");
            return new long[] {node.path("hit_count").asLong(), node.path("miss_count").asLong()};
        } catch (Exception e) {
            return null;
        }
    }

    /** Where ./rightstream keeps its state (pid files): RIGHTSTREAM_STATE_DIR, else .rightstream here. */
    private static Path stateDir() {
        String dir = System.getenv("RIGHTSTREAM_STATE_DIR");
        return Path.of(dir == null || dir.isBlank() ? ".rightstream" : dir);
    }

    /** Checks all three before any work, and says which is not there and how to start it. */
    static boolean reachable(String esUrl, String kafka, String queryUrl) {
        List<String> missing = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // GET / is not served by the local node (see design.md); cluster health is.
        if (status(http, esUrl + "/_cluster/health") != 200) {
            missing.add("Elasticsearch at " + esUrl + " (RIGHTSTREAM_ES_PORT)");
        }
        // Generous timeouts: on a loaded 2-core machine a healthy broker can take seconds to answer.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            missing.add("Kafka at " + kafka + " (RIGHTSTREAM_KAFKA_PORT; " + why.getMessage() + ")");
        }
        int health = status(http, queryUrl + "/actuator/health");
        if (health < 0) {
            missing.add("query-service at " + queryUrl + " (RIGHTSTREAM_QUERY_PORT)");
        } else if (health != 200) {
            missing.add("query-service at " + queryUrl + " answers but is not healthy (HTTP " + health
                    + "; ./rightstream status)");
        }
        if (missing.isEmpty()) {
            return true;
        }
        System.err.println("bench-query: not reachable: " + String.join("; ", missing)
                + ". Start the stack with ./rightstream up (the same RIGHTSTREAM_*_PORT variables) and try again.");
        return false;
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** The 1-minute load average (Linux), to show how busy the shared machine was; "?" elsewhere. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    static int port(String env, int fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
