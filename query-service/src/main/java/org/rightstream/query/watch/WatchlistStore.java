package org.rightstream.query.watch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.query.elasticsearch.Conflicts;
import org.rightstream.query.index.IndexInstaller;

/**
 * The watchlist in Elasticsearch ({@code watchlist} alias), one document per entry with {@code _id} = the watch id.
 * Writes wait for a refresh, so a list read right after a write sees it.
 */
public final class WatchlistStore {
    private static final String INDEX = Indices.WATCHLIST.alias();
    private static final int PAGE = 1_000;

    private final ElasticsearchClient client;
    private final IndexInstaller installer;

    public WatchlistStore(ElasticsearchClient client, IndexInstaller installer) {
        this.client = client;
        this.installer = installer;
    }

    /** Every entry, by id. */
    public List<WatchEntry> all() throws IOException {
        installer.ensureInstalled();
        List<WatchEntry> out = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<ObjectNode> r = client.search(s -> {
                s.index(INDEX).size(PAGE).sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                return from == null ? s : s.searchAfter(from);
            }, ObjectNode.class);
            List<Hit<ObjectNode>> hits = r.hits().hits();
            hits.forEach(h -> out.add(entry(h.source())));
            if (hits.size() < PAGE) {
                return out;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    public Optional<WatchEntry> get(String id) throws IOException {
        installer.ensureInstalled();
        GetResponse<ObjectNode> r = client.get(g -> g.index(INDEX).id(id), ObjectNode.class);
        return r.found() && r.source() != null ? Optional.of(entry(r.source())) : Optional.empty();
    }

    /** Stores a new entry; false if one with its id exists. */
    public boolean create(WatchEntry e) throws IOException {
        installer.ensureInstalled();
        try {
            client.create(c -> c.index(INDEX).id(e.id()).refresh(Refresh.WaitFor).document(document(e)));
            return true;
        } catch (IOException | ElasticsearchException ex) {
            if (Conflicts.isConflict(ex)) {
                return false;
            }
            throw ex;
        }
    }

    /** Creates or replaces entries. */
    public void putAll(Collection<WatchEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        installer.ensureInstalled();
        List<BulkOperation> ops = new ArrayList<>();
        for (WatchEntry e : entries) {
            ops.add(BulkOperation.of(b -> b.index(i -> i.index(INDEX).id(e.id()).document(document(e)))));
        }
        BulkResponse r = client.bulk(b -> b.operations(ops).refresh(Refresh.WaitFor));
        if (r.errors()) {
            var item = r.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IOException("watch " + item.id() + " was not stored: " + item.error().reason());
        }
    }

    public boolean delete(String id) throws IOException {
        installer.ensureInstalled();
        return client.delete(d -> d.index(INDEX).id(id).refresh(Refresh.WaitFor)).result()
                == co.elastic.clients.elasticsearch._types.Result.Deleted;
    }

    /**
     * A number that changes whenever the watchlist is written (the index's count of index and delete operations),
     * so that every instance can notice a change made through another one without reading the whole list.
     */
    public long changeMark() throws IOException {
        installer.ensureInstalled();
        IndicesStatsResponse r = client.indices().stats(s -> s.index(INDEX).metric("indexing"));
        var indexing = r.all().primaries().indexing();
        return indexing == null ? 0 : indexing.indexTotal() * 31 + indexing.deleteTotal();
    }

    private static BinaryData document(WatchEntry e) {
        return BinaryData.of(RightstreamJson.write(e), ContentType.APPLICATION_JSON);
    }

    private static WatchEntry entry(ObjectNode source) {
        return RightstreamJson.read(source.toString().getBytes(StandardCharsets.UTF_8), WatchEntry.class);
    }
}
