package org.rightstream.query.search;

import java.util.List;

/** A page of search hits and the total number of passages that match. */
public record SearchResult(String query, long total, int from, int size, List<SearchHit> hits) {
}
