package org.rightstream.query.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.query.index.IndexInstaller;
import tools.jackson.databind.JsonNode;

/** Reads alerts and notifications for {@code GET /api/alerts}: filters, newest first, paged. */
public final class AlertSearch {

    /**
     * Filters; null means any. {@code year} ranges are inclusive.
     */
    public record Filter(String watchId, String reportId, String country, Integer fromYear, Integer toYear,
                         String category, Integer minSeverity, Boolean acknowledged, Boolean retroactive) {
    }

    /** One page: the total matching and the documents as stored (ack state included). */
    public record Page(long total, int from, int size, List<JsonNode> items) {
    }

    private final ElasticsearchClient client;
    private final IndexInstaller installer;

    public AlertSearch(ElasticsearchClient client, IndexInstaller installer) {
        this.client = client;
        this.installer = installer;
    }

    public Page alerts(Filter f, int from, int size) throws IOException {
        return page(AlertStore.ALERTS, f, true, from, size);
    }

    public Page notifications(Filter f, int from, int size) throws IOException {
        return page(AlertStore.GROUPS, f, false, from, size);
    }

    private Page page(String index, Filter f, boolean perPassage, int from, int size) throws IOException {
        installer.ensureInstalled();
        Query query = Query.of(q -> q.bool(b -> filters(b, f, perPassage)));
        SearchResponse<ObjectNode> r = client.search(s -> s.index(index).from(from).size(size).query(query)
                .trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.field(x -> x.field("createdAt").order(SortOrder.Desc)))
                .sort(o -> o.field(x -> x.field(perPassage ? "alertId" : "notificationId").order(SortOrder.Asc))),
                ObjectNode.class);
        List<JsonNode> items = new ArrayList<>();
        for (Hit<ObjectNode> h : r.hits().hits()) {
            // The client's mapper is Jackson 2; the API's is Jackson 3.
            items.add(RightstreamJson.mapper().readTree(h.source().toString()));
        }
        long total = r.hits().total() == null ? items.size() : r.hits().total().value();
        return new Page(total, from, size, items);
    }

    private static BoolQuery.Builder filters(BoolQuery.Builder b, Filter f, boolean perPassage) {
        term(b, "watchId", f.watchId());
        term(b, "reportId", f.reportId());
        term(b, "country", f.country());
        term(b, "categories", f.category());
        if (f.fromYear() != null || f.toYear() != null) {
            b.filter(q -> q.range(r -> r.number(n -> {
                n.field("year");
                if (f.fromYear() != null) {
                    n.gte(f.fromYear().doubleValue());
                }
                if (f.toYear() != null) {
                    n.lte(f.toYear().doubleValue());
                }
                return n;
            })));
        }
        if (f.minSeverity() != null) {
            b.filter(q -> q.range(r -> r.number(n -> n.field(perPassage ? "severity" : "maxSeverity")
                    .gte(f.minSeverity().doubleValue()))));
        }
        if (f.acknowledged() != null) {
            b.filter(q -> q.term(t -> t.field("acknowledged").value(f.acknowledged())));
        }
        if (f.retroactive() != null) {
            b.filter(q -> q.term(t -> t.field("retroactive").value(f.retroactive())));
        }
        return b;
    }

    private static void term(BoolQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.filter(q -> q.term(t -> t.field(field).value(value)));
        }
    }
}
