package org.rightstream.ingest.report;

/**
 * A report as it arrived: the file bytes plus whatever metadata the sender gave. Null metadata is
 * detected from the text where the text says it, and otherwise left empty.
 *
 * @param allowDuplicate publish even when the report is a near-duplicate of one already ingested
 */
public record ReportUpload(String fileName, byte[] content, String contentType,
                           String country, Integer year, String title, String publisher, boolean allowDuplicate) {

    public ReportUpload(String fileName, byte[] content, String contentType, String country, Integer year,
                        String title, String publisher) {
        this(fileName, content, contentType, country, year, title, publisher, false);
    }

    public static ReportUpload of(String fileName, byte[] content) {
        return new ReportUpload(fileName, content, null, null, null, null, null, false);
    }
}
