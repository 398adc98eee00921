package org.rightstream.query.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.InvalidMessageException;
import org.rightstream.contracts.Metrics;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Severity;
import org.rightstream.contracts.Topics;
import org.rightstream.query.TestChunks;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * IndexingConsumer's routing with a real dead-letter producer on an embedded KRaft broker, and an
 * Elasticsearch client pointed at a port nothing listens on (Elasticsearch itself is tested in
 * system-tests): broken messages must reach the DLQ without Elasticsearch, and a valid passage that
 * cannot be indexed must fail the batch instead of being dead-lettered or committed.
 */
@EmbeddedKafka(partitions = 3, topics = {Topics.REPORT_CHUNKS_CLASSIFIED, "report.chunks.classified.dlq"},
        brokerProperties = {"auto.create.topics.enable=false"})
class IndexingConsumerTest {
    private static final String DLQ = Topics.dlq(Topics.REPORT_CHUNKS_CLASSIFIED);

    private static EmbeddedKafkaBroker broker;
    private static DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private static RestClient unreachableElasticsearch;
    private static IndexingConsumer consumer;
    private static final MeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void setUp(EmbeddedKafkaBroker embeddedKafka) throws IOException {
        broker = embeddedKafka;
        // The same producer settings as query-service's application.yml.
        producerFactory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        DeadLetterPublisher deadLetters = new DeadLetterPublisher(new KafkaTemplate<>(producerFactory), Duration.ofSeconds(30));

        unreachableElasticsearch = RestClient.builder(new HttpHost("127.0.0.1", unusedPort(), "http"))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(2000).setSocketTimeout(5000))
                .build();
        ElasticsearchClient client = new ElasticsearchClient(
                new RestClientTransport(unreachableElasticsearch, new JacksonJsonpMapper()));
        IndexingMetrics metrics = new IndexingMetrics(registry);
        consumer = new IndexingConsumer(new ChunkIndexer(client, new IndexInstaller(client, Indices.ALL),
                Clock.systemUTC(), metrics), deadLetters, metrics);
    }

    @AfterAll
    static void tearDown() throws IOException {
        producerFactory.destroy();
        unreachableElasticsearch.close();
    }

    @Test
    void invalidMessagesAreDeadLetteredWithTheReasonWithoutElasticsearch() {
        byte[] notJson = ("{\"marker\": \"" + UUID.randomUUID() + "\", oops").getBytes(StandardCharsets.UTF_8);
        ClassifiedChunk valid = TestChunks.classified(Ids.reportId("invalid-" + UUID.randomUUID()), 0, 1);
        ClassifiedChunk badSeverity = new ClassifiedChunk(valid.schemaVersion(), valid.reportId(), valid.chunkId(),
                valid.ordinal(), valid.totalChunks(), valid.source(), valid.country(), valid.year(), valid.title(),
                valid.sectionPath(), valid.headingCategory(), valid.text(), valid.charStart(), valid.charEnd(),
                valid.page(), valid.paragraphNumbers(), valid.isRecommendation(), valid.ingestedAt(),
                valid.categories(), new Severity(9, List.of()), valid.entities(), valid.modelVersion(),
                valid.classifiedAt(), valid.modelTrainedAt());
        byte[] breaksContract = RightstreamJson.write(badSeverity);
        Map<TopicPartition, Long> before = dlqEndOffsets();
        Map<String, Double> metersBefore = meters();

        // Elasticsearch is unreachable: this returns only because an all-invalid batch never reaches it.
        consumer.accept(batch(notJson, breaksContract));

        // Both counted in and dead-lettered, none out; no bulk request was made for them.
        assertThat(delta(metersBefore)).containsEntry("in", 2.0).containsEntry("out", 0.0).containsEntry("dlq", 2.0)
                .containsEntry("bulks", 0.0).containsEntry("rejects", 0.0);

        List<ConsumerRecord<String, byte[]>> dead = readDlqFrom(before, 2);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(notJson, breaksContract);
        ConsumerRecord<String, byte[]> first = dead.stream().filter(r -> Arrays.equals(r.value(), notJson)).findFirst().orElseThrow();
        ConsumerRecord<String, byte[]> second = dead.stream().filter(r -> Arrays.equals(r.value(), breaksContract)).findFirst().orElseThrow();
        assertThat(header(first, DeadLetterPublisher.EXCEPTION_MESSAGE)).contains("not a valid ClassifiedChunk");
        assertThat(header(second, DeadLetterPublisher.EXCEPTION_MESSAGE)).contains("severity.level must be 1-5, was 9");
        for (ConsumerRecord<String, byte[]> r : dead) {
            assertThat(header(r, DeadLetterPublisher.ORIGINAL_TOPIC)).isEqualTo(Topics.REPORT_CHUNKS_CLASSIFIED);
            assertThat(header(r, DeadLetterPublisher.EXCEPTION_FQCN)).isEqualTo(InvalidMessageException.class.getName());
        }
    }

    @Test
    void jsonNullIsDeadLetteredInsteadOfFailingTheBatchForever() {
        Map<TopicPartition, Long> before = dlqEndOffsets();

        consumer.accept(batch("null".getBytes(StandardCharsets.UTF_8)));

        ConsumerRecord<String, byte[]> dead = readDlqFrom(before, 1).get(0);
        assertThat(dead.value()).asString(StandardCharsets.UTF_8).isEqualTo("null");
        assertThat(header(dead, DeadLetterPublisher.EXCEPTION_MESSAGE)).contains("not a valid ClassifiedChunk");
    }

    @Test
    void aPassageOverTheTopicLimitIsDeadLetteredWithoutItsValueInsteadOfBeingIndexed() {
        // A producer that compresses gets a message far over the 1 MiB limit past the broker.
        ClassifiedChunk valid = TestChunks.classified(Ids.reportId("huge-" + UUID.randomUUID()), 0, 1);
        ClassifiedChunk huge = new ClassifiedChunk(valid.schemaVersion(), valid.reportId(), valid.chunkId(),
                valid.ordinal(), valid.totalChunks(), valid.source(), valid.country(), valid.year(), valid.title(),
                valid.sectionPath(), valid.headingCategory(), "Police detained journalists. ".repeat(100_000),
                valid.charStart(), valid.charEnd(), valid.page(), valid.paragraphNumbers(), valid.isRecommendation(),
                valid.ingestedAt(), valid.categories(), valid.severity(), valid.entities(), valid.modelVersion(),
                valid.classifiedAt(), valid.modelTrainedAt());
        byte[] payload = RightstreamJson.write(huge);
        Map<TopicPartition, Long> before = dlqEndOffsets();

        // Elasticsearch is unreachable: this returns only because the passage never reaches it.
        consumer.accept(batch(payload));

        ConsumerRecord<String, byte[]> dead = readDlqFrom(before, 1).get(0);
        assertThat(dead.value()).isNull();
        assertThat(header(dead, DeadLetterPublisher.EXCEPTION_MESSAGE))
                .isEqualTo("the message has " + payload.length + " bytes, more than the limit of 1048576 bytes for a passage");
        assertThat(header(dead, org.rightstream.contracts.DeadLetters.VALUE_OMITTED))
                .contains(payload.length + " bytes", Topics.REPORT_CHUNKS_CLASSIFIED);
    }

    @Test
    void aValidPassageThatCannotBeIndexedFailsTheBatchAndIsNotDeadLettered() {
        ClassifiedChunk valid = TestChunks.classified(Ids.reportId("valid-" + UUID.randomUUID()), 0, 1);
        Map<TopicPartition, Long> before = dlqEndOffsets();
        Map<String, Double> metersBefore = meters();

        assertThatThrownBy(() -> consumer.accept(batch(RightstreamJson.write(valid))))
                .isInstanceOf(IndexingConsumer.IndexingUnavailableException.class)
                .hasMessageContaining("will retry")
                .hasCauseInstanceOf(IOException.class);

        // Received, but neither out nor dead-lettered: the batch will come again. A bulk that got no answer is not
        // timed.
        assertThat(delta(metersBefore)).containsEntry("in", 1.0).containsEntry("out", 0.0).containsEntry("dlq", 0.0)
                .containsEntry("bulks", 0.0);

        // The dead-letter producer waits for its acknowledgement, so anything sent would already be there.
        assertThat(dlqEndOffsets()).isEqualTo(before);
    }

    /** The index stage's meters by short name. */
    private static Map<String, Double> meters() {
        return Map.of(
                "in", registry.get(Metrics.PASSAGES_IN).tag(Metrics.STAGE, Metrics.INDEX).counter().count(),
                "out", registry.get(Metrics.PASSAGES_OUT).tag(Metrics.STAGE, Metrics.INDEX).counter().count(),
                "dlq", registry.get(Metrics.DLQ).tag(Metrics.STAGE, Metrics.INDEX)
                        .tag(Metrics.TOPIC, DLQ).counter().count(),
                "rejects", registry.get(Metrics.INDEX_REJECTS).counter().count(),
                "bulks", (double) registry.get(Metrics.INDEX_BULK_LATENCY).timer().count());
    }

    private static Map<String, Double> delta(Map<String, Double> before) {
        Map<String, Double> now = meters();
        Map<String, Double> delta = new java.util.HashMap<>();
        now.forEach((k, v) -> delta.put(k, v - before.get(k)));
        return delta;
    }

    private static Message<List<byte[]>> batch(byte[]... payloads) {
        return MessageBuilder.withPayload(List.of(payloads)).build();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, byte[]> dlqConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> dlqPartitions(KafkaConsumer<?, ?> kafka) {
        return kafka.partitionsFor(DLQ).stream().map(p -> new TopicPartition(DLQ, p.partition())).toList();
    }

    private static Map<TopicPartition, Long> dlqEndOffsets() {
        try (KafkaConsumer<String, byte[]> kafka = dlqConsumer()) {
            return kafka.endOffsets(dlqPartitions(kafka));
        }
    }

    /** Exactly the records written to the DLQ after {@code from}, once {@code count} have arrived. */
    private static List<ConsumerRecord<String, byte[]>> readDlqFrom(Map<TopicPartition, Long> from, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> kafka = dlqConsumer()) {
            kafka.assign(from.keySet());
            from.forEach(kafka::seek);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                kafka.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        assertThat(records).hasSize(count);
        return records;
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
