package org.rightstream.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;

/**
 * The end-to-end benchmark's side of Elasticsearch, through elasticsearch-java as query-service uses it: counting
 * a run's passages as searchers see them (no refresh forced: forcing one would change what is measured), reading
 * them back, the raw bulk-indexing ceiling into a scratch index made from the live template, and removing
 * everything a run added.
 */
final class BenchIndex implements AutoCloseable {
    /** query-service's bulk size (its max.poll.records), so the ceiling sends bulks of the same size. */
    static final int BULK_OPERATIONS = 500;
    private static final String LIVE = Indices.REPORT_CHUNKS.alias();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A raw bulk run: documents sent, seconds until all were acknowledged and searchable, documents refused. */
    record RawResult(long documents, double seconds, long refused) {
    }

    private final RestClient rest;
    private final ElasticsearchClient client;

    BenchIndex(String url) {
        URI uri = URI.create(url);
        rest = RestClient.builder(new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
                .setRequestConfigCallback(rc -> rc.setSocketTimeout(120_000)).build();
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    /** Passages of these countries searchable now in the live index. */
    long searchable(Collection<String> countries) throws IOException {
        return client.count(c -> c.index(LIVE).query(countryIn(countries))).count();
    }

    /** Passages of this report searchable now. */
    long searchableOf(String reportId) throws IOException {
        return client.count(c -> c.index(LIVE).query(q -> q.term(t -> t.field("reportId").value(reportId)))).count();
    }

    /** The stored documents of these countries, as query-service indexed them. */
    List<ObjectNode> documents(Collection<String> countries) throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        forEachHit(LIVE, countryIn(countries), true, h -> docs.add(h.source()));
        return docs;
    }

    /** A new index with the live index's settings and mappings (the same template), behind no alias. */
    void createScratchIndex(String name) throws IOException {
        var template = RightstreamJson.mapper().readTree(Indices.REPORT_CHUNKS.templateJson()).path("template");
        client.indices().create(c -> c.index(name).withJson(new StringReader(template.toString())));
    }

    /**
     * The ceiling: {@code copies} documents per template document, each under its own report and passage id, bulk
     * indexed as query-service indexes (same _id scheme, external version, document bytes serialised per bulk) by
     * elasticsearch-java's BulkIngester, bulks of {@value #BULK_OPERATIONS}, one in flight while the next is built;
     * timed until the scratch index holds them all, refreshed.
     */
    RawResult rawBulk(String index, List<List<ObjectNode>> templatesByCopy, Consumer<Long> progress)
            throws IOException {
        AtomicLong refused = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        BulkListener<Void> listener = new BulkListener<>() {
            @Override
            public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
                refused.addAndGet(response.items().stream().filter(i -> i.error() != null).count());
                progress.accept(acknowledged.addAndGet(response.items().size()));
            }

            @Override
            public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, Throwable failure) {
                refused.addAndGet(request.operations().size());
            }
        };
        long sent = 0;
        long start = System.nanoTime();
        try (BulkIngester<Void> ingester = BulkIngester.of(b -> b.client(client).maxOperations(BULK_OPERATIONS)
                .maxConcurrentRequests(1).maxSize(64L * 1024 * 1024).listener(listener))) {
            String indexedAt = Instant.now().toString();
            for (int copy = 0; copy < templatesByCopy.size(); copy++) {
                for (ObjectNode template : templatesByCopy.get(copy)) {
                    ObjectNode doc = template.deepCopy();
                    String prefix = "raw-" + copy + "-";
                    doc.put("reportId", prefix + template.path("reportId").asText());
                    doc.put("chunkId", prefix + template.path("chunkId").asText());
                    doc.put("indexedAt", indexedAt);
                    byte[] bytes = JSON.writeValueAsBytes(doc);
                    long version = labelGeneration(template);
                    String id = doc.path("chunkId").asText();
                    ingester.add(BulkOperation.of(o -> o.index(i -> i.index(index).id(id)
                            .versionType(VersionType.ExternalGte).version(version)
                            .document(BinaryData.of(bytes, ContentType.APPLICATION_JSON)))));
                    sent++;
                }
            }
        }
        client.indices().refresh(r -> r.index(index));
        long count = client.count(c -> c.index(index)).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (count + refused.get() != sent) {
            throw new LaunchException("raw bulk: " + count + " of " + sent + " documents in " + index + ", "
                    + refused.get() + " refused");
        }
        return new RawResult(sent, seconds, refused.get());
    }

    /** As ChunkIndexer: the model's training time orders label versions. */
    private static long labelGeneration(ObjectNode doc) {
        String trainedAt = doc.path("modelTrainedAt").asText("");
        return trainedAt.isEmpty() ? 0 : Math.max(0, Instant.parse(trainedAt).toEpochMilli());
    }

    void deleteIndex(String name) throws IOException {
        client.indices().delete(d -> d.index(name).ignoreUnavailable(true));
    }

    /**
     * Removes the passages of these countries from the live index and every alert and notification on these reports,
     * by id (the local node has no delete-by-query), then merges the deletions away so later searches do not wade
     * through them. Returns what was removed: passages, alerts, notifications.
     */
    long[] remove(Collection<String> countries, Collection<String> reportIds) throws IOException {
        client.indices().refresh(r -> r.index(LIVE, Indices.ALERTS.alias(), Indices.ALERT_GROUPS.alias()));
        long passages = deleteAll(LIVE, countryIn(countries));
        Query ofReports = Query.of(q -> q.terms(t -> t.field("reportId")
                .terms(v -> v.value(reportIds.stream().map(FieldValue::of).toList()))));
        long alerts = deleteAll(Indices.ALERTS.alias(), ofReports);
        long notifications = deleteAll(Indices.ALERT_GROUPS.alias(), ofReports);
        client.indices().refresh(r -> r.index(LIVE, Indices.ALERTS.alias(), Indices.ALERT_GROUPS.alias()));
        client.indices().forcemerge(f -> f.index(LIVE).onlyExpungeDeletes(true));
        return new long[] {passages, alerts, notifications};
    }

    private long deleteAll(String index, Query query) throws IOException {
        List<String> ids = new ArrayList<>();
        forEachHit(index, query, false, h -> ids.add(h.id()));
        for (int from = 0; from < ids.size(); from += 1000) {
            List<BulkOperation> ops = ids.subList(from, Math.min(ids.size(), from + 1000)).stream()
                    .map(id -> BulkOperation.of(b -> b.delete(d -> d.index(index).id(id)))).toList();
            client.bulk(b -> b.operations(ops));
        }
        return ids.size();
    }

    /** Every hit of the query, in pages through a point in time (no 10,000-hit window). */
    private void forEachHit(String index, Query query, boolean withSource, Consumer<Hit<ObjectNode>> each)
            throws IOException {
        String pit = client.openPointInTime(p -> p.index(index).keepAlive(k -> k.time("2m"))).id();
        try {
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<ObjectNode> page = client.search(s -> {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m"))).size(1000).query(query)
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                    if (!withSource) {
                        s.source(src -> src.fetch(false));
                    }
                    return from == null ? s : s.searchAfter(from);
                }, ObjectNode.class);
                List<Hit<ObjectNode>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                hits.forEach(each);
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            client.closePointInTime(c -> c.id(pit));
        }
    }

    private static Query countryIn(Collection<String> countries) {
        return Query.of(q -> q.terms(t -> t.field("country")
                .terms(v -> v.value(countries.stream().map(FieldValue::of).toList()))));
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
