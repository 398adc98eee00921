package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.CategoryScore;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.DeadLetters;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Severity;
import org.rightstream.contracts.Source;
import org.rightstream.contracts.Topics;

/**
 * Hostile input against the running pipeline: files and messages built to crash a service, exhaust its
 * memory (services run with 256 MB of heap here) or stick a consumer. Every one must end in a clear refusal
 * (an HTTP 4xx whose problem {@code detail} says what is wrong) or a dead letter on the right {@code .dlq}
 * topic with the reason in its headers; valid input sent alongside still gets through, and afterwards the
 * services are UP and a new report still becomes searchable. Valid reports here are from "Hostileland" with
 * first lines of their own, so other test classes' figures are not disturbed.
 */
class HostileInputIT {
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static RunningPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        pipeline = RunningPipeline.get();
    }

    /** Whatever was thrown at them, the services are UP and a report sent now is searchable: nothing is stuck. */
    @AfterAll
    static void pipelineStillWorks() {
        for (String service : pipeline.services.services.keySet()) {
            Api.Response health = Api.get(pipeline.url(service) + "/actuator/health");
            assertThat(health.status()).as(service + ": " + health.body()).isEqualTo(200);
            assertThat(health.json().path("status").asString()).as(service).isEqualTo("UP");
        }
        String name = "hostile-after-" + RUN + ".txt";
        Api.Response upload = Api.upload(ingestUrl() + "?allowDuplicate=true&country=Hostileland", name,
                validReport("Hostileland afterwards " + RUN).getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String reportId = upload.json().path("reportId").asString();
        int chunks = upload.json().path("chunks").asInt();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(count("reportId", reportId)).isEqualTo(chunks));
    }

    // ---------------------------------------------------------------- upload API

    @Test
    void randomBytesAreRefusedWhateverTheyAreCalled() {
        String[] names = {"random.bin", "random.txt", "random.pdf", "random.docx", "random.html", "random"};
        for (int seed = 0; seed < names.length; seed++) {
            byte[] bytes = new byte[64 * 1024 + seed * 7919];
            new Random(seed).nextBytes(bytes);
            Api.Response r = Api.upload(ingestUrl(), names[seed], bytes);
            assertRefused(r, names[seed]);
            assertThat(r.status()).as(names[seed] + ": " + r.body()).isIn(415, 422);
            assertThat(r.json().path("reason").asString()).isIn("UNSUPPORTED_TYPE", "UNREADABLE");
        }
    }

    @Test
    void zipBombsDisguisedAsDocxAndEpubAreRefusedWithoutBeingInflated() throws IOException {
        // 1 GiB of text inside the zip, about 1 MB compressed: inflating it would take the heap.
        byte[] docx = zipBomb(List.of(
                entry("[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                        <Default Extension="xml" ContentType="application/xml"/>\
                        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                        </Types>"""),
                entry("_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
                        </Relationships>""")),
                "word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>",
                "</w:t></w:r></w:p></w:body></w:document>");
        assertThat(docx.length).isLessThan(4 * 1024 * 1024);
        long start = System.nanoTime();
        Api.Response r = Api.upload(ingestUrl(), "bomb-" + RUN + ".docx", docx);
        assertRefused(r, "docx zip bomb");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("detail").asString()).containsIgnoringCase("zip bomb");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));

        byte[] epub = zipBomb(List.of(
                entry("META-INF/container.xml", """
                        <?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\
                        <rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"""),
                entry("content.opf", """
                        <?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0">\
                        <manifest><item id="c1" href="chapter.xhtml" media-type="application/xhtml+xml"/></manifest>\
                        <spine><itemref idref="c1"/></spine></package>""")),
                "chapter.xhtml",
                "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>",
                "</p></body></html>");
        start = System.nanoTime();
        r = Api.upload(ingestUrl(), "bomb-" + RUN + ".epub", epub);
        assertRefused(r, "epub zip bomb");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("detail").asString()).contains("zip bomb");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aFiftyMegabyteLineIsRefusedAsTooLargeAndAFifteenMegabyteOneIsHandled() {
        byte[] huge = line(50 * 1024 * 1024, 1);
        Api.Response r = Api.upload(ingestUrl(), "line-50mb.txt", huge);
        assertRefused(r, "50 MB line");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("detail").asString()).contains("larger than the limit");

        // Under the 20 MiB limit, but 15 million characters of text: more than one report may hold (cleaning,
        // chunking and de-duplicating copy the text several times; this took the whole 256 MB heap).
        byte[] big = line(15 * 1024 * 1024, 2);
        long start = System.nanoTime();
        r = Api.upload(ingestUrl() + "?allowDuplicate=true", "line-15mb-" + RUN + ".txt", big);
        assertRefused(r, "15 MB line");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("detail").asString()).contains("characters of text, the most one report may have");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertUp("ingest-service");
    }

    @Test
    void deeplyNestedHtmlIsReadWithoutExhaustingTheStack() {
        // 100,000 nested elements: a parser that recursed would overflow its stack. Tika's HTML parser streams them,
        // so the report inside is read.
        String html = "<html><body>" + "<div>".repeat(100_000) + "<p>"
                + validReport("Hostileland nested " + RUN).replace("\n\n", "</p><p>") + "</p>"
                + "</div>".repeat(100_000) + "</body></html>";
        Api.Response r = Api.upload(ingestUrl() + "?allowDuplicate=true&country=Hostileland", "nested-" + RUN + ".html",
                html.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("chunks").asInt()).isPositive();
        // Without the report inside: nothing but nesting, refused as not a report.
        String empty = "<html><body>" + "<div>".repeat(100_000) + "</div>".repeat(100_000) + "</body></html>";
        r = Api.upload(ingestUrl(), "nested-empty-" + RUN + ".html", empty.getBytes(StandardCharsets.UTF_8));
        assertRefused(r, "nested HTML without text");
        assertThat(r.status()).isIn(400, 422);
        assertUp("ingest-service");
    }

    @Test
    void invalidUtf8AndEmptyFilesAreRefused() {
        byte[] text = validReport("Hostileland invalid UTF-8 " + RUN).getBytes(StandardCharsets.UTF_8);
        // A lone continuation byte, an overlong encoding of '/', and a truncated sequence at the end.
        byte[] broken = concat(Arrays.copyOf(text, 2000), new byte[] {(byte) 0x80, 'x', (byte) 0xC0, (byte) 0xAF},
                Arrays.copyOfRange(text, 2000, text.length), new byte[] {(byte) 0xE2, (byte) 0x82});
        Api.Response r = Api.upload(ingestUrl(), "broken-" + RUN + ".txt", broken);
        assertRefused(r, "invalid UTF-8");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("detail").asString()).contains("UTF-8");

        r = Api.upload(ingestUrl(), "empty-" + RUN + ".txt", new byte[0]);
        assertRefused(r, "empty file");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("detail").asString()).contains("empty");
    }

    @Test
    void aFileNameWithPathSegmentsAndControlCharactersIsReducedToAPlainName() {
        String evil = "../../etc/\u0001cron\u0007.d/..\\..\\evil\u001b[31m-" + RUN + ".txt";
        Api.Response r = Api.upload(ingestUrl() + "?allowDuplicate=true&country=Hostileland", evil,
                validReport("Hostileland file name " + RUN).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String stored = r.json().path("fileName").asString();
        assertThat(stored).doesNotContain("/", "\\", "..").doesNotContainPattern("\\p{Cntrl}").endsWith("-" + RUN + ".txt");
        Api.Response record = Api.get(ingestUrl() + "/" + r.json().path("reportId").asString());
        assertThat(record.json().path("fileName").asString()).isEqualTo(stored);
    }

    @Test
    void uploadsWithoutTheKeyAreRefusedBeforeAnythingIsRead() {
        Api.Response r = Api.anonymous(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ingestUrl()))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(line(1024 * 1024, 3))));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("detail").asString()).isNotBlank();
    }

    // ---------------------------------------------------------------- reports.incoming

    @Test
    void hostileMessagesOnReportsIncomingAreDeadLetteredWithAReasonAndValidOnesGetThrough() throws Exception {
        String k = "hostile-in-" + RUN + "-";
        byte[] random = new byte[100_000];
        new Random(42).nextBytes(random);
        String validName = "hostile-kafka-" + RUN + ".txt";
        byte[] tooLargeReport = line(Topics.MAX_REPORT_BYTES + 1024, 4);
        try (KafkaProducer<String, byte[]> producer = producer(Topics.MAX_REPORT_MESSAGE_BYTES * 2, "none")) {
            List<ProducerRecord<String, byte[]>> records = List.of(
                    record(Topics.REPORTS_INCOMING, k + "random-no-headers", random),
                    record(Topics.REPORTS_INCOMING, k + "random-with-headers", random, "fileName", "random.bin",
                            "contentType", "application/pdf", "year", "20x4"),
                    record(Topics.REPORTS_INCOMING, k + "random-pdf", random, "fileName", "random.pdf"),
                    record(Topics.REPORTS_INCOMING, k + "invalid-utf8", concat(
                            validReport("Hostileland Kafka invalid " + RUN).getBytes(StandardCharsets.UTF_8),
                            new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}), "fileName", "invalid.txt"),
                    record(Topics.REPORTS_INCOMING, k + "escape",
                            "{\"file\": \"../../../../etc/passwd\"}".getBytes(StandardCharsets.UTF_8)),
                    record(Topics.REPORTS_INCOMING, k + "escape-declared",
                            "{\"file\": \"refs/../../secret.txt\"}".getBytes(StandardCharsets.UTF_8),
                            "contentType", "application/vnd.rightstream.file-ref+json"),
                    record(Topics.REPORTS_INCOMING, k + "bad-reference", "{\"file\": 42".getBytes(StandardCharsets.UTF_8),
                            "contentType", "application/vnd.rightstream.file-ref+json"),
                    record(Topics.REPORTS_INCOMING, k + "too-large", tooLargeReport, "fileName", "big.txt"),
                    record(Topics.REPORTS_INCOMING, k + "valid",
                            validReport("Hostileland Kafka valid " + RUN).getBytes(StandardCharsets.UTF_8),
                            "fileName", validName, "allowDuplicate", "true", "country", "Hostileland"));
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r).get();
            }
            // Over the topic's limit: the broker itself refuses it, it never reaches the service.
            assertThatThrownBy(() -> producer.send(record(Topics.REPORTS_INCOMING, k + "over-topic-limit",
                    line(Topics.MAX_REPORT_MESSAGE_BYTES + 1024, 5), "fileName", "huge.txt")).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RecordTooLargeException.class);
        }
        Map<String, ConsumerRecord<String, byte[]>> dead = awaitRecords(Topics.dlq(Topics.REPORTS_INCOMING), k,
                Set.of("random-no-headers", "random-with-headers", "random-pdf", "invalid-utf8", "escape",
                        "escape-declared", "bad-reference", "too-large"));
        assertDead(dead.get("random-no-headers"), "MISSING_FILE_NAME", "fileName");
        assertDead(dead.get("random-with-headers"), "INVALID_HEADER", "year");
        assertDead(dead.get("random-pdf"), null, "");
        assertThat(header(dead.get("random-pdf"), "x-rejection-reason")).isIn("UNSUPPORTED_TYPE", "UNREADABLE");
        assertDead(dead.get("invalid-utf8"), "UNREADABLE", "UTF-8");
        assertDead(dead.get("escape"), "OUTSIDE_DROP_FOLDER", "");
        assertDead(dead.get("escape-declared"), "OUTSIDE_DROP_FOLDER", "");
        assertDead(dead.get("bad-reference"), "INVALID_REFERENCE", "not valid JSON");
        assertDead(dead.get("too-large"), "TOO_LARGE", "limit");
        assertThat(dead).doesNotContainKey("valid");

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(count("source.fileName", validName)).isPositive());
    }

    // ---------------------------------------------------------------- report.chunks and report.chunks.classified

    @Test
    void hostilePassagesOnBothPassageTopicsAreDeadLetteredWithAReasonAndValidOnesGetThrough() throws Exception {
        String k = "hostile-ch-" + RUN + "-";
        String reportId = Ids.reportId("hostile-passages-" + RUN);
        ChunkMessage valid = passage(reportId, 0, "Police in Hostileland detained two journalists " + RUN
                + " after the protest and held them without charge for a week.", null);
        ChunkMessage validToo = passage(reportId, 1, "Hostileland courts sentenced an activist " + RUN
                + " to prison for a post criticising the governor.", null);
        ClassifiedChunk classifiedValid = classified(passage(reportId, 2, "A classified Hostileland passage " + RUN
                + " about torture in police custody.", null), "torture");
        Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
        hostile.put("malformed", "{\"schemaVersion\":1, \"reportId\": this is not json".getBytes(StandardCharsets.UTF_8));
        hostile.put("array", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
        hostile.put("wrong-shape", "{\"schemaVersion\": \"one\", \"text\": {\"nested\": true}}".getBytes(StandardCharsets.UTF_8));
        hostile.put("missing-fields", "{\"schemaVersion\": 1, \"reportId\": \"r\"}".getBytes(StandardCharsets.UTF_8));
        hostile.put("deep", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        hostile.put("invalid-utf8", concat("{\"schemaVersion\":1,\"text\":\"caf".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}".getBytes(StandardCharsets.UTF_8)));
        // 8 MB of text: compressed it passes the topic's 1 MiB limit, uncompressed it is far over it.
        String hugeText = "Hostileland oversized passage. ".repeat(8 * 1024 * 1024 / 31);

        // report.chunks: read by classify-service.
        Map<String, byte[]> toChunks = new java.util.LinkedHashMap<>(hostile);
        toChunks.put("unknown-category", RightstreamJson.write(passage(reportId, 3, "Hostileland text.", "no-such-category")));
        toChunks.put("oversized", RightstreamJson.write(passage(reportId, 4, hugeText, null)));
        // report.chunks.classified: read by query-service (index and alerts).
        Map<String, byte[]> toClassified = new java.util.LinkedHashMap<>(hostile);
        toClassified.put("unknown-category", RightstreamJson.write(
                classified(passage(reportId, 5, "Hostileland text.", null), "no-such-category")));
        toClassified.put("oversized", RightstreamJson.write(classified(passage(reportId, 6, hugeText, null), "torture")));

        try (KafkaProducer<String, byte[]> producer = producer(16 * 1024 * 1024, "gzip")) {
            producer.send(new ProducerRecord<>(Topics.REPORT_CHUNKS, k + "valid", RightstreamJson.write(valid))).get();
            for (var e : toChunks.entrySet()) {
                producer.send(new ProducerRecord<>(Topics.REPORT_CHUNKS, k + e.getKey(), e.getValue()));
            }
            producer.send(new ProducerRecord<>(Topics.REPORT_CHUNKS, k + "valid-too", RightstreamJson.write(validToo)));
            producer.send(new ProducerRecord<>(Topics.REPORT_CHUNKS_CLASSIFIED, k + "valid", RightstreamJson.write(classifiedValid)));
            for (var e : toClassified.entrySet()) {
                producer.send(new ProducerRecord<>(Topics.REPORT_CHUNKS_CLASSIFIED, k + e.getKey(), e.getValue()));
            }
            producer.flush();
        }

        Map<String, ConsumerRecord<String, byte[]>> deadChunks = awaitRecords(Topics.dlq(Topics.REPORT_CHUNKS), k,
                toChunks.keySet());
        Map<String, ConsumerRecord<String, byte[]>> deadClassified = awaitRecords(
                Topics.dlq(Topics.REPORT_CHUNKS_CLASSIFIED), k, toClassified.keySet());
        for (var dead : List.of(deadChunks, deadClassified)) {
            assertDead(dead.get("malformed"), null, "not a valid");
            assertDead(dead.get("array"), null, "not a valid");
            assertDead(dead.get("wrong-shape"), null, "not a valid");
            assertDead(dead.get("missing-fields"), null, "(field ");
            assertDead(dead.get("deep"), null, "not a valid");
            assertDead(dead.get("invalid-utf8"), null, "UTF-8");
            assertDead(dead.get("unknown-category"), null, "no-such-category");
            assertDead(dead.get("oversized"), null, "bytes, more than the limit of 1048576 bytes for a passage");
            // Too large to copy to the dead-letter topic: no value, and a header says where the original is.
            assertThat(dead.get("oversized").value()).isNull();
            assertThat(header(dead.get("oversized"), DeadLetters.VALUE_OMITTED)).contains("too large for the dead-letter topic");
            assertThat(dead).doesNotContainKeys("valid", "valid-too");
        }
        // Valid passages in the same batches got through: classified and indexed.
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(count("chunkId", valid.chunkId())).isEqualTo(1);
            assertThat(count("chunkId", validToo.chunkId())).isEqualTo(1);
            assertThat(count("chunkId", classifiedValid.chunkId())).isEqualTo(1);
        });
        assertThat(count("chunkId", Ids.chunkId(reportId, 4)) + count("chunkId", Ids.chunkId(reportId, 6))).isZero();
        assertUp("classify-service");
        assertUp("query-service");
    }

    // ---------------------------------------------------------------- topics followed without a consumer group

    @Test
    void unreadableRecordsOnTheRegistryAndAlertsTopicsAreSkippedAndBothAreStillFollowed() throws Exception {
        String watchId = "hostile-watch-" + RUN;
        String registryId = "hostile-registry-" + RUN;
        byte[][] hostile = {
                randomBytes(4096),
                "{}".getBytes(StandardCharsets.UTF_8),
                "null".getBytes(StandardCharsets.UTF_8),
                concat("{\"id\": \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28},
                        "\"}".getBytes(StandardCharsets.UTF_8)),
                // Readable JSON without the fields that identify it.
                "{\"chunks\": 0, \"schemaVersion\": 1, \"passages\": 1, \"maxSeverity\": 1, \"retroactive\": false}"
                        .getBytes(StandardCharsets.UTF_8),
                // A registry record whose near-duplicate signature does not decode.
                ("{\"id\": \"hostile-signature-" + RUN + "\", \"status\": \"PUBLISHED\", \"chunks\": 1,"
                        + " \"minhash\": \"minhash-128x5-v1:not base64\"}").getBytes(StandardCharsets.UTF_8),
        };
        String validRecord = """
                {"id": "%s", "status": "PUBLISHED", "fileName": "hostile.txt", "country": "Hostileland", "chunks": 0,
                 "receivedAt": "%s"}""".formatted(registryId, Instant.now());
        byte[] validNotification = RightstreamJson.write(new org.rightstream.contracts.AlertNotification(1,
                watchId + ":r-" + RUN, watchId, "Nobody Hostile", "r-" + RUN, "Hostile", "Hostileland", 2024, 1, 1,
                List.of(), false, Instant.now(), List.of()));

        try (AlertEvents sse = new AlertEvents(pipeline.url("query-service") + "/api/alerts/stream?watchId=" + watchId);
             KafkaProducer<String, byte[]> producer = producer(4 << 20, "none")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !sse.named("ready").isEmpty());
            for (byte[] value : hostile) {
                producer.send(record(Topics.REPORTS_REGISTRY, "hostile-" + RUN, value)).get();
                producer.send(record(Topics.ALERTS, watchId, value)).get();
            }
            for (String topic : List.of(Topics.REPORTS_REGISTRY, Topics.ALERTS)) {
                assertThatThrownBy(() -> producer.send(record(topic, "hostile-" + RUN, line(2 << 20, 3))).get())
                        .as("the broker refuses an oversized record on " + topic)
                        .hasCauseInstanceOf(RecordTooLargeException.class);
            }
            producer.send(record(Topics.REPORTS_REGISTRY, registryId, validRecord.getBytes(StandardCharsets.UTF_8))).get();
            producer.send(record(Topics.ALERTS, watchId, validNotification)).get();

            // The live feed delivers the notification written after the unreadable ones...
            await().atMost(WITHIN).until(() -> sse.named("alert").stream()
                    .anyMatch(e -> (watchId + ":r-" + RUN).equals(e.id())));
            // ...and ingest-service's report list shows the record written after them (as another instance would).
            await().atMost(WITHIN).untilAsserted(() -> assertThat(Api.get(ingestUrl() + "/" + registryId).status())
                    .isEqualTo(200));
            assertThat(Api.get(ingestUrl() + "/hostile-signature-" + RUN).status()).isEqualTo(404);
            producer.send(record(Topics.REPORTS_REGISTRY, registryId, null)).get(); // gone again from the list
        }
        assertUp("ingest-service");
        assertUp("query-service");
    }

    // ---------------------------------------------------------------- helpers

    private static String ingestUrl() {
        return pipeline.url("ingest-service") + "/api/reports";
    }

    private static void assertRefused(Api.Response r, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isBetween(400, 499);
        assertThat(r.json()).as(what + " answers a JSON problem: " + r.body()).isNotNull();
        assertThat(r.json().path("detail").asString()).as(what).isNotBlank();
    }

    private static void assertUp(String service) {
        Api.Response health = Api.get(pipeline.url(service) + "/actuator/health");
        assertThat(health.json().path("status").asString()).as(service + ": " + health.body()).isEqualTo("UP");
    }

    private static void assertDead(ConsumerRecord<String, byte[]> dead, String rejectionReason, String messagePart) {
        assertThat(dead).isNotNull();
        String message = header(dead, DeadLetters.EXCEPTION_MESSAGE);
        assertThat(message).as("reason of " + dead.key()).isNotBlank().contains(messagePart);
        if (rejectionReason != null) {
            assertThat(header(dead, "x-rejection-reason")).as(dead.key() + ": " + message).isEqualTo(rejectionReason);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer(int maxRequestSize, String compression) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestSize,
                ProducerConfig.BUFFER_MEMORY_CONFIG, (long) maxRequestSize * 3,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, compression), new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, String... headers) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, value);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.headers().add(new RecordHeader(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return r;
    }

    /** The records on {@code topic} whose keys are {@code prefix + name}, by name, once all names were seen. */
    private static Map<String, ConsumerRecord<String, byte[]>> awaitRecords(String topic, String prefix, Set<String> names) {
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-hostile-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (System.nanoTime() < deadline && !found.keySet().containsAll(names)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null && r.key().startsWith(prefix)) {
                        found.put(r.key().substring(prefix.length()), r);
                    }
                }
            }
        }
        Set<String> missing = new HashSet<>(names);
        missing.removeAll(found.keySet());
        assertThat(missing).as("dead letters missing on " + topic).isEmpty();
        return found;
    }

    private static long count(String field, String value) {
        String es = pipeline.elasticsearch.url();
        Api.postJson(es + "/report-chunks/_refresh", "{}");
        Api.Response r = Api.postJson(es + "/report-chunks/_count",
                "{\"query\":{\"term\":{\"" + field + "\":" + RightstreamJson.mapper().writeValueAsString(value) + "}}}");
        return r.json().path("count").asLong();
    }

    private static ChunkMessage passage(String reportId, int ordinal, String text, String headingCategory) {
        return new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, ordinal), ordinal, 10,
                new Source("hostile-" + RUN + ".txt", "0", "text/plain", null), "Hostileland", 2024, "Hostile test",
                List.of(), headingCategory, text, 0, text.length(), null, List.of(), false, Instant.now());
    }

    private static ClassifiedChunk classified(ChunkMessage chunk, String category) {
        return ClassifiedChunk.of(chunk, List.of(new CategoryScore(category, 0.9)), new Severity(2, List.of()),
                List.of(), "hostile-model", Instant.now());
    }

    /** A report of random words from a fixed list: shares no meaningful shingles with any other report. */
    private static String validReport(String firstLine) {
        String[] words = ("police detained journalists court sentenced activists prison conditions torture"
                + " authorities blocked websites protest rally registration union strike workers wages children school"
                + " women violence shelter refugees border election commission observers corruption officials bribes")
                .split(" ");
        Random random = new Random(firstLine.hashCode());
        StringBuilder text = new StringBuilder(firstLine + "\n\nHOSTILELAND 2024 HUMAN RIGHTS REPORT\n\n");
        for (int p = 0; p < 12; p++) {
            for (int w = 0; w < 60; w++) {
                text.append(w == 0 ? "In Hostileland " : " ").append(words[random.nextInt(words.length)]);
            }
            text.append(".\n\n");
        }
        return text.toString();
    }

    /** {@code size} bytes of words on a single line (no line break, no sentence end). */
    private static byte[] line(int size, int seed) {
        String[] words = {"police ", "detained ", "journalists ", "Hostileland ", "court ", "prison ", "protest "};
        Random random = new Random(seed);
        byte[] out = new byte[size];
        int i = 0;
        while (i < size) {
            byte[] w = words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(w.length, size - i);
            System.arraycopy(w, 0, out, i, n);
            i += n;
        }
        return out;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static Map.Entry<String, String> entry(String name, String content) {
        return Map.entry(name, content);
    }

    /** A zip with the given small entries and one entry of 1 GiB: {@code head}, then 'a' repeated, then {@code tail}. */
    private static byte[] zipBomb(List<Map.Entry<String, String>> small, String bombName, String head, String tail)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (bombName.endsWith(".xhtml")) {
                // EPUB: an uncompressed "mimetype" entry first.
                byte[] m = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
                ZipEntry e = new ZipEntry("mimetype");
                e.setMethod(ZipEntry.STORED);
                e.setSize(m.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(m);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(m);
                zip.closeEntry();
            }
            for (var s : small) {
                zip.putNextEntry(new ZipEntry(s.getKey()));
                zip.write(s.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(bombName));
            zip.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 1024; i++) {
                zip.write(block);
            }
            zip.write(tail.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
