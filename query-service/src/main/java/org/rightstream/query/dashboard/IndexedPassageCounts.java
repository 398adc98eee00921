package org.rightstream.query.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.rightstream.contracts.Indices;

/** How many passages of each report are searchable now: what a report list shows next to what was published. */
public class IndexedPassageCounts {
    private final ElasticsearchClient client;

    public IndexedPassageCounts(ElasticsearchClient client) {
        this.client = client;
    }

    /** Passages in the index per report id, for up to {@code reports} reports (those with most passages first). */
    public Map<String, Long> byReport(int reports) throws IOException {
        var response = client.search(s -> s.index(Indices.REPORT_CHUNKS.alias())
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .aggregations("reports", a -> a.terms(t -> t.field("reportId").size(Math.max(1, reports)))), Void.class);
        Map<String, Long> counts = new HashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get("reports").sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }
}
