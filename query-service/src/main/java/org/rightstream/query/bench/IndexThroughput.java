package org.rightstream.query.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Indexing throughput of the same documents two ways: a raw elasticsearch-java bulk loop into a scratch index,
 * and through query-service (Kafka in, bulk out). Both end with a refresh and a count that includes every
 * document, so both figures mean "searchable".
 */
final class IndexThroughput {
    /** Bulk size of the raw loop: query-service's max.poll.records, so both send bulks of the same size. */
    static final int RAW_BATCH = 500;
    /** query-service's consumer group (spring.cloud.stream.bindings.index-in-0.group). */
    static final String SERVICE_GROUP = "query-service";

    /** @param producedSeconds service only: until Kafka acknowledged the last document (0 for raw) */
    record Result(int documents, double seconds, double producedSeconds) {
        double perSecond() {
            return documents / seconds;
        }
    }

    private final ElasticsearchClient es;

    IndexThroughput(ElasticsearchClient es) {
        this.es = es;
    }

    /** A new index with the live index's settings and mapping (from the same template), not behind any alias. */
    void createScratchIndex(String name) throws IOException {
        JsonNode template = RightstreamJson.mapper().readTree(Indices.REPORT_CHUNKS.templateJson()).path("template");
        es.indices().create(c -> c.index(name).withJson(new StringReader(template.toString())));
    }

    void deleteIndex(String name) throws IOException {
        es.indices().delete(d -> d.index(name).ignoreUnavailable(true));
    }

    /**
     * One thread, bulks of 500, each operation as ChunkIndexer sends it (same _id, external version and document),
     * building each bulk's documents inside the timed loop as the service does. {@code inIndexAfter}: how many
     * documents the index must then hold (it may already hold earlier rounds').
     */
    Result raw(String index, List<ClassifiedChunk> docs, long inIndexAfter) throws IOException {
        long start = System.nanoTime();
        int failed = 0;
        for (int from = 0; from < docs.size(); from += RAW_BATCH) {
            String indexedAt = Instant.now().toString();
            List<BulkOperation> ops = new ArrayList<>(RAW_BATCH);
            for (ClassifiedChunk c : docs.subList(from, Math.min(docs.size(), from + RAW_BATCH))) {
                byte[] doc = BenchDocuments.document(c, indexedAt);
                ops.add(BulkOperation.of(b -> b.index(i -> i.index(index).id(c.chunkId())
                        .versionType(VersionType.ExternalGte).version(c.labelGeneration())
                        .document(BinaryData.of(doc, ContentType.APPLICATION_JSON)))));
            }
            BulkResponse response = es.bulk(b -> b.operations(ops));
            if (response.errors()) {
                failed += (int) response.items().stream().filter(i -> i.error() != null).count();
            }
        }
        es.indices().refresh(r -> r.index(index));
        long count = es.count(c -> c.index(index)).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed > 0 || count != inIndexAfter) {
            throw new IllegalStateException("raw bulk: " + failed + " documents refused, " + count + " of "
                    + inIndexAfter + " in the scratch index");
        }
        return new Result(docs.size(), seconds, 0);
    }

    /**
     * Produces the documents to report.chunks.classified (payloads serialised beforehand: that is the classifier's
     * work, not indexing) and times until query-service has committed past the last of them, which it does only
     * after Elasticsearch acknowledged their bulk, then until a refreshed count of the run's reports includes all.
     * Watching the committed offsets instead of refreshing in a loop keeps the benchmark from adding refreshes
     * (segments) that would slow the service down.
     */
    Result service(KafkaProducer<String, byte[]> producer, Admin admin, List<ClassifiedChunk> docs,
                   Duration timeout) throws Exception {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(docs.size());
        Set<String> reportIds = new LinkedHashSet<>();
        for (ClassifiedChunk c : docs) {
            records.add(new ProducerRecord<>(Topics.REPORT_CHUNKS_CLASSIFIED, c.reportId(), RightstreamJson.write(c)));
            reportIds.add(c.reportId());
        }
        long start = System.nanoTime();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> r : records) {
            sent.add(producer.send(r));
        }
        producer.flush();
        double produced = (System.nanoTime() - start) / 1e9;
        Map<TopicPartition, Long> needed = new HashMap<>(); // per partition: the offset after our last record
        for (Future<RecordMetadata> f : sent) {
            RecordMetadata m = f.get();
            needed.merge(new TopicPartition(m.topic(), m.partition()), m.offset() + 1, Math::max);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(SERVICE_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            long behind = needed.entrySet().stream().mapToLong(e -> {
                OffsetAndMetadata c = committed.get(e.getKey());
                return Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
            }).sum();
            if (behind == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("query-service still has " + behind + " of " + docs.size()
                        + " documents to index after " + timeout.toSeconds() + " s; is it consuming? (./rightstream"
                        + " status, ./rightstream logs query-service)");
            }
            if (System.nanoTime() - lastReport > 15_000_000_000L) { // a sign of life on a slow machine
                lastReport = System.nanoTime();
                System.out.printf(Locale.ROOT, "    service: after %.0f s, %,d documents still to index%n",
                        (System.nanoTime() - start) / 1e9, behind);
            }
            Thread.sleep(50);
        }
        long count = 0;
        while (true) {
            es.indices().refresh(r -> r.index(Indices.REPORT_CHUNKS.alias()));
            count = countReports(reportIds);
            if (count >= docs.size() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(200); // committed, so indexed: only a document sent to the dead-letter topic is missing
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (count < docs.size()) {
            throw new IllegalStateException("query-service indexed only " + count + " of " + docs.size()
                    + " documents; see " + Topics.dlq(Topics.REPORT_CHUNKS_CLASSIFIED));
        }
        return new Result(docs.size(), seconds, produced);
    }

    /** How many passages of these reports the live index holds (searchable ones: after a refresh). */
    long countReports(Set<String> reportIds) throws IOException {
        List<FieldValue> ids = reportIds.stream().map(FieldValue::of).toList();
        return es.count(c -> c.index(Indices.REPORT_CHUNKS.alias())
                .query(q -> q.terms(t -> t.field("reportId").terms(v -> v.value(ids))))).count();
    }

    /**
     * Removes documents from the live index by id, so runs do not pile up benchmark passages there, and merges their
     * deletions away: left in the segments they would still be searched (slower) until merges happen to reclaim them.
     */
    void deleteFromLiveIndex(List<ClassifiedChunk> docs) throws IOException {
        for (int from = 0; from < docs.size(); from += 1000) {
            List<BulkOperation> ops = docs.subList(from, Math.min(docs.size(), from + 1000)).stream()
                    .map(c -> BulkOperation.of(b -> b.delete(d -> d.index(Indices.REPORT_CHUNKS.alias()).id(c.chunkId()))))
                    .toList();
            es.bulk(b -> b.operations(ops));
        }
        es.indices().refresh(r -> r.index(Indices.REPORT_CHUNKS.alias()));
        es.indices().forcemerge(f -> f.index(Indices.REPORT_CHUNKS.alias()).onlyExpungeDeletes(true));
    }
}
