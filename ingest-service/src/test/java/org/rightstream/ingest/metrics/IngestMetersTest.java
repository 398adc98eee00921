package org.rightstream.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Metrics;
import org.rightstream.ingest.Seeds;
import org.rightstream.ingest.registry.InMemoryReportRegistry;
import org.rightstream.ingest.report.IngestMetrics;
import org.rightstream.ingest.report.IngestResult;
import org.rightstream.ingest.report.PublishFailedException;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportUpload;

/** The ingestor's outcomes as the ingest stage's meters count them, with an in-memory registry. */
class IngestMetersTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMeters meters = new IngestMeters(registry);
    private boolean kafkaDown;
    private final ReportIngestor ingestor = ReportIngestor.standard(180, 250, (reportId, chunks) -> {
        if (kafkaDown) {
            throw new PublishFailedException("no acknowledgement", null);
        }
    }, new InMemoryReportRegistry(), 1_000_000, new TickingClock()).withMetrics(meters);

    @Test
    void everyOutcomeAndTheDeadLetterCounterReadZeroBeforeTheFirstReport() {
        for (String outcome : Metrics.OUTCOMES) {
            assertThat(reports(outcome)).as(outcome).isZero();
        }
        assertThat(Metrics.OUTCOMES).containsExactlyElementsOf(java.util.Arrays.stream(IngestMetrics.Outcome.values())
                .map(IngestMeters::tagValue).toList());
        assertThat(published()).isZero();
        assertThat(registry.get(Metrics.DLQ).tag(Metrics.STAGE, Metrics.INGEST)
                .tag(Metrics.TOPIC, "reports.incoming.dlq").counter().count()).isZero();
    }

    @Test
    void countsReportsByOutcomeAndPassagesPublishedAndTimesPublishedReports() {
        IngestResult first = ingestor.ingest(ReportUpload.of("a.txt", Seeds.bytes("003")));
        assertThat(first.status()).isEqualTo(IngestResult.Status.PUBLISHED);
        assertThat(reports("published")).isEqualTo(1);
        assertThat(published()).isEqualTo(first.chunks());
        assertThat(registry.get(Metrics.INGEST_LATENCY).timer().count()).isEqualTo(1);
        assertThat(registry.get(Metrics.INGEST_LATENCY).timer().totalTime(TimeUnit.MILLISECONDS)).isPositive();

        assertThat(ingestor.ingest(ReportUpload.of("again.txt", Seeds.bytes("003"))).status())
                .isEqualTo(IngestResult.Status.DUPLICATE);
        assertThat(ingestor.ingest(ReportUpload.of("submission.md", Seeds.bytes("004"))).status())
                .isEqualTo(IngestResult.Status.NEAR_DUPLICATE);
        assertThat(catchThrowable(() -> ingestor.ingest(ReportUpload.of("note.txt",
                "Lunch at noon.".getBytes(StandardCharsets.UTF_8))))).isInstanceOf(ReportRejectedException.class);
        kafkaDown = true;
        assertThat(catchThrowable(() -> ingestor.ingest(ReportUpload.of("b.txt", Seeds.bytes("000")))))
                .isInstanceOf(PublishFailedException.class);

        assertThat(reports("published")).isEqualTo(1);
        assertThat(reports("duplicate")).isEqualTo(1);
        assertThat(reports("near_duplicate")).isEqualTo(1);
        assertThat(reports("rejected")).isEqualTo(1);
        assertThat(reports("failed")).isEqualTo(1);
        // Only the published report's passages are out, and only it is timed.
        assertThat(published()).isEqualTo(first.chunks());
        assertThat(registry.get(Metrics.INGEST_LATENCY).timer().count()).isEqualTo(1);
    }

    @Test
    void deadLettersAreCountedOnTheIncomingDeadLetterTopic() {
        meters.deadLettered();
        meters.deadLettered();
        assertThat(registry.get(Metrics.DLQ).tag(Metrics.STAGE, Metrics.INGEST)
                .tag(Metrics.TOPIC, "reports.incoming.dlq").counter().count()).isEqualTo(2);
    }

    private double reports(String outcome) {
        return registry.get(Metrics.INGEST_REPORTS).tag(Metrics.OUTCOME, outcome).counter().count();
    }

    private double published() {
        return registry.get(Metrics.PASSAGES_OUT).tag(Metrics.STAGE, Metrics.INGEST).counter().count();
    }

    /** Moves 5 ms forward every time it is read, so an ingest takes a measurable time. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            now = now.plus(Duration.ofMillis(5));
            return now;
        }
    }
}
