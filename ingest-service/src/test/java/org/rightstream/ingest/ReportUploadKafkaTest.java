package org.rightstream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.report.TextDecoder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole service against an embedded Kafka broker: upload over HTTP, passages on report.chunks.
 * The multipart limit is lowered to {@value #MAX_FILE_KB} KB so the limit can be exceeded cheaply
 * while the seed reports (up to ~115 KB) still fit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.servlet.multipart.max-file-size=" + ReportUploadKafkaTest.MAX_FILE_KB + "KB",
        "spring.servlet.multipart.max-request-size=" + 2 * ReportUploadKafkaTest.MAX_FILE_KB + "KB",
        "rightstream.ingest.publish-timeout=20s",
        "rightstream.security.api-key=" + ReportUploadKafkaTest.API_KEY})
@EmbeddedKafka(partitions = 3, topics = {Topics.REPORT_CHUNKS, Topics.REPORTS_REGISTRY})
class ReportUploadKafkaTest {
    static final int MAX_FILE_KB = 128;
    static final String API_KEY = "ingest-test-key-0123456789";

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) {
        registry.add("rightstream.ingest.inbox", () -> inbox.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    private record Response(int status, MediaType contentType, JsonNode body) {
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port).defaultHeader("X-Api-Key", API_KEY).build();
    }

    private Response upload(String partName, String fileName, byte[] content) {
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.TEXT_PLAIN);
        partHeaders.setContentDisposition(ContentDisposition.formData().name(partName).filename(fileName).build());
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(partName, new HttpEntity<>(content, partHeaders));
        return client().post().uri("/api/reports")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .exchange((request, response) -> new Response(response.getStatusCode().value(),
                        response.getHeaders().getContentType(), json(response.getBody().readAllBytes())));
    }

    private static JsonNode json(byte[] body) {
        return RightstreamJson.mapper().readTree(body);
    }

    private static void assertProblem(Response r, int status) {
        assertThat(r.status()).as("status, body %s", r.body()).isEqualTo(status);
        assertThat(r.contentType()).isNotNull();
        assertThat(r.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", r.contentType()).isTrue();
        assertThat(r.body().path("status").asInt()).isEqualTo(status);
        assertThat(r.body().path("title").asString()).isNotBlank();
        assertThat(r.body().path("detail").asString()).isNotBlank();
    }

    @Test
    void uploadedSeedReportIsPublishedAsOrderedChunksKeyedByReportIdOnOnePartition() throws IOException {
        byte[] report = Seeds.bytes("000");

        Response r = upload("file", "kazakhstan-2012.txt", report);

        assertThat(r.status()).as("body %s", r.body()).isEqualTo(201);
        String reportId = r.body().path("reportId").asString();
        int chunks = r.body().path("chunks").asInt();
        assertThat(reportId).isEqualTo(Ids.reportId(Seeds.cleanedText(report)));
        assertThat(chunks).isGreaterThan(1);
        assertThat(r.body().path("country").asString()).isEqualTo("Kazakhstan");
        assertThat(r.body().path("year").asInt()).isEqualTo(2012);
        assertThat(r.body().path("fileName").asString()).isEqualTo("kazakhstan-2012.txt");
        assertThat(r.body().path("status").asString()).isEqualTo("PUBLISHED");

        List<ConsumerRecord<String, byte[]>> records = readWholeTopic(Topics.REPORT_CHUNKS).stream()
                .filter(rec -> reportId.equals(rec.key())).toList();

        assertThat(records).hasSize(chunks);
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
        List<ChunkMessage> messages = records.stream()
                .map(rec -> RightstreamJson.read(rec.value(), ChunkMessage.class).validate()).toList();
        assertThat(messages).extracting(ChunkMessage::ordinal)
                .containsExactlyElementsOf(IntStream.range(0, chunks).boxed().toList());
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.reportId()).isEqualTo(reportId);
            assertThat(m.totalChunks()).isEqualTo(chunks);
            assertThat(m.country()).isEqualTo("Kazakhstan");
            assertThat(m.year()).isEqualTo(2012);
            assertThat(m.source().fileName()).isEqualTo("kazakhstan-2012.txt");
            assertThat(m.source().sha256()).isEqualTo(Ids.sha256Hex(report));
            assertThat(m.ingestedAt()).isNotNull();
        });
    }

    /** Reads a topic from the beginning up to the end offsets it has now (every acknowledged record). */
    private List<ConsumerRecord<String, byte[]>> readWholeTopic(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            assertThat(partitions).hasSize(3);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    });
        }
        return records;
    }

    @Test
    void emptyFileIsA400ProblemWithDetail() {
        Response r = upload("file", "empty.txt", new byte[0]);

        assertProblem(r, 400);
        assertThat(r.body().path("reason").asString()).isEqualTo("EMPTY");
        assertThat(r.body().path("detail").asString()).contains("empty");
    }

    @Test
    void binaryGarbageIsRejectedWithAProblem() {
        byte[] garbage = new byte[2048];
        new Random(20240506L).nextBytes(garbage);

        Response r = upload("file", "scan.pdf", garbage);

        assertThat(r.status()).as("body %s", r.body()).isIn(415, 422);
        assertProblem(r, r.status());
        assertThat(r.body().path("reason").asString()).isIn("UNREADABLE", "UNSUPPORTED_TYPE");
    }

    @Test
    void textWithNulBytesIsA415Problem() {
        byte[] bytes = (new String(Seeds.bytes("003"), StandardCharsets.UTF_8) + "\0\0").getBytes(StandardCharsets.UTF_8);

        Response r = upload("file", "mixed.bin", bytes);

        assertProblem(r, 415);
        assertThat(r.body().path("reason").asString()).isEqualTo("UNSUPPORTED_TYPE");
    }

    @Test
    void shortNoteIsA422NotAReportProblem() {
        Response r = upload("file", "note.txt", "Please find the report attached.".getBytes(StandardCharsets.UTF_8));

        assertProblem(r, 422);
        assertThat(r.body().path("reason").asString()).isEqualTo("NOT_A_REPORT");
    }

    @Test
    void fileOverTheMultipartLimitIsA413Problem() {
        // a real, otherwise acceptable report text, just larger than the upload limit
        String seed = new String(Seeds.bytes("003"), StandardCharsets.UTF_8);
        StringBuilder big = new StringBuilder();
        while (big.length() < (MAX_FILE_KB + 16) * 1024) {
            big.append(seed).append("\n\n");
        }
        byte[] bytes = big.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isBetween(MAX_FILE_KB * 1024 + 1, 2 * MAX_FILE_KB * 1024 - 4096);

        Response r = upload("file", "too-big.txt", bytes);

        assertProblem(r, 413);
        assertThat(r.body().path("reason").asString()).isEqualTo("TOO_LARGE");
        // the detail names the limit that applies, so the sender knows how far over it is
        assertThat(r.body().path("detail").asString()).contains(String.valueOf(MAX_FILE_KB * 1024)).doesNotContain("-1");
    }

    @Test
    void missingFilePartIsA400Problem() {
        Response r = upload("document", "report.txt", Seeds.bytes("003"));

        assertProblem(r, 400);
        assertThat(r.body().path("detail").asString()).contains("'file'");
    }

    @Test
    void healthIsUpWithAKafkaComponentThatIsUp() {
        JsonNode health = client().get().uri("/actuator/health")
                .exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(200);
                    return json(response.getBody().readAllBytes());
                });

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("details").path("nodes").asInt()).isPositive();
    }
}
