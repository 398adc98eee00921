package org.rightstream.query.search;

import java.util.List;
import org.rightstream.contracts.CategoryScore;

/** One passage found by a search, with its snippets (HTML-escaped text, matches wrapped in {@code <mark>}). */
public record SearchHit(String chunkId, String reportId, int ordinal, String country, Integer year, String title,
                        List<String> sectionPath, List<CategoryScore> categories, Integer severity,
                        String modelVersion, List<String> snippets, double score) {
}
