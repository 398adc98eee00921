package org.rightstream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole application with its real binder configuration against an embedded KRaft broker: topics
 * exist up front (as the launcher creates them) and the broker does not create any implicitly.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "server.port=0"})
@EmbeddedKafka(partitions = 3,
        topics = {Topics.REPORT_CHUNKS, Topics.REPORT_CHUNKS_CLASSIFIED, "report.chunks.dlq"},
        brokerProperties = {"auto.create.topics.enable=false", "group.initial.rebalance.delay.ms=0"})
class ClassifyBindingKafkaTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    PassageClassifier classifier;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void passagesAreClassifiedKeyedByReportInReadingOrder() throws Exception {
        List<String> reports = List.of(TestChunks.reportId("order-a-" + UUID.randomUUID()),
                TestChunks.reportId("order-b-" + UUID.randomUUID()),
                TestChunks.reportId("order-c-" + UUID.randomUUID()));
        int perReport = 6;
        Map<String, Integer> inputPartition = new LinkedHashMap<>();
        for (int ordinal = 0; ordinal < perReport; ordinal++) {
            for (String reportId : reports) {
                inputPartition.put(reportId, send(reportId, RightstreamJson.write(TestChunks.chunk(reportId, ordinal, perReport))).partition());
            }
        }

        List<ConsumerRecord<String, byte[]>> out = awaitRecords(Topics.REPORT_CHUNKS_CLASSIFIED,
                r -> reports.contains(r.key()), reports.size() * perReport);

        for (String reportId : reports) {
            List<ConsumerRecord<String, byte[]>> ofReport = out.stream().filter(r -> r.key().equals(reportId)).toList();
            List<ClassifiedChunk> chunks = ofReport.stream()
                    .map(r -> RightstreamJson.read(r.value(), ClassifiedChunk.class)).toList();
            assertThat(chunks).extracting(ClassifiedChunk::reportId).containsOnly(reportId);
            assertThat(chunks).extracting(ClassifiedChunk::ordinal).containsExactly(0, 1, 2, 3, 4, 5);
            // The trained model the application loaded at start labels every passage.
            assertThat(classifier.modelVersion()).matches("cat\\d+-[0-9a-f]{12}-r\\d+");
            assertThat(chunks).extracting(ClassifiedChunk::modelVersion).containsOnly(classifier.modelVersion());
            assertThat(chunks).allSatisfy(c -> {
                assertThat(c.categories()).isNotEmpty();
                assertThat(c.severity().indicators()).isNotEmpty();
            });
            assertThat(chunks.get(2).chunk()).isEqualTo(TestChunks.chunk(reportId, 2, perReport));
            assertThat(ofReport).extracting(ConsumerRecord::partition).as("one report stays on one partition")
                    .containsOnly(inputPartition.get(reportId));
        }
    }

    @Test
    void messageThatIsNotJsonIsDeadLetteredAndTheStreamGoesOn() throws Exception {
        String reportId = TestChunks.reportId("broken-" + UUID.randomUUID());
        byte[] broken = ("{\"reportId\": \"" + reportId + "\", oops").getBytes(StandardCharsets.UTF_8);

        RecordMetadata sent = send(reportId, broken);
        send(reportId, RightstreamJson.write(TestChunks.chunk(reportId, 0, 1)));

        ConsumerRecord<String, byte[]> dead = awaitRecords(Topics.dlq(Topics.REPORT_CHUNKS),
                r -> reportId.equals(r.key()), 1).get(0);
        assertThat(dead.value()).isEqualTo(broken);
        assertThat(dead.partition()).as("dead-lettered to the partition number of its source").isEqualTo(sent.partition());
        assertThat(header(dead, "x-exception-message")).contains("not a valid ChunkMessage");
        assertThat(header(dead, "x-original-topic")).isEqualTo(Topics.REPORT_CHUNKS);

        // The valid passage behind it on the same partition is still classified.
        ConsumerRecord<String, byte[]> classified = awaitRecords(Topics.REPORT_CHUNKS_CLASSIFIED,
                r -> reportId.equals(r.key()), 1).get(0);
        assertThat(RightstreamJson.read(classified.value(), ClassifiedChunk.class).chunkId())
                .isEqualTo(TestChunks.chunk(reportId, 0, 1).chunkId());
    }

    @Test
    void passageThatBreaksTheContractIsDeadLetteredNamingTheField() throws Exception {
        String reportId = TestChunks.reportId("contract-" + UUID.randomUUID());
        ObjectNode node = RightstreamJson.mapper().valueToTree(TestChunks.chunk(reportId, 1, 2));
        node.put("text", " ");
        byte[] blankText = RightstreamJson.write(node);

        send(reportId, blankText);
        send(reportId, RightstreamJson.write(TestChunks.chunk(reportId, 0, 2)));

        ConsumerRecord<String, byte[]> dead = awaitRecords(Topics.dlq(Topics.REPORT_CHUNKS),
                r -> reportId.equals(r.key()), 1).get(0);
        assertThat(dead.value()).isEqualTo(blankText);
        assertThat(header(dead, "x-exception-message")).contains("text is missing or blank");
        assertThat(awaitRecords(Topics.REPORT_CHUNKS_CLASSIFIED, r -> reportId.equals(r.key()), 1))
                .extracting(r -> RightstreamJson.read(r.value(), ClassifiedChunk.class).ordinal())
                .containsExactly(0);
    }

    @Test
    void jsonNullIsDeadLetteredAsAnInvalidMessage() throws Exception {
        String reportId = TestChunks.reportId("null-" + UUID.randomUUID());

        send(reportId, "null".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = awaitRecords(Topics.dlq(Topics.REPORT_CHUNKS),
                r -> reportId.equals(r.key()), 1).get(0);
        assertThat(header(dead, "x-exception-message")).contains("not a valid ChunkMessage");
    }

    private RecordMetadata send(String key, byte[] value) throws Exception {
        return producer.send(new ProducerRecord<>(Topics.REPORT_CHUNKS, key, value)).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Reads the whole topic from the beginning until {@code count} records match, then returns exactly
     * the matching ones (in offset order per partition).
     */
    private List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, Predicate<ConsumerRecord<String, byte[]>> filter,
                                                              int count) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (filter.test(r)) {
                        matching.add(r);
                    }
                });
                return matching.size() >= count;
            });
        }
        assertThat(matching).hasSize(count);
        return matching;
    }

}
