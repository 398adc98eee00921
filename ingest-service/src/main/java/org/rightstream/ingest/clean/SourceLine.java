package org.rightstream.ingest.clean;

/** A line of extracted text and the page it is on (1-based; 0 when the format has no pages). */
public record SourceLine(String text, int page) {
    public boolean isBlank() {
        return text.isBlank();
    }
}
