package org.rightstream.ingest.report;

/**
 * What happened to one report: its id, how many passages were published, the metadata used, and,
 * for a duplicate, which report it duplicates and how similar it is.
 */
public record IngestResult(String reportId, String fileName, Status status, int chunks,
                           String country, Integer year, String title, String message,
                           String duplicateOf, Double similarity) {

    public IngestResult(String reportId, String fileName, Status status, int chunks, String country, Integer year,
                        String title, String message) {
        this(reportId, fileName, status, chunks, country, year, title, message, null, null);
    }

    public enum Status {
        PUBLISHED,
        /** The same text was ingested before; nothing was published again. */
        DUPLICATE,
        /** Nearly the same text was ingested before (e.g. the same report in another format); not published. */
        NEAR_DUPLICATE
    }
}
