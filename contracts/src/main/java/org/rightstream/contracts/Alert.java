package org.rightstream.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A passage that names a watched person or organisation, as stored in the {@code alerts} index;
 * {@code alertId} = {@link Ids#alertId(String, String) watchId + chunkId}, so a replay or a restart finds the
 * alert it made before instead of making another.
 *
 * @param matchedText the name as written in the passage
 * @param score       how sure the match is, 0-1 (1 = the name as written in the watch)
 * @param category    the passage's primary category; {@code categories} has all of them, primary first
 * @param snippet     HTML: the passage around the name, escaped, with the name in {@code <mark>}
 * @param retroactive found by the check that a new watch makes of what was indexed before it existed
 */
public record Alert(
        int schemaVersion,
        String alertId,
        String watchId,
        String watchedName,
        String matchedText,
        double score,
        String chunkId,
        String reportId,
        int ordinal,
        String title,
        String country,
        Integer year,
        List<String> sectionPath,
        String category,
        List<String> categories,
        Integer severity,
        String snippet,
        boolean retroactive,
        Instant createdAt) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        sectionPath = sectionPath == null ? List.of() : List.copyOf(sectionPath);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
