package org.rightstream.query.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cache of search answers ({@code rightstream.search.cache.*}), see {@link SearchCache}.
 *
 * @param enabled       false: every search goes to Elasticsearch
 * @param maxSize       memory the cached answers may take (estimated); the least recently used go first
 * @param checkInterval how often the index is asked whether it changed (one small stats request), while
 *                      searches come in
 * @param maxStaleness  an answer is served from memory only if the index was seen unchanged this recently;
 *                      the most an answer can lag behind the index, on top of the index's own 1 s refresh
 */
@ConfigurationProperties("rightstream.search.cache")
public record SearchCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("16MB") DataSize maxSize,
        @DefaultValue("200ms") Duration checkInterval,
        @DefaultValue("1s") Duration maxStaleness) {

    public SearchCacheProperties {
        if (maxSize.toBytes() < 0 || checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("rightstream.search.cache: max-size must be >= 0 and check-interval > 0");
        }
        if (maxStaleness.compareTo(checkInterval) <= 0) {
            // Otherwise a confirmation would expire before the next one arrives and nothing would be served.
            throw new IllegalArgumentException("rightstream.search.cache.max-staleness (" + maxStaleness
                    + ") must be longer than check-interval (" + checkInterval + ")");
        }
    }
}
