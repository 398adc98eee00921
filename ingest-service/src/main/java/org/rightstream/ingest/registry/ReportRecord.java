package org.rightstream.ingest.registry;

import java.time.Instant;

/**
 * What the registry knows of one report (or of one rejected file): its latest state. The id is the
 * reportId once the text is known, else {@code file-<sha256 prefix>} for a file rejected before that.
 *
 * @param minhash the near-duplicate signature of the cleaned text (with its scheme), to rebuild the
 *                near-duplicate index after a restart
 */
public record ReportRecord(
        String id,
        Status status,
        String fileName,
        String contentType,
        String sha256,
        String country,
        Integer year,
        String title,
        String publisher,
        String language,
        int chunks,
        String duplicateOf,
        Double similarity,
        String error,
        Instant receivedAt,
        Instant finishedAt,
        Long durationMs,
        String minhash) {

    public enum Status {
        /** Passages are being published; seen after a crash mid-report, cleared by ingesting it again. */
        PUBLISHING,
        PUBLISHED,
        /** Publishing failed (Kafka unavailable); sending the report again retries it. */
        FAILED,
        /** Near-duplicate of {@code duplicateOf}; not published unless asked to. */
        NEAR_DUPLICATE,
        /** The file was not a usable report; {@code error} says why. */
        REJECTED
    }

    public static String fileId(String sha256) {
        return "file-" + sha256.substring(0, 20);
    }

    public ReportRecord withStatus(Status newStatus, int newChunks, String newError, Instant at) {
        return new ReportRecord(id, newStatus, fileName, contentType, sha256, country, year, title, publisher, language,
                newChunks, duplicateOf, similarity, newError, receivedAt, at,
                receivedAt == null ? null : at.toEpochMilli() - receivedAt.toEpochMilli(), minhash);
    }
}
