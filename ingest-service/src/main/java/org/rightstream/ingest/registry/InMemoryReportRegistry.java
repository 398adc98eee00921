package org.rightstream.ingest.registry;

/** A registry that lives as long as the process; for tests, benchmarks and running without Kafka. */
public final class InMemoryReportRegistry extends StateBackedRegistry {
    @Override
    public void put(ReportRecord record) {
        state.apply(record);
    }
}
