package org.rightstream.ingest.clean;

import java.util.List;

/**
 * A report after cleaning: its text with one blank line between paragraphs, and those paragraphs as
 * blocks with offsets into the text. The report id is computed from this text, so the same report
 * as .txt, .pdf or .md differs only where the cleaned text differs.
 */
public record CleanDocument(String text, List<Block> blocks) {
    public CleanDocument {
        blocks = List.copyOf(blocks);
    }
}
