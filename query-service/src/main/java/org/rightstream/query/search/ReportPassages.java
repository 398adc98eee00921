package org.rightstream.query.search;

import java.util.List;
import org.rightstream.contracts.ClassifiedChunk;

/**
 * A page of one report's passages in reading order, each with its labels.
 *
 * @param total the report's passages in the index
 * @param from  the ordinal this page starts at
 * @param next  the {@code from} of the next page, or null on the last page
 */
public record ReportPassages(String reportId, long total, int from, int size, Integer next,
                             List<ClassifiedChunk> passages) {
}
