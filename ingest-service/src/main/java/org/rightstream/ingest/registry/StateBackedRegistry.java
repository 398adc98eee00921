package org.rightstream.ingest.registry;

import java.util.List;
import java.util.Optional;
import org.rightstream.ingest.dedup.MinHashSignature;
import org.rightstream.ingest.dedup.NearDuplicateIndex;

/** Reads answered from the in-memory view; subclasses decide how writes reach it. */
abstract class StateBackedRegistry implements ReportRegistry {
    protected final RegistryState state = new RegistryState();

    @Override
    public Optional<ReportRecord> get(String id) {
        return state.get(id);
    }

    @Override
    public List<ReportRecord> list() {
        return state.list();
    }

    @Override
    public Optional<NearDuplicateIndex.Match> nearDuplicateOf(MinHashSignature signature, String excludeId) {
        return state.nearDuplicateOf(signature, excludeId);
    }
}
