package org.rightstream.query.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Source;
import org.rightstream.contracts.Topics;
import org.rightstream.query.watch.GeneratedWatches;
import org.rightstream.query.watch.Watch;
import org.rightstream.query.watch.WatchType;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./rightstream bench-alerts}: on the running stack, imports a watchlist of WATCHES generated names, then
 * publishes PASSAGES passages to report.chunks.classified, each its own one-passage report naming one watched person
 * (as written, surname first, or with an initial), and measures the time from each send until its notification is
 * read from the alerts topic: first at RATE passages per second (an otherwise idle stream), then all at once (a
 * burst, the stream busy). Removes its watches, passages and alerts afterwards.
 */
public final class AlertLatencyBenchmark {
    private static final Duration WAIT_FOR_LAST = Duration.ofSeconds(60);
    private static final String COUNTRY = "Benchmarkland";

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int watchCount;
        int passageCount;
        double rate;
        try {
            watchCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
            passageCount = args.length > 1 ? Integer.parseInt(args[1]) : 300;
            rate = args.length > 2 ? Double.parseDouble(args[2]) : 10;
            if (watchCount < 10 || watchCount > 10_000 || passageCount < 1 || rate <= 0) {
                throw new NumberFormatException("WATCHES must be 10-10000, PASSAGES and RATE above 0");
            }
        } catch (NumberFormatException e) {
            System.err.println("usage: bench-alerts [WATCHES] [PASSAGES] [RATE]   (" + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        String esUrl = "http://127.0.0.1:" + QueryBenchmark.port("RIGHTSTREAM_ES_PORT", 9200);
        String kafka = "127.0.0.1:" + QueryBenchmark.port("RIGHTSTREAM_KAFKA_PORT", 9092);
        String queryUrl = "http://127.0.0.1:" + QueryBenchmark.port("RIGHTSTREAM_QUERY_PORT", 8080);
        if (!QueryBenchmark.reachable(esUrl, kafka, queryUrl)) {
            System.exit(1);
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "bench-" + run + "-";
        List<Watch> watches = GeneratedWatches.of(watchCount, prefix);
        List<Watch> persons = watches.stream().filter(w -> w.type() == WatchType.PERSON).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI es = URI.create(esUrl);
        try (RestClient rest = RestClient.builder(new HttpHost(es.getHost(), es.getPort(), es.getScheme())).build();
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0),
                     new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
            List<ClassifiedChunk> published = new ArrayList<>();
            try {
                long importStart = System.nanoTime();
                HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(queryUrl
                                + "/api/watchlist/import")).header("Content-Type", "text/csv")
                                // The stack's key, exported by ./rightstream from .rightstream/api-key.
                                .header("X-Api-Key", System.getenv().getOrDefault("RIGHTSTREAM_API_KEY", ""))
                        .POST(HttpRequest.BodyPublishers.ofString(csv(watches))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (imported.statusCode() != 200) {
                    throw new IllegalStateException("watchlist import failed: HTTP " + imported.statusCode() + " "
                            + imported.body());
                }
                System.out.printf(Locale.ROOT, "bench-alerts: %,d watches imported in %.1f s (%d persons); waiting for"
                        + " their retroactive check%n", watchCount, (System.nanoTime() - importStart) / 1e9, persons.size());
                waitForRetroactiveCheck(http, queryUrl, watches.get(0).id());

                List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                Receiver receiver = new Receiver(consumer);
                Thread reader = new Thread(receiver, "bench-alerts-reader");
                reader.start();
                try {
                    String[] forms = {"as written", "surname first", "initial"};
                    // Warm-up: JIT of the service's matching and notification path, not measured.
                    measure("warm-up", producer, receiver, persons, Math.min(50, passageCount), 0, run + "w", forms,
                            published);
                    measure(String.format(Locale.ROOT, "steady, %.0f passages/s", rate), producer, receiver, persons,
                            passageCount, rate, run + "s", forms, published);
                    measure("burst, all at once", producer, receiver, persons, passageCount, 0, run + "b", forms,
                            published);
                } finally {
                    receiver.stop.set(true);
                    reader.join(5_000);
                }
            } finally {
                cleanUp(client, prefix, published);
                System.out.printf(Locale.ROOT, "removed the benchmark's %,d watches, %,d passages and their alerts%n",
                        watchCount, published.size());
            }
        }
    }

    /**
     * Notifications read from the alerts topic: the first arrival per report (a passage may name two watches whose
     * generated names coincide), and how often each notification id arrived.
     */
    private static final class Receiver implements Runnable {
        final KafkaConsumer<String, byte[]> consumer;
        final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        final Map<String, Integer> arrivals = new ConcurrentHashMap<>();
        final Map<String, String> reportOf = new ConcurrentHashMap<>();
        final AtomicBoolean stop = new AtomicBoolean();

        Receiver(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    JsonNode n = RightstreamJson.mapper().readTree(r.value());
                    String reportId = n.path("reportId").asString();
                    arrivedAt.putIfAbsent(reportId, now);
                    String id = n.path("notificationId").asString();
                    arrivals.merge(id, 1, Integer::sum);
                    reportOf.put(id, reportId);
                }
            }
        }
    }

    private static void measure(String label, KafkaProducer<String, byte[]> producer, Receiver receiver,
                                List<Watch> persons, int count, double rate, String run, String[] forms,
                                List<ClassifiedChunk> published) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        String loadBefore = QueryBenchmark.load();
        long start = System.nanoTime();
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            Watch w = persons.get(Math.floorMod((run + i).hashCode(), persons.size()));
            ClassifiedChunk passage = passage(run, i, written(w.name(), forms[i % forms.length]));
            published.add(passage);
            sentAt.put(passage.reportId(), System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.REPORT_CHUNKS_CLASSIFIED, passage.reportId(),
                    RightstreamJson.write(passage)), (meta, e) -> {
                        if (e != null) {
                            failures.incrementAndGet();
                        }
                    });
        }
        producer.flush();
        long deadline = System.nanoTime() + WAIT_FOR_LAST.toNanos();
        while (System.nanoTime() < deadline && !receiver.arrivedAt.keySet().containsAll(sentAt.keySet())) {
            Thread.sleep(50);
        }
        long[] latencies = sentAt.entrySet().stream().filter(e -> receiver.arrivedAt.containsKey(e.getKey()))
                .mapToLong(e -> receiver.arrivedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
        long duplicates = receiver.arrivals.entrySet().stream()
                .filter(e -> sentAt.containsKey(receiver.reportOf.get(e.getKey())) && e.getValue() > 1).count();
        System.out.printf(Locale.ROOT, "%-26s %4d passages, %4d notifications (%d lost, %d duplicated, %d send"
                        + " errors): p50 %6.0f ms, p95 %6.0f ms, p99 %6.0f ms, max %6.0f ms (load average %s -> %s)%n",
                label, count, latencies.length, count - latencies.length, duplicates, failures.get(),
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                percentile(latencies, 100), loadBefore, QueryBenchmark.load());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The name as a report might write it. */
    private static String written(String name, String form) {
        String[] parts = name.split(" ");
        String surname = parts[parts.length - 1];
        String given = String.join(" ", Arrays.copyOf(parts, parts.length - 1));
        return switch (form) {
            case "surname first" -> surname + " " + given;
            case "initial" -> given.charAt(0) + ". " + surname;
            default -> name;
        };
    }

    private static ClassifiedChunk passage(String run, int i, String name) {
        String text = "On " + (1 + i % 28) + " March police detained " + name + " outside the courthouse after the"
                + " hearing; the detainee's lawyer said officers beat " + name.split(" ")[0].replace(".", "")
                + "'s relatives who had come to the hearing. (benchmark " + run + "-" + i + ")";
        String reportId = Ids.reportId(text);
        ChunkMessage m = new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, 0), 0, 1,
                new Source("bench-alerts.txt", reportId, "text/plain", null), COUNTRY, 2026,
                "Alert latency benchmark", List.of("Section 1", "Arbitrary Arrest"), null, text, 0, text.length(),
                null, List.of(), false, Instant.now());
        return BenchDocuments.label(m, Instant.now());
    }

    private static String csv(List<Watch> watches) {
        StringBuilder b = new StringBuilder("id,name,type\n");
        watches.forEach(w -> b.append(w.id()).append(',').append(w.name()).append(',').append(w.type()).append('\n'));
        return b.toString();
    }

    private static void waitForRetroactiveCheck(HttpClient http, String queryUrl, String watchId) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(queryUrl + "/api/watchlist/" + watchId
                    + "/retroactive")).build(), HttpResponse.BodyHandlers.ofString());
            String state = RightstreamJson.mapper().readTree(r.body()).path("state").asString();
            if ("DONE".equals(state) || "FAILED".equals(state)) {
                System.out.printf(Locale.ROOT, "retroactive check %s after %.1f s%n", state,
                        (System.nanoTime() - start) / 1e9);
                return;
            }
            Thread.sleep(500);
        }
    }

    private static void cleanUp(ElasticsearchClient client, String watchPrefix, List<ClassifiedChunk> published)
            throws Exception {
        deleteWhere(client, Indices.WATCHLIST.alias(), Query.of(q -> q.prefix(p -> p.field("id").value(watchPrefix))));
        deleteWhere(client, Indices.ALERTS.alias(), Query.of(q -> q.prefix(p -> p.field("watchId").value(watchPrefix))));
        deleteWhere(client, Indices.ALERT_GROUPS.alias(),
                Query.of(q -> q.prefix(p -> p.field("watchId").value(watchPrefix))));
        deleteWhere(client, Indices.REPORT_CHUNKS.alias(), Query.of(q -> q.term(t -> t.field("country").value(COUNTRY))));
    }

    /** Search and bulk delete: the local node has no delete-by-query. */
    private static void deleteWhere(ElasticsearchClient client, String index, Query query) throws Exception {
        client.indices().refresh(r -> r.index(index));
        while (true) {
            var hits = client.search(s -> s.index(index).size(1_000).query(query).source(src -> src.fetch(false)),
                    Void.class).hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            List<BulkOperation> ops = hits.stream().map(h -> BulkOperation.of(b -> b.delete(d -> d.index(index)
                    .id(h.id())))).toList();
            client.bulk(b -> b.operations(ops).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        }
    }
}
