package org.rightstream.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.dedup.MinHasher;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;

/** The registry on a real (embedded) broker: a new instance — a restart, or a second replica — sees every report. */
@EmbeddedKafka(partitions = 1, topics = Topics.REPORTS_REGISTRY)
class KafkaReportRegistryTest {

    private static KafkaReportRegistry registry(EmbeddedKafkaBroker broker) {
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer()));
        KafkaReportRegistry r = new KafkaReportRegistry(template,
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), Duration.ofSeconds(10));
        r.start(Duration.ofSeconds(30));
        return r;
    }

    private static ReportRecord record(String id, ReportRecord.Status status, String text) {
        return new ReportRecord(id, status, id + ".txt", "text/plain", "00" + id, "Atlantis", 2031, "Title", null, "en",
                status == ReportRecord.Status.PUBLISHED ? 12 : 0, null, null, null, Instant.parse("2031-01-01T00:00:00Z"),
                Instant.parse("2031-01-01T00:00:01Z"), 1000L,
                new MinHasher().version() + ":" + new MinHasher().sign(text).encode());
    }

    @Test
    void aRestartedOrSecondInstanceKnowsEveryReportAndItsNearDuplicateSignature() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        String text = "The commission documented forced evictions in four districts of the capital, "
                + "where families were removed without notice or compensation and police dispersed protests. ".repeat(3);
        try (KafkaReportRegistry first = registry(broker)) {
            first.put(record("r1", ReportRecord.Status.PUBLISHING, text));
            first.put(record("r1", ReportRecord.Status.PUBLISHED, text));
            first.put(record("r2", ReportRecord.Status.REJECTED, "other"));
            assertThat(first.get("r1").orElseThrow().status()).isEqualTo(ReportRecord.Status.PUBLISHED);

            try (KafkaReportRegistry second = registry(broker)) {
                assertThat(second.isCaughtUp()).isTrue();
                assertThat(second.get("r1").orElseThrow().status()).isEqualTo(ReportRecord.Status.PUBLISHED);
                assertThat(second.get("r1").orElseThrow().chunks()).isEqualTo(12);
                assertThat(second.list()).extracting(ReportRecord::id).containsExactlyInAnyOrder("r1", "r2");
                assertThat(second.nearDuplicateOf(new MinHasher().sign(text + " One more sentence."), "new"))
                        .hasValueSatisfying(m -> assertThat(m.reportId()).isEqualTo("r1"));

                // A write by one instance reaches the other while both run.
                first.put(record("r3", ReportRecord.Status.PUBLISHED, "a third report with its own words entirely"));
                await().atMost(Duration.ofSeconds(20)).until(() -> second.get("r3").isPresent());
            }
        }
    }

    @Test
    void aTombstoneRemovesTheReportFromEveryInstanceAndFromNearDuplicateMatching() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        String text = "Journalists covering the trial were detained at the courthouse and their equipment was seized, "
                + "while the defendants said they had been held without access to lawyers for weeks. ".repeat(3);
        try (KafkaReportRegistry first = registry(broker); KafkaReportRegistry second = registry(broker)) {
            first.put(record("gone", ReportRecord.Status.PUBLISHED, text));
            first.put(record("kept", ReportRecord.Status.PUBLISHED, "a report about something else, in other words"));
            await().atMost(Duration.ofSeconds(20)).until(() -> second.get("gone").isPresent());

            tombstone(broker, "gone");
            for (KafkaReportRegistry r : List.of(first, second)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> r.get("gone").isEmpty());
                assertThat(r.get("kept")).isPresent();
                assertThat(r.nearDuplicateOf(new MinHasher().sign(text), "new")).isEmpty();
            }
            try (KafkaReportRegistry restarted = registry(broker)) {
                assertThat(restarted.get("gone")).isEmpty();
                assertThat(restarted.get("kept")).isPresent();
            }
            // The other test lists the registry's whole content.
            tombstone(broker, "kept");
            await().atMost(Duration.ofSeconds(20)).until(() -> first.get("kept").isEmpty());
        }
    }

    @Test
    void unreadableRecordsOnTheTopicAreSkippedAndEveryInstanceKeepsFollowingIt() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        try (KafkaReportRegistry first = registry(broker); KafkaReportRegistry second = registry(broker)) {
            byte[][] hostile = {
                    {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF},
                    "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "{\"chunks\": 0}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "null".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "{\"id\": \"bad-status\", \"status\": \"EATEN\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    ("{\"id\": \"bad-signature\", \"status\": \"PUBLISHED\", \"chunks\": 3, \"minhash\": \""
                            + new MinHasher().version() + ":not base64 at all\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
            };
            try (var producer = new DefaultKafkaProducerFactory<String, byte[]>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
                    new ByteArraySerializer()).createProducer()) {
                for (byte[] value : hostile) {
                    producer.send(new ProducerRecord<>(Topics.REPORTS_REGISTRY, "hostile", value)).get();
                }
            }
            first.put(record("after-hostile", ReportRecord.Status.PUBLISHED, "written after the unreadable records"));
            await().atMost(Duration.ofSeconds(20)).until(() -> second.get("after-hostile").isPresent());
            assertThat(second.get("bad-signature")).isEmpty();
            assertThat(second.get("bad-status")).isEmpty();
            try (KafkaReportRegistry restarted = registry(broker)) {
                assertThat(restarted.isCaughtUp()).isTrue();
                assertThat(restarted.get("after-hostile")).isPresent();
            }
            tombstone(broker, "after-hostile");
            await().atMost(Duration.ofSeconds(20)).until(() -> first.get("after-hostile").isEmpty());
        }
    }

    private static void tombstone(EmbeddedKafkaBroker broker, String id) throws Exception {
        try (var producer = new DefaultKafkaProducerFactory<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
                new ByteArraySerializer()).createProducer()) {
            producer.send(new ProducerRecord<>(Topics.REPORTS_REGISTRY, id, null)).get();
        }
    }
}
