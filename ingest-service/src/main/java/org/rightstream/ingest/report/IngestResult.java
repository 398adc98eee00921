package org.rightstream.ingest.report;

/** What happened to one report: its id, how many passages were published, and the metadata used. */
public record IngestResult(String reportId, String fileName, Status status, int chunks,
                           String country, Integer year, String title, String message) {
    public enum Status { PUBLISHED }
}
