package org.rightstream.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.rightstream.contracts.Metrics;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.report.IngestMetrics;

/**
 * The ingest stage's meters ({@link Metrics}) behind the ingestor's plain {@link IngestMetrics}: reports by
 * outcome, passages published, the time to ingest a published report, and reports.incoming dead letters. All are
 * registered at start, so they read 0 before the first report.
 */
public final class IngestMeters implements IngestMetrics {
    private final Map<Outcome, Counter> reports = new EnumMap<>(Outcome.class);
    private final Counter published;
    private final Counter deadLettered;
    private final Timer latency;

    public IngestMeters(MeterRegistry registry) {
        for (Outcome o : Outcome.values()) {
            reports.put(o, Counter.builder(Metrics.INGEST_REPORTS).tag(Metrics.OUTCOME, tagValue(o))
                    .description("reports handled, by outcome (upload, drop folder or reports.incoming)")
                    .register(registry));
        }
        published = Counter.builder(Metrics.PASSAGES_OUT).tag(Metrics.STAGE, Metrics.INGEST)
                .description("passages published to report.chunks and acknowledged").register(registry);
        deadLettered = Counter.builder(Metrics.DLQ).tag(Metrics.STAGE, Metrics.INGEST)
                .tag(Metrics.TOPIC, Topics.dlq(Topics.REPORTS_INCOMING))
                .description("messages written to a dead-letter topic").register(registry);
        latency = Timer.builder(Metrics.INGEST_LATENCY)
                .description("receive, extract, clean, chunk and publish one report (published reports only)")
                .publishPercentiles(Metrics.percentiles())
                .distributionStatisticExpiry(Metrics.PERCENTILE_WINDOW)
                .distributionStatisticBufferLength(Metrics.PERCENTILE_WINDOW_STEPS)
                .register(registry);
    }

    /** The outcome tag's value: the name in lower case ({@code near_duplicate}). */
    public static String tagValue(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void report(Outcome outcome, int passages, Duration took) {
        reports.get(outcome).increment();
        if (outcome == Outcome.PUBLISHED) {
            published.increment(passages);
            latency.record(took);
        }
    }

    /** A reports.incoming message was written to reports.incoming.dlq and acknowledged. */
    public void deadLettered() {
        deadLettered.increment();
    }
}
