package org.rightstream.classify.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.rightstream.contracts.Metrics;
import org.rightstream.contracts.Topics;

/**
 * The classify stage's meters ({@link Metrics}): passages in and out, dead letters, and the time to classify one
 * passage (a timer per passage, not per batch: a batch's time depends on how full the poll was). All are
 * registered at start, so they read 0 before the first passage.
 */
public final class ClassifyMetrics {
    private final Counter in;
    private final Counter out;
    private final Counter deadLettered;
    private final Timer latency;

    public ClassifyMetrics(MeterRegistry registry) {
        in = Counter.builder(Metrics.PASSAGES_IN).tag(Metrics.STAGE, Metrics.CLASSIFY)
                .description("records received from report.chunks, redeliveries included").register(registry);
        out = Counter.builder(Metrics.PASSAGES_OUT).tag(Metrics.STAGE, Metrics.CLASSIFY)
                .description("classified passages published to report.chunks.classified and acknowledged")
                .register(registry);
        deadLettered = Counter.builder(Metrics.DLQ).tag(Metrics.STAGE, Metrics.CLASSIFY)
                .tag(Metrics.TOPIC, Topics.dlq(Topics.REPORT_CHUNKS))
                .description("messages written to a dead-letter topic").register(registry);
        latency = Timer.builder(Metrics.CLASSIFY_LATENCY)
                .description("parse, validate, classify and serialise one passage")
                .publishPercentiles(Metrics.percentiles())
                .distributionStatisticExpiry(Metrics.PERCENTILE_WINDOW)
                .distributionStatisticBufferLength(Metrics.PERCENTILE_WINDOW_STEPS)
                .register(registry);
    }

    /** Meters that go nowhere, for tests and tools that have no registry. */
    public static ClassifyMetrics none() {
        return new ClassifyMetrics(new SimpleMeterRegistry());
    }

    void received(int records) {
        in.increment(records);
    }

    void published(int passages) {
        out.increment(passages);
    }

    void deadLettered(int messages) {
        deadLettered.increment(messages);
    }

    Timer latency() {
        return latency;
    }
}
