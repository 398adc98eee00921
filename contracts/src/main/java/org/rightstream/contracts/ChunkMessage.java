package org.rightstream.contracts;

import java.time.Instant;
import java.util.List;

/**
 * One passage of a report, as published on {@link Topics#REPORT_CHUNKS}. The message key is the
 * {@code reportId}, so all passages of a report stay in order on one partition.
 */
public record ChunkMessage(
        int schemaVersion,
        String reportId,
        String chunkId,
        int ordinal,
        int totalChunks,
        Source source,
        String country,
        Integer year,
        String title,
        List<String> sectionPath,
        String headingCategory,
        String text,
        int charStart,
        int charEnd,
        Integer page,
        List<String> paragraphNumbers,
        boolean isRecommendation,
        Instant ingestedAt) {

    public static final int SCHEMA_VERSION = 1;

    public ChunkMessage {
        sectionPath = sectionPath == null ? List.of() : List.copyOf(sectionPath);
        paragraphNumbers = paragraphNumbers == null ? List.of() : List.copyOf(paragraphNumbers);
    }

    /**
     * Checks what every consumer relies on; a message failing this is sent to a dead-letter topic
     * instead of being processed.
     */
    public ChunkMessage validate() {
        Contracts.require(schemaVersion >= 1, "schemaVersion must be >= 1, was " + schemaVersion);
        Contracts.requireText(reportId, "reportId");
        Contracts.requireText(chunkId, "chunkId");
        Contracts.require(chunkId.equals(Ids.chunkId(reportId, ordinal)),
                "chunkId '" + chunkId + "' does not match reportId and ordinal " + ordinal);
        Contracts.require(ordinal >= 0 && ordinal < totalChunks,
                "ordinal " + ordinal + " outside 0.." + (totalChunks - 1));
        Contracts.requireText(text, "text");
        Contracts.require(charStart >= 0 && charEnd >= charStart,
                "charStart/charEnd invalid: " + charStart + ".." + charEnd);
        Contracts.requireCategory(headingCategory, "headingCategory");
        return this;
    }
}
