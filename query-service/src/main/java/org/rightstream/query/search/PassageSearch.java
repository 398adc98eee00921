package org.rightstream.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Indices;

/**
 * Reads passages from Elasticsearch: searches (query, filters, sort, paging, facets), one report's
 * passages in order, and one passage by its chunkId. Requests are built by {@link PassageQueries} and
 * answers mapped by {@link SearchResults}; this class only sends them.
 */
public final class PassageSearch {
    private final ElasticsearchClient client;
    private final PassageQueries queries;
    private final SearchResults results;
    private final SearchCache cache;

    /** @param cache answers to repeated searches, or null for none */
    public PassageSearch(ElasticsearchClient client, PassageQueries queries, SearchResults results, SearchCache cache) {
        this.client = client;
        this.queries = queries;
        this.results = results;
        this.cache = cache;
    }

    public SearchResult search(SearchCriteria criteria) throws IOException {
        return cache == null ? searchIndex(criteria) : cache.search(criteria, this::searchIndex);
    }

    private SearchResult searchIndex(SearchCriteria criteria) throws IOException {
        return results.searchResult(criteria, client.search(queries.search(criteria), HitSource.class));
    }

    /** The report's passages from ordinal {@code from}; empty when none of its passages is indexed. */
    public Optional<ReportPassages> reportPassages(String reportId, int from, int size) throws IOException {
        ReportPassages page = results.reportPassages(reportId, from, size,
                client.search(queries.reportPassages(reportId, from, size), ObjectNode.class));
        return page.total() == 0 ? Optional.empty() : Optional.of(page);
    }

    public Optional<ClassifiedChunk> passage(String chunkId) throws IOException {
        GetResponse<ObjectNode> response;
        try {
            response = client.get(g -> g.index(Indices.REPORT_CHUNKS.alias()).id(chunkId), ObjectNode.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty(); // no index yet
            }
            throw e;
        }
        return response.found() && response.source() != null
                ? Optional.of(SearchResults.chunk(response.source())) : Optional.empty();
    }
}
