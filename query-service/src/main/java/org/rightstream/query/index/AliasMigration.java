package org.rightstream.query.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;

/**
 * Moves an alias to the next version of its index without downtime, for a mapping change. The local node has no
 * {@code _reindex}, so documents are copied with a point in time and search_after into {@code <alias>-v<n+1>}
 * (created from the current template), the alias is switched atomically, then the documents indexed into the old
 * version while the copy ran are copied again. Copies keep the external version (the model's training time), so
 * a document the live stream writes into the new version meanwhile is never replaced by an older copy.
 * The old index is kept until the caller deletes it.
 */
public final class AliasMigration {
    private static final Pattern VERSIONED = Pattern.compile("(.+)-v(\\d+)");
    private static final int PAGE = 1000;

    public record Result(String from, String to, long copied, long caughtUp, double seconds) {
    }

    private final ElasticsearchClient client;
    private final Clock clock;
    private final Consumer<String> progress;

    public AliasMigration(ElasticsearchClient client, Clock clock, Consumer<String> progress) {
        this.client = client;
        this.clock = clock;
        this.progress = progress;
    }

    public Result migrate(Indices.IndexSpec spec) throws IOException {
        long start = System.nanoTime();
        String current = currentIndex(spec.alias());
        Matcher m = VERSIONED.matcher(current);
        if (!m.matches()) {
            throw new IllegalStateException("alias " + spec.alias() + " points at " + current
                    + ", which is not a versioned index (<alias>-v<n>)");
        }
        String next = m.group(1) + "-v" + (Integer.parseInt(m.group(2)) + 1);
        // The template may have changed since the live index was made: install it before creating the next one.
        client.indices().putIndexTemplate(t -> t.name(spec.templateName()).withJson(new StringReader(spec.templateJson())));
        if (client.indices().exists(e -> e.index(next)).value()) {
            throw new IllegalStateException(next + " exists already (an earlier migration that did not finish?);"
                    + " delete it or switch the alias to it by hand");
        }
        client.indices().create(c -> c.index(next));
        progress.accept("created " + next + "; copying " + current + " ...");

        Instant copyStart = clock.instant();
        long copied = copy(current, next, null);
        client.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(current).alias(spec.alias())))
                .actions(a -> a.add(add -> add.index(next).alias(spec.alias()).isWriteIndex(true))));
        progress.accept("alias " + spec.alias() + " now points at " + next + "; catching up writes made during the copy");
        client.indices().refresh(r -> r.index(current));
        long caughtUp = copy(current, next, copyStart);
        client.indices().refresh(r -> r.index(next));
        return new Result(current, next, copied, caughtUp, (System.nanoTime() - start) / 1e9);
    }

    String currentIndex(String alias) throws IOException {
        Map<String, ?> indices = client.indices().getAlias(g -> g.name(alias)).result();
        if (indices.size() != 1) {
            throw new IllegalStateException("alias " + alias + " points at " + indices.keySet() + "; expected one index");
        }
        return indices.keySet().iterator().next();
    }

    /** Copies every document of {@code from} (or only those indexed since {@code since}) into {@code to}. */
    private long copy(String from, String to, Instant since) throws IOException {
        String pit = client.openPointInTime(p -> p.index(from).keepAlive(k -> k.time("2m"))).id();
        long copied = 0;
        try {
            List<FieldValue> after = null;
            long lastReport = System.nanoTime();
            while (true) {
                List<FieldValue> searchAfter = after;
                @SuppressWarnings("rawtypes")
                SearchResponse<Map> page = client.search(s -> {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m"))).size(PAGE).version(true)
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                    if (since != null) {
                        s.query(q -> q.range(r -> r.date(d -> d.field("indexedAt").gte(since.toString()))));
                    }
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, Map.class);
                @SuppressWarnings("rawtypes")
                List<Hit<Map>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    return copied;
                }
                List<BulkOperation> ops = new ArrayList<>(hits.size());
                for (@SuppressWarnings("rawtypes") Hit<Map> h : hits) {
                    // The client's mapper is Jackson 2; the source goes through as a plain map.
                    byte[] source = RightstreamJson.write(h.source());
                    long version = h.version() == null ? 0 : h.version();
                    ops.add(BulkOperation.of(b -> b.index(i -> i.index(to).id(h.id())
                            .versionType(VersionType.ExternalGte).version(version)
                            .document(BinaryData.of(source, ContentType.APPLICATION_JSON)))));
                }
                BulkResponse response = client.bulk(b -> b.operations(ops));
                if (response.errors()) {
                    for (var item : response.items()) {
                        if (item.error() != null && item.status() != 409) {
                            throw new IOException("copying " + item.id() + " into " + to + " failed: "
                                    + item.error().type() + ": " + item.error().reason());
                        }
                    }
                }
                copied += hits.size();
                after = hits.get(hits.size() - 1).sort();
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress.accept("  copied " + copied + " documents");
                }
            }
        } finally {
            String id = pit;
            client.closePointInTime(c -> c.id(id));
        }
    }
}
