package org.rightstream.query.search;

import java.util.List;

/**
 * A page of search hits.
 *
 * @param query  the query as typed
 * @param total  how many passages match (exact)
 * @param from   the position of this page's first hit in the whole result
 * @param size   the page size asked for
 * @param sort   the order, e.g. {@code relevance:desc} or {@code year:asc}
 * @param cursor pass it back as {@code cursor} (with the same query, filters and sort) for the next page;
 *               null on the last page
 * @param facets counts over all matching passages, of the facets asked for ({@code facets}, all by default);
 *               null with {@code facets=false} and on pages opened by a cursor (the first page has them)
 */
public record SearchResult(String query, long total, long from, int size, String sort, List<SearchHit> hits,
                           String cursor, Facets facets) {
}
