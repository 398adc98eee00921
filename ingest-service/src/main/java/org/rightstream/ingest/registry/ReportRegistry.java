package org.rightstream.ingest.registry;

import java.util.List;
import java.util.Optional;
import org.rightstream.ingest.dedup.MinHashSignature;
import org.rightstream.ingest.dedup.NearDuplicateIndex;

/** Every report ingest-service has seen, with its status; shared by all instances of the service. */
public interface ReportRegistry {
    Optional<ReportRecord> get(String id);

    /** Newest first. */
    List<ReportRecord> list();

    /** Stores the record durably before returning. */
    void put(ReportRecord record);

    /** The published report most similar to this text, if it is a near-duplicate. */
    Optional<NearDuplicateIndex.Match> nearDuplicateOf(MinHashSignature signature, String excludeId);
}
