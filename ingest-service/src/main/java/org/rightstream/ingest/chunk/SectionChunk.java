package org.rightstream.ingest.chunk;

import java.util.List;

/**
 * A passage of a report: text (an exact slice of the cleaned text, {@code charStart..charEnd}), the
 * headings above it, the category a heading names (if any), its page, the numbers of the numbered
 * paragraphs it holds, and whether it sits under a recommendations heading.
 */
public record SectionChunk(String text, int charStart, int charEnd, Integer page, List<String> sectionPath,
                           String headingCategory, List<String> paragraphNumbers, boolean isRecommendation) {
    public SectionChunk {
        sectionPath = List.copyOf(sectionPath);
        paragraphNumbers = List.copyOf(paragraphNumbers);
    }
}
