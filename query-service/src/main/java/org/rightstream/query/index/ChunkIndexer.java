package org.rightstream.query.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulk-indexes classified passages through the {@code report-chunks} alias with {@code _id} = chunkId,
 * so replays overwrite rather than duplicate. Documents Elasticsearch rejects for what they contain
 * come back as failures (for the dead-letter topic); anything that may succeed later (node down,
 * overloaded) is thrown so the whole batch is retried and its offsets stay uncommitted.
 */
public final class ChunkIndexer {
    private static final Logger log = LoggerFactory.getLogger(ChunkIndexer.class);
    public record Failure(ClassifiedChunk chunk, String reason) {
    }

    /** The bulk as a whole, or some of its items, may succeed when tried again. */
    public static final class RetryableIndexingException extends IOException {
        public RetryableIndexingException(String message) {
            super(message);
        }
    }

    private final ElasticsearchClient client;
    private final IndexInstaller installer;
    private final Clock clock;
    private final IndexingMetrics metrics;

    public ChunkIndexer(ElasticsearchClient client, IndexInstaller installer, Clock clock) {
        this(client, installer, clock, IndexingMetrics.none());
    }

    public ChunkIndexer(ElasticsearchClient client, IndexInstaller installer, Clock clock, IndexingMetrics metrics) {
        this.client = client;
        this.installer = installer;
        this.clock = clock;
        this.metrics = metrics;
    }

    public List<Failure> index(List<ClassifiedChunk> chunks) throws IOException {
        if (chunks.isEmpty()) {
            return List.of();
        }
        installer.ensureInstalled();
        String indexedAt = clock.instant().toString();
        List<BulkOperation> ops = new ArrayList<>(chunks.size());
        for (ClassifiedChunk c : chunks) {
            byte[] doc = document(c, indexedAt);
            // External versioning by the model's training time: Elasticsearch itself refuses to replace a newer
            // model's labels with an older one's (a late replay, an old instance still running), atomically.
            ops.add(BulkOperation.of(b -> b.index(i -> i.index(Indices.REPORT_CHUNKS.alias()).id(c.chunkId())
                    .versionType(VersionType.ExternalGte).version(c.labelGeneration())
                    .document(BinaryData.of(doc, ContentType.APPLICATION_JSON)))));
        }
        long start = System.nanoTime();
        BulkResponse response = client.bulk(b -> b.operations(ops));
        metrics.bulk(ops.size(), System.nanoTime() - start);
        List<Failure> failures = new ArrayList<>();
        if (!response.errors()) {
            return failures;
        }
        List<BulkResponseItem> items = response.items();
        int superseded = 0;
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                continue;
            }
            if (item.status() == 409 && "version_conflict_engine_exception".equals(item.error().type())) {
                superseded++; // the index already holds a newer model's labels: keeping them is the point
                continue;
            }
            if (item.status() == 429 || item.status() >= 500) {
                throw new RetryableIndexingException("Elasticsearch could not take document " + item.id() + " now (HTTP "
                        + item.status() + " " + item.error().type() + "); the batch will be retried");
            }
            failures.add(new Failure(chunks.get(i), item.error().type() + ": " + item.error().reason()));
        }
        metrics.superseded(superseded);
        metrics.rejected(failures.size());
        if (superseded > 0) {
            log.info("kept newer labels for {} of {} passages (their model is older than the indexed one)",
                    superseded, chunks.size());
        }
        return failures;
    }

    /** The stored document: the message as published plus fields derived for dashboards. */
    static byte[] document(ClassifiedChunk c, String indexedAt) {
        ObjectNode node = RightstreamJson.mapper().valueToTree(c);
        node.put("primaryCategory", c.categories().isEmpty() ? null : c.categories().get(0).id());
        node.put("sectionText", String.join(" / ", c.sectionPath()));
        node.put("indexedAt", indexedAt);
        return RightstreamJson.write(node);
    }
}
