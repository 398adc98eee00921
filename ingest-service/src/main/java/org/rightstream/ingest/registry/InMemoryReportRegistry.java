package org.rightstream.ingest.registry;

import java.util.List;
import java.util.Optional;
import org.rightstream.ingest.dedup.MinHashSignature;
import org.rightstream.ingest.dedup.NearDuplicateIndex;

/** A registry that lives as long as the process; for tests and for running without Kafka. */
public final class InMemoryReportRegistry implements ReportRegistry {
    private final RegistryState state = new RegistryState();

    @Override
    public Optional<ReportRecord> get(String id) {
        return state.get(id);
    }

    @Override
    public List<ReportRecord> list() {
        return state.list();
    }

    @Override
    public void put(ReportRecord record) {
        state.apply(record);
    }

    @Override
    public Optional<NearDuplicateIndex.Match> nearDuplicateOf(MinHashSignature signature, String excludeId) {
        return state.nearDuplicateOf(signature, excludeId);
    }
}
