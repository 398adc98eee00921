package org.rightstream.query.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.transport.endpoints.BinaryResponse;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.OptionalLong;
import org.rightstream.contracts.Alert;
import org.rightstream.contracts.AlertNotification;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.query.elasticsearch.Conflicts;
import org.rightstream.query.index.IndexInstaller;

/**
 * Alerts and notifications in Elasticsearch. Alerts are created, never overwritten ({@code op_type=create} on the
 * deterministic alert id), so a replay cannot make a second alert nor undo an acknowledgement; the same holds for a
 * notification, one per {@code notificationId}, which is what makes notifying at most once per watch and report.
 * Each carries {@code notified}: false until its notification went out, so a restart finds what it still owes.
 */
public final class AlertStore {
    static final String ALERTS = Indices.ALERTS.alias();
    static final String GROUPS = Indices.ALERT_GROUPS.alias();

    private final ElasticsearchClient client;
    private final IndexInstaller installer;

    public AlertStore(ElasticsearchClient client, IndexInstaller installer) {
        this.client = client;
        this.installer = installer;
    }

    /** Stores the alerts that do not exist yet and returns those; the others were made before (replay, restart). */
    public List<Alert> createNew(List<Alert> alerts, AlertGrouping grouping) throws IOException {
        if (alerts.isEmpty()) {
            return List.of();
        }
        installer.ensureInstalled();
        List<BulkOperation> ops = new ArrayList<>(alerts.size());
        for (Alert a : alerts) {
            tools.jackson.databind.node.ObjectNode doc = RightstreamJson.mapper().valueToTree(a);
            doc.put("notificationId", grouping.notificationId(a));
            doc.put("notified", false);
            doc.put("acknowledged", false);
            byte[] bytes = RightstreamJson.write(doc);
            ops.add(BulkOperation.of(b -> b.create(c -> c.index(ALERTS).id(a.alertId())
                    .document(BinaryData.of(bytes, ContentType.APPLICATION_JSON)))));
        }
        BulkResponse response = client.bulk(b -> b.operations(ops));
        List<Alert> created = new ArrayList<>(alerts.size());
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                created.add(alerts.get(i));
            } else if (item.status() != 409) {
                throw new IOException("Elasticsearch did not store alert " + item.id() + ": HTTP " + item.status() + " "
                        + item.error().type() + ": " + item.error().reason());
            }
        }
        return created;
    }

    /**
     * Records the notifications as owed and returns the ids of those recorded now; the others exist already (another
     * instance or an earlier run made them).
     */
    public Set<String> createNotifications(List<AlertNotification> notifications) throws IOException {
        installer.ensureInstalled();
        List<BulkOperation> ops = new ArrayList<>(notifications.size());
        for (AlertNotification n : notifications) {
            tools.jackson.databind.node.ObjectNode doc = RightstreamJson.mapper().valueToTree(n);
            doc.remove("alerts");
            doc.put("notified", false);
            doc.put("acknowledged", false);
            byte[] bytes = RightstreamJson.write(doc);
            ops.add(BulkOperation.of(b -> b.create(c -> c.index(GROUPS).id(n.notificationId())
                    .document(BinaryData.of(bytes, ContentType.APPLICATION_JSON)))));
        }
        BulkResponse response = client.bulk(b -> b.operations(ops));
        Set<String> created = new HashSet<>();
        for (BulkResponseItem item : response.items()) {
            if (item.error() == null) {
                created.add(item.id());
            } else if (item.status() != 409) {
                throw new IOException("Elasticsearch did not store notification " + item.id() + ": HTTP " + item.status()
                        + " " + item.error().type() + ": " + item.error().reason());
            }
        }
        return created;
    }

    /**
     * Makes alerts and notifications written so far searchable now rather than at the next periodic refresh, for
     * work that reports itself done (a retroactive check) and whose results the caller reads next.
     */
    public void makeSearchable() throws IOException {
        client.indices().refresh(r -> r.index(ALERTS, GROUPS));
    }

    /** A notification that was made before gains passages found since (a later passage, a retroactive check). */
    public void addToNotification(String notificationId, int passages, int maxSeverity) throws IOException {
        client.update(u -> u.index(GROUPS).id(notificationId).retryOnConflict(5)
                .script(s -> s.source("ctx._source.passages += params.n; "
                                + "if (ctx._source.maxSeverity == null || ctx._source.maxSeverity < params.s) "
                                + "{ ctx._source.maxSeverity = params.s }")
                        .params(Map.of("n", JsonData.of(passages), "s", JsonData.of(maxSeverity)))),
                ObjectNode.class);
    }

    public void notificationsSent(List<String> notificationIds, Instant at) throws IOException {
        markAll(GROUPS, notificationIds, Map.of("notified", true, "notifiedAt", at.toString()));
    }

    public void alertsNotified(List<String> alertIds) throws IOException {
        markAll(ALERTS, alertIds, Map.of("notified", true));
    }

    private void markAll(String index, List<String> ids, Map<String, Object> fields) throws IOException {
        if (ids.isEmpty()) {
            return;
        }
        List<BulkOperation> ops = new ArrayList<>(ids.size());
        for (String id : ids) {
            ops.add(BulkOperation.of(b -> b.update(u -> u.index(index).id(id).retryOnConflict(5)
                    .action(a -> a.doc(fields)))));
        }
        BulkResponse response = client.bulk(b -> b.operations(ops));
        if (response.errors()) {
            BulkResponseItem first = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IOException("could not update " + index + " document " + first.id() + ": " + first.error().reason());
        }
    }

    /** Notifications recorded as owed but not sent before {@code before} (the sender failed or stopped). */
    public List<AlertNotification> unsentNotifications(Instant before, int max) throws IOException {
        SearchResponse<ObjectNode> r = client.search(s -> s.index(GROUPS).size(max)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("notified").value(false)))
                        .filter(f -> f.range(rg -> rg.date(d -> d.field("createdAt").lt(before.toString()))))))
                .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Asc))), ObjectNode.class);
        List<AlertNotification> out = new ArrayList<>();
        for (Hit<ObjectNode> h : r.hits().hits()) {
            out.add(fromSource(h.source(), AlertNotification.class));
        }
        return out;
    }

    /** Alerts stored but never notified, made before {@code before}: a grouper's pending work lost in a crash. */
    public List<Alert> unnotifiedAlerts(Instant before, int max) throws IOException {
        return alerts(Query.of(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("notified").value(false)))
                .filter(f -> f.range(rg -> rg.date(d -> d.field("createdAt").lt(before.toString())))))), max);
    }

    /** The alerts of one notification, in reading order. */
    public List<Alert> alertsOf(String notificationId, int max) throws IOException {
        return alerts(Query.of(q -> q.term(t -> t.field("notificationId").value(notificationId))), max);
    }

    private List<Alert> alerts(Query query, int max) throws IOException {
        SearchResponse<ObjectNode> r = client.search(s -> s.index(ALERTS).size(max).query(query)
                .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Asc)))
                .sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc))), ObjectNode.class);
        List<Alert> out = new ArrayList<>();
        for (Hit<ObjectNode> h : r.hits().hits()) {
            out.add(fromSource(h.source(), Alert.class));
        }
        return out;
    }

    /**
     * Acknowledges an alert, or every alert of a notification, and says how many were acknowledged now (0 when all
     * were already); empty when the id is neither. (Done by search and bulk update: the local node has no
     * update-by-query.)
     */
    public OptionalLong acknowledge(String id, Instant at) throws IOException {
        installer.ensureInstalled();
        Query unacknowledged = Query.of(q -> q.term(t -> t.field("acknowledged").value(false)));
        if (client.exists(e -> e.index(ALERTS).id(id)).value()) {
            return OptionalLong.of(acknowledgeWhere(Query.of(q -> q.bool(b -> b.filter(f -> f.ids(i -> i.values(id)))
                    .filter(unacknowledged))), at));
        }
        if (!client.exists(e -> e.index(GROUPS).id(id)).value()) {
            return OptionalLong.empty();
        }
        client.update(u -> u.index(GROUPS).id(id).retryOnConflict(5).refresh(Refresh.WaitFor)
                .doc(Map.of("acknowledged", true, "acknowledgedAt", at.toString())), ObjectNode.class);
        // Refreshed first, so alerts created a moment ago are found too.
        client.indices().refresh(r -> r.index(ALERTS));
        return OptionalLong.of(acknowledgeWhere(Query.of(q -> q.bool(b -> b.filter(
                f -> f.term(t -> t.field("notificationId").value(id))).filter(unacknowledged))), at));
    }

    private long acknowledgeWhere(Query query, Instant at) throws IOException {
        long acknowledged = 0;
        while (true) {
            SearchResponse<Void> r = client.search(s -> s.index(ALERTS).size(1_000).query(query).source(src -> src
                    .fetch(false)), Void.class);
            List<Hit<Void>> hits = r.hits().hits();
            if (hits.isEmpty()) {
                return acknowledged;
            }
            List<BulkOperation> ops = new ArrayList<>(hits.size());
            for (Hit<Void> h : hits) {
                ops.add(BulkOperation.of(b -> b.update(u -> u.index(ALERTS).id(h.id()).retryOnConflict(5)
                        .action(a -> a.doc(Map.of("acknowledged", true, "acknowledgedAt", at.toString()))))));
            }
            BulkResponse response = client.bulk(b -> b.operations(ops).refresh(Refresh.WaitFor));
            if (response.errors()) {
                BulkResponseItem first = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
                throw new IOException("could not acknowledge alert " + first.id() + ": " + first.error().reason());
            }
            acknowledged += hits.size();
        }
    }

    static <T> T fromSource(ObjectNode source, Class<T> type) {
        return RightstreamJson.read(source.toString().getBytes(StandardCharsets.UTF_8), type);
    }
}
