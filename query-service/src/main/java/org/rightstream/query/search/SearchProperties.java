package org.rightstream.query.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the search API ({@code rightstream.search.*}).
 *
 * @param maxPageSize      largest {@code size} a request may ask for
 * @param maxResultWindow  how deep {@code from} + {@code size} may go; past it, page with the cursor. Must not
 *                         exceed the index's {@code index.max_result_window} (10,000 by default)
 * @param maxQueryLength   longest {@code q}, in characters
 * @param defaultPageSize  hits per page when {@code size} is not given
 * @param passagePageSize  passages per page of {@code /api/reports/{id}/passages} when {@code size} is not given
 * @param facetSize        most values listed for the country and year facets
 * @param topEntities      most values listed for the entity facet
 */
@ConfigurationProperties("rightstream.search")
public record SearchProperties(
        @DefaultValue("100") int maxPageSize,
        @DefaultValue("10000") int maxResultWindow,
        @DefaultValue("1000") int maxQueryLength,
        @DefaultValue("10") int defaultPageSize,
        @DefaultValue("50") int passagePageSize,
        @DefaultValue("50") int facetSize,
        @DefaultValue("10") int topEntities) {

    public SearchProperties {
        if (maxPageSize < 1 || defaultPageSize < 1 || passagePageSize < 1 || defaultPageSize > maxPageSize
                || passagePageSize > maxPageSize) {
            throw new IllegalArgumentException("rightstream.search: page sizes must be >= 1 and at most max-page-size ("
                    + maxPageSize + ")");
        }
        if (maxResultWindow < maxPageSize) {
            throw new IllegalArgumentException("rightstream.search.max-result-window (" + maxResultWindow
                    + ") must be at least max-page-size (" + maxPageSize + ")");
        }
        if (maxQueryLength < 1 || facetSize < 1 || topEntities < 1) {
            throw new IllegalArgumentException("rightstream.search: max-query-length, facet-size and top-entities must be >= 1");
        }
    }

    /** The defaults, as a plain object (tests, tools). */
    public static SearchProperties defaults() {
        return new SearchProperties(100, 10_000, 1000, 10, 50, 50, 10);
    }
}
