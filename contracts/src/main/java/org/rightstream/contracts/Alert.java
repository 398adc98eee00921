package org.rightstream.contracts;

import java.time.Instant;

/** A passage that names a watched person or organisation; {@code alertId} = watchId + chunkId. */
public record Alert(
        int schemaVersion,
        String alertId,
        String watchId,
        String watchedName,
        String matchedText,
        double score,
        String chunkId,
        String reportId,
        String country,
        Integer year,
        String category,
        Integer severity,
        String snippet,
        Instant createdAt) {
}
