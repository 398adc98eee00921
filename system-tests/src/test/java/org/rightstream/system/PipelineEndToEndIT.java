package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Metrics;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Severity;
import org.rightstream.contracts.Source;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.contracts.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Drops seed reports into the running pipeline (real Kafka, real Elasticsearch, the services'
 * real jars) and checks what comes out of the search API.
 */
class PipelineEndToEndIT {
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(90);
    private static RunningPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        pipeline = RunningPipeline.get();
    }

    private static Path seed(String prefix) throws Exception {
        try (var files = Files.list(pipeline.home.resolve("seeds"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static JsonNode search(String query, String extra) {
        Api.Response r = Api.get(pipeline.url("query-service") + "/api/search?q=" + Api.encode(query) + extra);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static long passagesOfReport(String reportId) {
        return search(reportId, "&size=1").path("total").asLong();
    }

    @Test
    void uploadedSeedReportBecomesSearchableWithTheContractFields() throws Exception {
        Path report = seed("000_");
        Map<String, Double> metersBefore = stageMeters();
        // allowDuplicate: other test classes in this JVM may have sent the same seed already.
        Api.Response upload = Api.upload(pipeline.url("ingest-service") + "/api/reports?allowDuplicate=true",
                report.getFileName().toString(), Files.readAllBytes(report));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String reportId = upload.json().path("reportId").asString();
        int chunks = upload.json().path("chunks").asInt();
        assertThat(chunks).isGreaterThan(20);
        assertThat(upload.json().path("country").asString()).isEqualTo("Kazakhstan");
        assertThat(upload.json().path("year").asInt()).isEqualTo(2012);

        // Every published passage arrives in the index, found through the search API by its report's text.
        await().atMost(SEARCHABLE_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(countIndexed(reportId)).isEqualTo(chunks));

        // Every stage's meters counted the report's passages in and out (at least: other reports may be flowing),
        // the alerts stage (a group of its own) perhaps a moment after the index.
        await().atMost(SEARCHABLE_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Double> grown = grownSince(metersBefore);
            assertThat(grown.get("ingest.reports.published")).isGreaterThanOrEqualTo(1);
            assertThat(grown.get("ingest.latency.count")).isGreaterThanOrEqualTo(1);
            for (String stage : Metrics.STAGES) {
                if (!stage.equals(Metrics.INGEST)) {
                    assertThat(grown.get(stage + ".in")).as(stage + " in").isGreaterThanOrEqualTo(chunks);
                }
                assertThat(grown.get(stage + ".out")).as(stage + " out").isGreaterThanOrEqualTo(chunks);
            }
            assertThat(grown.get("classify.latency.count")).isGreaterThanOrEqualTo(chunks);
            assertThat(grown.get("index.bulk.size.sum")).isGreaterThanOrEqualTo(chunks);
            assertThat(grown.get("index.bulk.latency.count")).isGreaterThanOrEqualTo(1);
            assertThat(grown.get("alerts.latency.count")).isGreaterThanOrEqualTo(1);
        });

        JsonNode result = search("torture", "&size=50");
        List<JsonNode> fromThisReport = new ArrayList<>();
        result.path("hits").forEach(h -> {
            if (reportId.equals(h.path("reportId").asString())) {
                fromThisReport.add(h);
            }
        });
        assertThat(fromThisReport).isNotEmpty();
        JsonNode hit = fromThisReport.get(0);
        assertThat(hit.path("chunkId").asString()).isEqualTo(Ids.chunkId(reportId, hit.path("ordinal").asInt()));
        assertThat(hit.path("country").asString()).isEqualTo("Kazakhstan");
        assertThat(hit.path("year").asInt()).isEqualTo(2012);
        assertThat(hit.path("title").asString()).isEqualTo("KAZAKHSTAN 2012 HUMAN RIGHTS REPORT");
        // The trained model (version from its data hash) plus the severity/entity rule set.
        assertThat(hit.path("modelVersion").asString()).matches("cat\\d+-[0-9a-f]{12}-r\\d+");
        assertThat(hit.path("severity").asInt()).isBetween(1, 5);
        assertThat(hit.path("snippets").get(0).asString()).containsIgnoringCase("<mark>torture</mark>");
        // Passages know where they sit in the report.
        assertThat(fromThisReport).anySatisfy(h -> assertThat(h.path("sectionPath").toString())
                .contains("c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment"));

        // The stored document carries every field of the classified-chunk contract.
        JsonNode doc = esDocument(hit.path("chunkId").asString());
        for (String field : List.of("schemaVersion", "reportId", "chunkId", "ordinal", "totalChunks", "source",
                "country", "year", "title", "sectionPath", "text", "charStart", "charEnd", "paragraphNumbers",
                "isRecommendation", "ingestedAt", "categories", "severity", "entities", "modelVersion", "classifiedAt")) {
            assertThat(doc.has(field)).as("indexed document has " + field).isTrue();
        }
        assertThat(doc.path("totalChunks").asInt()).isEqualTo(chunks);
        assertThat(doc.path("source").path("fileName").asString()).isEqualTo(report.getFileName().toString());
        assertThat(doc.path("source").path("sha256").asString()).isEqualTo(Ids.sha256Hex(Files.readAllBytes(report)));
        assertThat(doc.path("severity").path("indicators").size()).isPositive();
        assertThat(doc.path("severity").path("indicators").get(0).path("rule").asString()).doesNotContain("placeholder");
        assertThat(doc.path("categories").size()).isPositive();
        assertThat(Taxonomy.get().categories()).extracting(Taxonomy.Category::id)
                .contains(doc.path("categories").get(0).path("id").asString());
        assertThat(doc.path("sectionPath").size()).isPositive();
    }

    @Test
    void sendingTheSameReportAgainIsRecognisedAndAForcedReplayKeepsOneCopyOfEachPassage() throws Exception {
        // The same first line on both formats makes them reports no other test class has sent.
        String marker = "Duplicate test " + UUID.randomUUID();
        byte[] bytes = Api.withFirstLine(marker, Files.readAllBytes(seed("003_")));
        String url = pipeline.url("ingest-service") + "/api/reports";
        // allowDuplicate: the same seed sent by another test class would make this copy its near-duplicate.
        Api.Response first = Api.upload(url + "?allowDuplicate=true", "first.txt", bytes);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String reportId = first.json().path("reportId").asString();
        int chunks = first.json().path("chunks").asInt();
        await().atMost(SEARCHABLE_WITHIN).untilAsserted(() -> assertThat(countIndexed(reportId)).isEqualTo(chunks));

        Api.Response again = Api.upload(url, "again.txt", bytes);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.json().path("reportId").asString()).isEqualTo(reportId);

        // The same submission as markdown is a near-duplicate and is not published.
        Api.Response markdown = Api.upload(url, "submission.md", Api.withFirstLine(marker, Files.readAllBytes(seed("004_"))));
        assertThat(markdown.json().path("status").asString()).isEqualTo("NEAR_DUPLICATE");
        // Of this copy, or of the same submission another test class sent: both are the same report.
        assertThat(markdown.json().path("duplicateOf").asString()).isNotBlank();
        assertThat(markdown.json().path("similarity").asDouble()).isGreaterThan(0.8);

        // Publishing it anyway replaces the passages (same ids), it never adds copies.
        Api.Response forced = Api.upload(url + "?allowDuplicate=true", "second-name.txt", bytes);
        assertThat(forced.status()).as(forced.body()).isEqualTo(201);
        await().atMost(SEARCHABLE_WITHIN).untilAsserted(() ->
                assertThat(esDocument(Ids.chunkId(reportId, chunks - 1)).path("source").path("fileName").asString())
                        .isEqualTo("second-name.txt"));
        assertThat(countIndexed(reportId)).isEqualTo(chunks);

        Api.Response registry = Api.get(pipeline.url("ingest-service") + "/api/reports/" + reportId);
        assertThat(registry.status()).isEqualTo(200);
        assertThat(registry.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(registry.json().path("chunks").asInt()).isEqualTo(chunks);
        assertThat(Api.get(pipeline.url("ingest-service") + "/api/reports/unknown-id").status()).isEqualTo(404);
    }

    @Test
    void reportDroppedIntoTheInboxIsIngestedAndMovedToProcessed() throws Exception {
        // A report of its own: a seed sent earlier by any test class would make a seed copy a near-duplicate,
        // which is recorded but not published.
        String name = "dropped-" + UUID.randomUUID() + ".txt";
        Path partial = pipeline.inbox.resolve("." + name);
        Files.writeString(partial, uniqueReport(name));
        Files.move(partial, pipeline.inbox.resolve(name));

        await().atMost(SEARCHABLE_WITHIN).untilAsserted(() ->
                assertThat(Files.exists(pipeline.inbox.resolve("processed").resolve(name))).isTrue());
        assertThat(pipeline.inbox.resolve(name)).doesNotExist();
        await().atMost(SEARCHABLE_WITHIN).untilAsserted(() -> assertThat(countIndexedFromFile(name)).isGreaterThan(5));
    }

    @Test
    void aFileThatIsNotAReportIsRejectedWithAReasonAndNothingIsPublished() throws Exception {
        String name = "note-" + UUID.randomUUID() + ".txt";
        Files.writeString(pipeline.inbox.resolve(name), "Lunch at noon.\nBring the slides.\n");
        await().atMost(SEARCHABLE_WITHIN).untilAsserted(() ->
                assertThat(pipeline.inbox.resolve("rejected").resolve(name + ".reason.txt")).exists());
        assertThat(Files.readString(pipeline.inbox.resolve("rejected").resolve(name + ".reason.txt")))
                .startsWith("NOT_A_REPORT");

        Api.Response empty = Api.upload(pipeline.url("ingest-service") + "/api/reports", "empty.txt", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("detail").asString()).contains("empty");
        Api.Response binary = Api.upload(pipeline.url("ingest-service") + "/api/reports", "x.bin",
                new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1, 2, (byte) 0xFF, (byte) 0xD8});
        assertThat(binary.status()).isEqualTo(415);
        assertThat(binary.json().path("reason").asString()).isEqualTo("UNSUPPORTED_TYPE");
        byte[] latin1 = "Le rapport décrit des détentions arbitraires à Almaty et ailleurs dans le pays."
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Api.Response notUtf8 = Api.upload(pipeline.url("ingest-service") + "/api/reports", "rapport.txt", latin1);
        assertThat(notUtf8.status()).isEqualTo(422);
        assertThat(notUtf8.json().path("detail").asString()).contains("UTF-8");

        // Every rejection is in the registry with its reason.
        Api.Response rejected = Api.get(pipeline.url("ingest-service") + "/api/reports?status=REJECTED");
        assertThat(rejected.json().findValuesAsString("fileName")).contains("empty.txt", "x.bin", "rapport.txt", name);
    }

    @Test
    void aBrokenPassageMessageGoesToTheDeadLetterTopicAndTheStreamGoesOn() throws Exception {
        String garbageKey = "broken-" + UUID.randomUUID();
        double deadBefore = Api.meter(pipeline.url("classify-service"), Metrics.DLQ, Metrics.STAGE, Metrics.CLASSIFY);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.REPORT_CHUNKS, garbageKey,
                    "{\"schemaVersion\":1, this is not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.dlq(Topics.REPORT_CHUNKS), garbageKey);
        assertThat(new String(dead.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8))
                .contains("not a valid ChunkMessage");
        // Counted once the dead-letter topic acknowledged it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Api.meter(pipeline.url("classify-service"),
                Metrics.DLQ, Metrics.STAGE, Metrics.CLASSIFY, Metrics.TOPIC, "report.chunks.dlq"))
                .isGreaterThanOrEqualTo(deadBefore + 1));

        // A valid report sent afterwards still flows through.
        Path report = seed("002_");
        Api.Response upload = Api.upload(pipeline.url("ingest-service") + "/api/reports?allowDuplicate=true",
                "after-dlq.txt", Files.readAllBytes(report));
        String reportId = upload.json().path("reportId").asString();
        int chunks = upload.json().path("chunks").asInt();
        await().atMost(SEARCHABLE_WITHIN).untilAsserted(() -> assertThat(countIndexed(reportId)).isEqualTo(chunks));
    }

    @Test
    void aNewerModelsLabelsAreNeverReplacedByAnOlderModelsButByANewerOne() throws Exception {
        String reportId = Ids.reportId("model-order-" + UUID.randomUUID());
        ChunkMessage passage = new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, 0), 0, 2,
                new Source("order.txt", "0", "text/plain", null), "Testland", 2024, "Order test", List.of(), null,
                "Police detained two journalists after the protest.", 0, 50, null, List.of(), false, Instant.now());
        ChunkMessage marker = new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, 1), 1, 2,
                passage.source(), "Testland", 2024, "Order test", List.of(), null, "A later passage.", 51, 67, null,
                List.of(), false, Instant.now());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            java.util.function.BiConsumer<ChunkMessage, String[]> send = (chunk, model) -> {
                ClassifiedChunk c = ClassifiedChunk.of(chunk, List.of(), new Severity(1, List.of()), List.of(),
                        model[0], Instant.now(), Instant.parse(model[1]));
                try {
                    producer.send(new ProducerRecord<>(Topics.REPORT_CHUNKS_CLASSIFIED, reportId,
                            RightstreamJson.write(c))).get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            send.accept(passage, new String[] {"model-2026", "2026-06-01T00:00:00Z"});
            await().atMost(SEARCHABLE_WITHIN).untilAsserted(() -> assertThat(countIndexed(reportId)).isEqualTo(1));
            assertThat(esDocument(passage.chunkId()).path("modelVersion").asString()).isEqualTo("model-2026");

            // An older model's labels arrive late (a replay, an old instance): the index keeps the newer ones. The
            // marker behind it on the same partition shows the older message has been consumed.
            send.accept(passage, new String[] {"model-2025", "2025-01-01T00:00:00Z"});
            send.accept(marker, new String[] {"model-2025", "2025-01-01T00:00:00Z"});
            await().atMost(SEARCHABLE_WITHIN).untilAsserted(() -> assertThat(countIndexed(reportId)).isEqualTo(2));
            assertThat(esDocument(passage.chunkId()).path("modelVersion").asString()).isEqualTo("model-2026");

            // A newer model replaces them.
            send.accept(passage, new String[] {"model-2027", "2027-01-01T00:00:00Z"});
            await().atMost(SEARCHABLE_WITHIN).untilAsserted(() ->
                    assertThat(esDocument(passage.chunkId()).path("modelVersion").asString()).isEqualTo("model-2027"));
        }
        assertThat(countIndexed(reportId)).isEqualTo(2);
    }

    @Test
    void everyServiceReportsHealthIncludingItsBrokerAndIndex() {
        for (String service : pipeline.services.services.keySet()) {
            Api.Response health = Api.get(pipeline.url(service) + "/actuator/health");
            assertThat(health.status()).as(service + ": " + health.body()).isEqualTo(200);
            assertThat(health.json().path("status").asString()).isEqualTo("UP");
        }
        assertThat(Api.get(pipeline.url("query-service") + "/actuator/health").json()
                .path("components").path("elasticsearch").path("status").asString()).isEqualTo("UP");
        assertThat(Api.get(pipeline.url("ingest-service") + "/actuator/health").json()
                .path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(Api.get(pipeline.url("classify-service") + "/actuator/health").json()
                .path("components").path("binders").path("status").asString()).isEqualTo("UP");
        Api.Response metrics = Api.get(pipeline.url("query-service") + "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        // What ./rightstream status reads: the pipeline's meters with their p50/p95, in Prometheus names.
        assertThat(metrics.body()).contains("rightstream_passages_in_total{application=\"query-service\",stage=\"index\"}",
                "rightstream_passages_out_total{application=\"query-service\",stage=\"alerts\"}",
                "rightstream_index_bulk_latency_seconds{application=\"query-service\",quantile=\"0.95\"}",
                "rightstream_index_bulk_size_count", "rightstream_index_rejects_total", "rightstream_alerts_raised_total",
                "rightstream_dlq_messages_total{application=\"query-service\",stage=\"index\",topic=\"report.chunks.classified.dlq\"}");
        assertThat(Api.get(pipeline.url("classify-service") + "/actuator/prometheus").body())
                .contains("rightstream_classify_latency_seconds{application=\"classify-service\",quantile=\"0.5\"}");
        assertThat(Api.get(pipeline.url("ingest-service") + "/actuator/prometheus").body())
                .contains("rightstream_ingest_reports_total{application=\"ingest-service\",outcome=\"rejected\"}",
                        "rightstream_ingest_latency_seconds_count",
                        // The reports.incoming consumer's own metrics, lag among them.
                        "kafka_consumer_fetch_manager_records_lag_max{application=\"ingest-service\"");
    }

    @Test
    void searchRejectsBadParametersByNameAndSurvivesQuerySyntax() {
        String base = pipeline.url("query-service") + "/api/search";
        Api.Response category = Api.get(base + "?category=no-such-category");
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.json().path("parameter").asString()).isEqualTo("category");
        Api.Response size = Api.get(base + "?q=x&size=5000");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().path("parameter").asString()).isEqualTo("size");
        Api.Response syntax = Api.get(base + "?q=" + Api.encode("a(b]{c}~^:/\\ \"unclosed AND OR NOT -"));
        assertThat(syntax.status()).as(syntax.body()).isEqualTo(200);
    }

    /** Forty paragraphs of words drawn at random: shares no meaningful shingles with any other report. */
    private static String uniqueReport(String seed) {
        String[] words = ("police detained journalists court sentenced activists prison conditions torture"
                + " authorities blocked websites protest rally registration union strike workers wages children school"
                + " women violence shelter refugees border election commission observers corruption officials bribes"
                + " land eviction housing river pollution disability access minority language religion mosque church")
                .split(" ");
        java.util.Random random = new java.util.Random(seed.hashCode());
        StringBuilder text = new StringBuilder("Monitoring note " + seed + "\n\n");
        for (int p = 0; p < 40; p++) {
            for (int w = 0; w < 60; w++) {
                text.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            text.append(".\n\n");
        }
        return text.toString();
    }


    /** The pipeline's meters, by a short name, from each service's /actuator/metrics. */
    private static Map<String, Double> stageMeters() {
        String ingest = pipeline.url("ingest-service");
        String classify = pipeline.url("classify-service");
        String query = pipeline.url("query-service");
        Map<String, Double> m = new java.util.HashMap<>();
        m.put("ingest.reports.published", Api.meter(ingest, Metrics.INGEST_REPORTS, Metrics.OUTCOME, "published"));
        m.put("ingest.latency.count", Api.meter(ingest, Metrics.INGEST_LATENCY));
        m.put("ingest.out", Api.meter(ingest, Metrics.PASSAGES_OUT, Metrics.STAGE, Metrics.INGEST));
        for (String[] stage : new String[][] {{Metrics.CLASSIFY, classify}, {Metrics.INDEX, query}, {Metrics.ALERTS, query}}) {
            m.put(stage[0] + ".in", Api.meter(stage[1], Metrics.PASSAGES_IN, Metrics.STAGE, stage[0]));
            m.put(stage[0] + ".out", Api.meter(stage[1], Metrics.PASSAGES_OUT, Metrics.STAGE, stage[0]));
        }
        m.put("classify.latency.count", Api.meter(classify, Metrics.CLASSIFY_LATENCY));
        m.put("index.bulk.latency.count", Api.meter(query, Metrics.INDEX_BULK_LATENCY));
        // The summary's TOTAL statistic: passages in all bulks.
        double total = Double.NaN;
        for (JsonNode measurement : Api.get(query + "/actuator/metrics/" + Metrics.INDEX_BULK_SIZE).json()
                .path("measurements")) {
            if ("TOTAL".equals(measurement.path("statistic").asString())) {
                total = measurement.path("value").asDouble();
            }
        }
        m.put("index.bulk.size.sum", total);
        m.put("alerts.latency.count", Api.meter(query, Metrics.ALERTS_LATENCY));
        return m;
    }

    private static Map<String, Double> grownSince(Map<String, Double> before) {
        Map<String, Double> grown = new java.util.HashMap<>();
        stageMeters().forEach((name, value) -> grown.put(name, value - before.get(name)));
        return grown;
    }

    /** The passages of one report in the index (refreshed first, so the count is current). */
    private static long countIndexed(String reportId) {
        String es = pipeline.elasticsearch.url();
        Api.postJson(es + "/report-chunks/_refresh", "{}");
        Api.Response r = Api.postJson(es + "/report-chunks/_count",
                "{\"query\":{\"term\":{\"reportId\":\"" + reportId + "\"}}}");
        return r.json().path("count").asLong();
    }

    private static JsonNode esDocument(String chunkId) {
        Api.Response r = Api.get(pipeline.elasticsearch.url() + "/report-chunks/_doc/" + chunkId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("_source");
    }

    private static long countIndexedFromFile(String fileName) {
        String es = pipeline.elasticsearch.url();
        Api.postJson(es + "/report-chunks/_refresh", "{}");
        Api.Response r = Api.postJson(es + "/report-chunks/_count",
                "{\"query\":{\"term\":{\"source.fileName\":\"" + fileName + "\"}}}");
        return r.json().path("count").asLong();
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + SEARCHABLE_WITHIN.toNanos();
            Set<String> seen = new HashSet<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.key());
                    if (key.equals(r.key())) {
                        return r;
                    }
                }
            }
            throw new AssertionError("no record with key " + key + " on " + topic + " (saw keys " + seen + ")");
        }
    }
}
