package org.rightstream.query.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.io.IOException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rightstream.contracts.Indices;

/** How many passages of each report are searchable now: what a report list shows next to what was published. */
public class IndexedPassageCounts {
    private final ElasticsearchClient client;

    public IndexedPassageCounts(ElasticsearchClient client) {
        this.client = client;
    }

    /** Passages in the index of each of these reports; a report with none is absent from the answer. */
    public Map<String, Long> byReport(List<String> reportIds) throws IOException {
        if (reportIds.isEmpty()) {
            return Map.of();
        }
        List<FieldValue> ids = reportIds.stream().map(FieldValue::of).toList();
        var response = client.search(s -> s.index(Indices.REPORT_CHUNKS.alias())
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.terms(t -> t.field("reportId").terms(v -> v.value(ids))))
                .aggregations("reports", a -> a.terms(t -> t.field("reportId").size(ids.size()))), Void.class);
        Map<String, Long> counts = new HashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get("reports").sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }
}
