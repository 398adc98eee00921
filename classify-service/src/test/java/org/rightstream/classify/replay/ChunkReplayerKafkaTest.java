package org.rightstream.classify.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.rightstream.classify.ClassifyConfiguration;
import org.rightstream.classify.PassageClassifier;
import org.rightstream.classify.TestChunks;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.DeadLetters;
import org.rightstream.contracts.InvalidMessageException;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.node.ObjectNode;

/**
 * The replay against a real (embedded KRaft) broker whose topics exist up front, as the launcher creates
 * them. One test on a fresh broker, because the replay reads the whole topic and its counts are exact.
 */
@EmbeddedKafka(partitions = 3,
        topics = {Topics.REPORT_CHUNKS, Topics.REPORT_CHUNKS_CLASSIFIED, "report.chunks.dlq"},
        brokerProperties = {"auto.create.topics.enable=false"})
class ChunkReplayerKafkaTest {
    private static final String DLQ = Topics.dlq(Topics.REPORT_CHUNKS);
    private static final int PER_REPORT = 4;

    @Test
    void replaysEveryPassageUpToTheEndOffsetsSeenAtStartAndDeadLettersTheBrokenOnes(EmbeddedKafkaBroker broker)
            throws Exception {
        String servers = broker.getBrokersAsString();
        List<String> reports = List.of(TestChunks.reportId("a-" + UUID.randomUUID()),
                TestChunks.reportId("b-" + UUID.randomUUID()), TestChunks.reportId("c-" + UUID.randomUUID()));
        String lateReport = TestChunks.reportId("late-" + UUID.randomUUID());
        Map<String, ChunkMessage> sentByChunkId = new HashMap<>();
        List<ChunkReplayer.Plan> plans = new ArrayList<>();
        List<ChunkReplayer.Progress> progress = new ArrayList<>();

        try (KafkaProducer<String, byte[]> producer = producer(servers)) {
            // Report i on partition i, so every partition holds passages.
            for (int ordinal = 0; ordinal < PER_REPORT; ordinal++) {
                for (int p = 0; p < reports.size(); p++) {
                    ChunkMessage chunk = TestChunks.chunk(reports.get(p), ordinal, PER_REPORT);
                    send(producer, p, chunk.reportId(), RightstreamJson.write(chunk), null);
                    sentByChunkId.put(chunk.chunkId(), chunk);
                }
            }
            byte[] notJson = ("{\"reportId\": \"" + reports.get(1) + "\", oops").getBytes(StandardCharsets.UTF_8);
            RecordMetadata notJsonAt = send(producer, 1, reports.get(1), notJson, "trace-1");
            ObjectNode node = RightstreamJson.mapper().valueToTree(TestChunks.chunk(reports.get(2), 0, PER_REPORT));
            node.put("text", " ");
            byte[] blankText = RightstreamJson.write(node);
            RecordMetadata blankTextAt = send(producer, 2, reports.get(2), blankText, null);

            PassageClassifier classifier = ClassifyConfiguration.newClassifier();
            ChunkReplayer.Listener listener = new ChunkReplayer.Listener() {
                @Override
                public void started(ChunkReplayer.Plan plan, String modelVersion) {
                    plans.add(plan);
                    // Published after the end offsets were captured: the replay must not reach them.
                    for (int ordinal = 0; ordinal < 2; ordinal++) {
                        send(producer, ordinal * 2, lateReport,
                                RightstreamJson.write(TestChunks.chunk(lateReport, ordinal, 2)), null);
                    }
                }

                @Override
                public void progress(ChunkReplayer.Progress p) {
                    progress.add(p);
                }
            };
            ChunkReplayer.Settings settings = new ChunkReplayer.Settings(servers, Duration.ofSeconds(20), 5,
                    Duration.ofHours(1));

            ChunkReplayer.Result result = new ChunkReplayer(classifier, settings, listener).run();

            assertThat(result.total()).isEqualTo(14);
            assertThat(result.replayed()).isEqualTo(12);
            assertThat(result.deadLettered()).isEqualTo(2);
            assertThat(result.modelVersion()).isEqualTo(classifier.modelVersion());
            assertThat(result.endOffsets()).isEqualTo(Map.of(0, 4L, 1, 5L, 2, 5L));
            assertThat(plans).singleElement().satisfies(plan -> {
                assertThat(plan.endOffsets()).isEqualTo(result.endOffsets());
                assertThat(plan.beginOffsets()).isEqualTo(Map.of(0, 0L, 1, 0L, 2, 0L));
            });
            assertThat(progress).extracting(ChunkReplayer.Progress::done).containsExactly(5L, 10L);
            assertThat(progress).extracting(ChunkReplayer.Progress::total).containsOnly(14L);
            assertThat(TopicReader.endOffsets(servers, Topics.REPORT_CHUNKS)).as("the late passages are on the topic")
                    .containsEntry(new TopicPartition(Topics.REPORT_CHUNKS, 0), 5L)
                    .containsEntry(new TopicPartition(Topics.REPORT_CHUNKS, 2), 6L);

            List<ConsumerRecord<String, byte[]>> classified = TopicReader.readAll(servers, Topics.REPORT_CHUNKS_CLASSIFIED);
            assertThat(classified).extracting(ConsumerRecord::key).as("nothing past the end offsets seen at start")
                    .doesNotContain(lateReport);
            assertThat(classified).hasSize(12);
            for (ConsumerRecord<String, byte[]> record : classified) {
                ClassifiedChunk out = RightstreamJson.read(record.value(), ClassifiedChunk.class).validate();
                assertThat(record.key()).isEqualTo(out.reportId());
                assertThat(out.modelVersion()).isEqualTo(classifier.modelVersion());
                assertThat(out.chunk()).isEqualTo(sentByChunkId.get(out.chunkId()));
            }
            assertThat(classified).extracting(r -> RightstreamJson.read(r.value(), ClassifiedChunk.class).chunkId())
                    .containsExactlyInAnyOrderElementsOf(sentByChunkId.keySet());
            for (String reportId : reports) {
                List<ConsumerRecord<String, byte[]>> ofReport =
                        classified.stream().filter(r -> r.key().equals(reportId)).toList();
                assertThat(ofReport).extracting(ConsumerRecord::partition).as("one report stays on one partition")
                        .hasSize(PER_REPORT).containsOnly(ofReport.get(0).partition());
                assertThat(ofReport).extracting(r -> RightstreamJson.read(r.value(), ClassifiedChunk.class).ordinal())
                        .as("in reading order").containsExactly(0, 1, 2, 3);
            }

            List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAll(servers, DLQ);
            assertThat(dead).hasSize(2);
            ConsumerRecord<String, byte[]> deadJson = dead.stream().filter(r -> r.partition() == notJsonAt.partition())
                    .findFirst().orElseThrow();
            assertThat(deadJson.key()).isEqualTo(reports.get(1));
            assertThat(deadJson.value()).isEqualTo(notJson);
            assertThat(header(deadJson, DeadLetters.EXCEPTION_MESSAGE)).contains("not a valid ChunkMessage");
            assertThat(header(deadJson, DeadLetters.EXCEPTION_FQCN)).isEqualTo(InvalidMessageException.class.getName());
            assertThat(header(deadJson, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(Topics.REPORT_CHUNKS);
            assertThat(header(deadJson, DeadLetters.ORIGINAL_PARTITION)).isEqualTo("1");
            assertThat(header(deadJson, DeadLetters.ORIGINAL_OFFSET)).isEqualTo(String.valueOf(notJsonAt.offset()));
            assertThat(header(deadJson, "trace")).as("the original headers travel along").isEqualTo("trace-1");
            ConsumerRecord<String, byte[]> deadBlank = dead.stream()
                    .filter(r -> r.partition() == blankTextAt.partition()).findFirst().orElseThrow();
            assertThat(deadBlank.value()).isEqualTo(blankText);
            assertThat(header(deadBlank, DeadLetters.EXCEPTION_MESSAGE)).contains("text is missing or blank");
            assertThat(header(deadBlank, DeadLetters.ORIGINAL_OFFSET)).isEqualTo(String.valueOf(blankTextAt.offset()));
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            assertThat(admin.listGroups().all().get(10, TimeUnit.SECONDS)).as("no consumer group joined or committed")
                    .isEmpty();
        }
    }

    static KafkaProducer<String, byte[]> producer(String servers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    static RecordMetadata send(KafkaProducer<String, byte[]> producer, int partition, String key, byte[] value,
                               String trace) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REPORT_CHUNKS, partition, key, value);
        if (trace != null) {
            record.headers().add("trace", trace.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish the test passage", e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
