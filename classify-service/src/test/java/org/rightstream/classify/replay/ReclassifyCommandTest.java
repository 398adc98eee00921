package org.rightstream.classify.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.rightstream.classify.ClassifyConfiguration;
import org.rightstream.classify.TestChunks;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(partitions = 3,
        topics = {Topics.REPORT_CHUNKS, Topics.REPORT_CHUNKS_CLASSIFIED, "report.chunks.dlq"},
        brokerProperties = {"auto.create.topics.enable=false"})
class ReclassifyCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReclassifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void replaysAndPrintsASummary(EmbeddedKafkaBroker broker) {
        String reportId = TestChunks.reportId("command-" + UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = ChunkReplayerKafkaTest.producer(broker.getBrokersAsString())) {
            ChunkReplayerKafkaTest.send(producer, 0, reportId, RightstreamJson.write(TestChunks.chunk(reportId, 0, 1)), null);
        }

        // The script passes its default first; the operator's value comes later and wins.
        int exit = run("--bootstrap-servers", "127.0.0.1:1", "--bootstrap-servers=" + broker.getBrokersAsString());

        String modelVersion = ClassifyConfiguration.newClassifier().modelVersion();
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("reclassify: 1 records in report.chunks")
                .contains("reclassify: done: replayed=1 dead-lettered=0 modelVersion=" + modelVersion + " seconds=");
        List<ConsumerRecord<String, byte[]>> classified =
                TopicReader.readAll(broker.getBrokersAsString(), Topics.REPORT_CHUNKS_CLASSIFIED);
        assertThat(classified).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(reportId);
            assertThat(RightstreamJson.read(r.value(), ClassifiedChunk.class).modelVersion()).isEqualTo(modelVersion);
        });
    }

    @Test
    void exitsWithOneWhenKafkaCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int exit = run("--bootstrap-servers", "127.0.0.1:" + closedPort, "--timeout", "2");

        assertThat(exit).isEqualTo(ReclassifyCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reclassify: failed:").contains("127.0.0.1:" + closedPort);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("done");
    }

    @Test
    void rejectsUnknownArgumentsAndShowsHelp() {
        assertThat(run("--bootstrap", "x")).isEqualTo(ReclassifyCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--bootstrap'").contains("Usage:");
        assertThat(run("--timeout", "soon")).isEqualTo(ReclassifyCommand.USAGE);
        assertThat(run("--bootstrap-servers")).isEqualTo(ReclassifyCommand.USAGE);

        assertThat(run("--help")).isEqualTo(ReclassifyCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--bootstrap-servers").contains("127.0.0.1:9092");
    }
}
