package org.rightstream.ingest.report;

/**
 * A report as it arrived: the file bytes plus whatever metadata the sender gave. Null metadata is
 * detected from the text where the text says it, and otherwise left empty.
 */
public record ReportUpload(String fileName, byte[] content, String contentType,
                           String country, Integer year, String title, String publisher) {
    public static ReportUpload of(String fileName, byte[] content) {
        return new ReportUpload(fileName, content, null, null, null, null, null);
    }
}
