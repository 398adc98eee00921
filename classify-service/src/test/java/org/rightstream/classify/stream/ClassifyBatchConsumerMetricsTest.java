package org.rightstream.classify.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.rightstream.classify.BaselineClassifier;
import org.rightstream.classify.TestChunks;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.DeadLetters;
import org.rightstream.contracts.Metrics;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** What the classify stage counts and times around one batch, with an in-memory registry and a Kafka stand-in. */
class ClassifyBatchConsumerMetricsTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final RecordingTemplate template = new RecordingTemplate();
    private final ClassifyBatchConsumer consumer = new ClassifyBatchConsumer(
            new ClassifyFunction(new BaselineClassifier(Clock.systemUTC())), template, Duration.ofSeconds(5),
            new ClassifyMetrics(registry));

    @Test
    void everyMeterIsThereBeforeTheFirstPassage() {
        assertThat(count(Metrics.PASSAGES_IN)).isZero();
        assertThat(count(Metrics.PASSAGES_OUT)).isZero();
        assertThat(registry.get(Metrics.DLQ).tag(Metrics.STAGE, Metrics.CLASSIFY)
                .tag(Metrics.TOPIC, "report.chunks.dlq").counter().count()).isZero();
        assertThat(registry.get(Metrics.CLASSIFY_LATENCY).timer().count()).isZero();
    }

    @Test
    void passagesOverTheTopicLimitAreDeadLetteredWithoutTheirValueAndTheRestOfTheBatchGoesOn() {
        String reportId = TestChunks.reportId("limits");
        // Far over 1 MiB: a producer that compresses gets it past the broker.
        byte[] huge = RightstreamJson.write(withText(TestChunks.chunk(reportId, 0, 3), "Police beat detainees. ".repeat(200_000)));
        // Just under 1 MiB, but its labels would take the result over it: Kafka would refuse the result for ever.
        ChunkMessage base = withText(TestChunks.chunk(reportId, 1, 3), "");
        int room = Topics.MAX_PASSAGE_MESSAGE_BYTES - 20 - RightstreamJson.write(base).length;
        byte[] nearLimit = RightstreamJson.write(withText(base, "detained ".repeat(room / 9 + 1).substring(0, room)));
        assertThat(nearLimit.length).isLessThanOrEqualTo(Topics.MAX_PASSAGE_MESSAGE_BYTES);
        byte[] valid = RightstreamJson.write(TestChunks.chunk(reportId, 2, 3));

        consumer.accept(batch(List.of(huge, nearLimit, valid)));

        assertThat(template.sent).extracting(ProducerRecord::topic).containsExactly(
                Topics.REPORT_CHUNKS_CLASSIFIED, Topics.dlq(Topics.REPORT_CHUNKS), Topics.dlq(Topics.REPORT_CHUNKS));
        ProducerRecord<String, byte[]> first = template.sent.get(1);
        ProducerRecord<String, byte[]> second = template.sent.get(2);
        assertThat(header(first, DeadLetters.EXCEPTION_MESSAGE)).isEqualTo("the message has " + huge.length
                + " bytes, more than the limit of 1048576 bytes for a passage");
        assertThat(header(second, DeadLetters.EXCEPTION_MESSAGE)).startsWith("the classified passage has ")
                .endsWith("bytes, more than the limit of 1048576 bytes for a passage");
        // Neither value would fit on the dead-letter topic with its headers: left out, and the header says where it is.
        for (ProducerRecord<String, byte[]> dead : List.of(first, second)) {
            assertThat(dead.value()).isNull();
            assertThat(header(dead, DeadLetters.VALUE_OMITTED)).contains("too large for the dead-letter topic");
        }
    }

    private static ChunkMessage withText(ChunkMessage c, String text) {
        return new ChunkMessage(c.schemaVersion(), c.reportId(), c.chunkId(), c.ordinal(), c.totalChunks(), c.source(),
                c.country(), c.year(), c.title(), c.sectionPath(), c.headingCategory(), text, 0, text.length(), c.page(),
                c.paragraphNumbers(), c.isRecommendation(), c.ingestedAt());
    }

    private static String header(ProducerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void countsPassagesInOutAndDeadLettersAndTimesEachClassifiedPassage() {
        String reportId = TestChunks.reportId("metrics");
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            payloads.add(RightstreamJson.write(TestChunks.chunk(reportId, i, 4)));
        }
        payloads.add("{not json".getBytes(StandardCharsets.UTF_8));

        consumer.accept(batch(payloads));

        assertThat(template.sent).extracting(ProducerRecord::topic).containsExactly(
                Topics.REPORT_CHUNKS_CLASSIFIED, Topics.REPORT_CHUNKS_CLASSIFIED, Topics.REPORT_CHUNKS_CLASSIFIED,
                Topics.REPORT_CHUNKS_CLASSIFIED, Topics.dlq(Topics.REPORT_CHUNKS));
        assertThat(count(Metrics.PASSAGES_IN)).isEqualTo(5);
        assertThat(count(Metrics.PASSAGES_OUT)).isEqualTo(4);
        assertThat(count(Metrics.DLQ)).isEqualTo(1);
        // One timing per passage classified; the broken one failed before it was classified.
        assertThat(registry.get(Metrics.CLASSIFY_LATENCY).timer().count()).isEqualTo(4);
        assertThat(registry.get(Metrics.CLASSIFY_LATENCY).timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
        // The percentiles the status table reads are published with the timer.
        assertThat(registry.get(Metrics.CLASSIFY_LATENCY + ".percentile").tag("phi", "0.95").gauge().value())
                .isPositive();
    }

    @Test
    void aBatchKafkaDidNotAcknowledgeIsReceivedButNotCountedAsOut() {
        template.fail = true;
        List<byte[]> payloads = List.of(RightstreamJson.write(TestChunks.chunk(TestChunks.reportId("down"), 0, 1)));

        assertThatThrownBy(() -> consumer.accept(batch(payloads)))
                .isInstanceOf(ClassifyBatchConsumer.OutputUnavailableException.class);

        assertThat(count(Metrics.PASSAGES_IN)).isEqualTo(1);
        assertThat(count(Metrics.PASSAGES_OUT)).isZero();
        assertThat(count(Metrics.DLQ)).isZero();

        // The retry succeeds: the redelivery is counted in again, the passage out once.
        template.fail = false;
        consumer.accept(batch(payloads));
        assertThat(count(Metrics.PASSAGES_IN)).isEqualTo(2);
        assertThat(count(Metrics.PASSAGES_OUT)).isEqualTo(1);
    }

    private double count(String name) {
        return registry.get(name).tag(Metrics.STAGE, Metrics.CLASSIFY).counter().count();
    }

    private static Message<List<byte[]>> batch(List<byte[]> payloads) {
        return MessageBuilder.withPayload(payloads).build();
    }

    /** Takes every record at once (or refuses them all), like a broker that acknowledges or is down. */
    private static final class RecordingTemplate extends KafkaTemplate<String, byte[]> {
        final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        boolean fail;

        RecordingTemplate() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
            if (fail) {
                return CompletableFuture.failedFuture(new org.apache.kafka.common.errors.TimeoutException("down"));
            }
            sent.add(record);
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        }
    }
}
