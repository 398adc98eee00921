package org.rightstream.ingest.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rightstream.ingest.dedup.MinHashSignature;
import org.rightstream.ingest.dedup.MinHasher;
import org.rightstream.ingest.dedup.NearDuplicateIndex;

/**
 * The in-memory view of the registry: the latest record per id and the near-duplicate index of
 * published reports. Thread-safe; fed by local writes and by the registry topic.
 */
final class RegistryState {
    private final Map<String, ReportRecord> records = new ConcurrentHashMap<>();
    private static final String SCHEME = new MinHasher().version();
    private final NearDuplicateIndex index = new NearDuplicateIndex(32, 0.8);

    /** @throws IllegalArgumentException when the record's signature cannot be read; the state is then unchanged */
    void apply(ReportRecord record) {
        String prefix = SCHEME + ":";
        // A signature from another MinHash scheme is not comparable; that report is then only caught as an exact duplicate.
        MinHashSignature signature = record.status() == ReportRecord.Status.PUBLISHED && record.minhash() != null
                && record.minhash().startsWith(prefix) ? MinHashSignature.decode(record.minhash().substring(prefix.length()))
                : null;
        records.put(record.id(), record);
        index.remove(record.id());
        if (signature != null) {
            index.add(record.id(), signature);
        }
    }

    /** A report removed from the registry (a tombstone on the topic): no longer listed, nor a near-duplicate of anything. */
    void forget(String id) {
        records.remove(id);
        index.remove(id);
    }

    Optional<ReportRecord> get(String id) {
        return Optional.ofNullable(records.get(id));
    }

    List<ReportRecord> list() {
        return records.values().stream()
                .sorted(Comparator.comparing(ReportRecord::receivedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    Optional<NearDuplicateIndex.Match> nearDuplicateOf(MinHashSignature signature, String excludeId) {
        return index.findMostSimilar(signature, excludeId);
    }
}
