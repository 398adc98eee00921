package org.rightstream.query.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.rightstream.contracts.Metrics;
import org.rightstream.contracts.Topics;

/**
 * The index stage's meters ({@link Metrics}): passages in and out, dead letters, documents Elasticsearch rejected
 * or kept newer labels for, and each bulk request's latency and size. All are registered at start, so they read 0
 * before the first passage.
 */
public final class IndexingMetrics {
    private final Counter in;
    private final Counter out;
    private final Counter deadLettered;
    private final Counter rejected;
    private final Counter superseded;
    private final Timer bulkLatency;
    private final DistributionSummary bulkSize;

    public IndexingMetrics(MeterRegistry registry) {
        in = Counter.builder(Metrics.PASSAGES_IN).tag(Metrics.STAGE, Metrics.INDEX)
                .description("records received from report.chunks.classified, redeliveries included").register(registry);
        out = Counter.builder(Metrics.PASSAGES_OUT).tag(Metrics.STAGE, Metrics.INDEX)
                .description("passages written to Elasticsearch (bulk acknowledged)").register(registry);
        deadLettered = Counter.builder(Metrics.DLQ).tag(Metrics.STAGE, Metrics.INDEX)
                .tag(Metrics.TOPIC, Topics.dlq(Topics.REPORT_CHUNKS_CLASSIFIED))
                .description("messages written to a dead-letter topic").register(registry);
        rejected = Counter.builder(Metrics.INDEX_REJECTS)
                .description("passages Elasticsearch refused for what they contain (dead-lettered)").register(registry);
        superseded = Counter.builder(Metrics.INDEX_SUPERSEDED)
                .description("passages whose indexed labels came from a newer model and were kept").register(registry);
        bulkLatency = Timer.builder(Metrics.INDEX_BULK_LATENCY).description("one Elasticsearch bulk request")
                .publishPercentiles(Metrics.percentiles())
                .distributionStatisticExpiry(Metrics.PERCENTILE_WINDOW)
                .distributionStatisticBufferLength(Metrics.PERCENTILE_WINDOW_STEPS)
                .register(registry);
        bulkSize = DistributionSummary.builder(Metrics.INDEX_BULK_SIZE).description("passages per bulk request")
                .publishPercentiles(Metrics.percentiles())
                .distributionStatisticExpiry(Metrics.PERCENTILE_WINDOW)
                .distributionStatisticBufferLength(Metrics.PERCENTILE_WINDOW_STEPS)
                .register(registry);
    }

    /** Meters that go nowhere, for tests and tools that have no registry. */
    public static IndexingMetrics none() {
        return new IndexingMetrics(new SimpleMeterRegistry());
    }

    void received(int records) {
        in.increment(records);
    }

    void indexed(int passages) {
        out.increment(passages);
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void rejected(int passages) {
        rejected.increment(passages);
    }

    void superseded(int passages) {
        superseded.increment(passages);
    }

    void bulk(int passages, long nanos) {
        bulkSize.record(passages);
        bulkLatency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
