package org.rightstream.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.RefreshStats;
import co.elastic.clients.elasticsearch.indices.stats.IndicesStats;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.rightstream.contracts.Indices;

/**
 * What searches of the passage index see, as a token that changes whenever that may change: the concrete
 * index behind the alias (a reindex switches it) and how many times it has been refreshed for searches
 * ({@code refresh.external_total}). Search results only change when a refresh opens a new reader, and a
 * refresh is only done when documents were written or deleted (an index with an explicit
 * {@code refresh_interval}, as the template sets, never goes search-idle); an explicit {@code _refresh}
 * with nothing new counts too, which at worst empties the cache once more than needed.
 */
public final class IndexGeneration implements SearchCache.Generations {
    private final ElasticsearchClient client;

    public IndexGeneration(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public String current() throws IOException {
        Map<String, IndicesStats> indices = client.indices()
                .stats(s -> s.index(Indices.REPORT_CHUNKS.alias()).metric("refresh")).indices();
        return token(indices);
    }

    /** Name, uuid (an index deleted and made again starts counting anew) and refresh count of each index. */
    static String token(Map<String, IndicesStats> indices) throws IOException {
        StringBuilder token = new StringBuilder();
        for (Map.Entry<String, IndicesStats> e : new TreeMap<>(indices).entrySet()) {
            IndicesStats stats = e.getValue();
            RefreshStats refresh = stats.primaries() == null ? null : stats.primaries().refresh();
            if (refresh == null) {
                // Without the count nothing would tell a changed index from an unchanged one.
                throw new IOException("no refresh statistics for " + e.getKey());
            }
            token.append(e.getKey()).append('/').append(stats.uuid()).append(':').append(refresh.externalTotal())
                    .append(';');
        }
        return token.toString();
    }
}
