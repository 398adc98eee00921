package org.rightstream.query.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.InvalidMessageException;
import org.rightstream.contracts.PassageSize;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Batch consumer of report.chunks.classified. Broken messages, messages over the passage limit
 * ({@link PassageSize}) and documents Elasticsearch rejects go to the dead-letter topic; the rest of the
 * batch is indexed. If Elasticsearch cannot be reached the
 * exception propagates, nothing is committed and the container retries the batch with back-off.
 */
public final class IndexingConsumer implements Consumer<Message<List<byte[]>>> {
    private static final Logger log = LoggerFactory.getLogger(IndexingConsumer.class);
    private static final String TOPIC = Topics.REPORT_CHUNKS_CLASSIFIED;

    private final ChunkIndexer indexer;
    private final DeadLetterPublisher deadLetters;
    private final IndexingMetrics metrics;

    public IndexingConsumer(ChunkIndexer indexer, DeadLetterPublisher deadLetters) {
        this(indexer, deadLetters, IndexingMetrics.none());
    }

    public IndexingConsumer(ChunkIndexer indexer, DeadLetterPublisher deadLetters, IndexingMetrics metrics) {
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<?> keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
        metrics.received(payloads.size());
        try {
            List<ClassifiedChunk> valid = new ArrayList<>(payloads.size());
            List<Runnable> invalid = new ArrayList<>();
            for (int i = 0; i < payloads.size(); i++) {
                byte[] payload = payloads.get(i);
                try {
                    PassageSize.requireWithinLimit(payload, "message");
                    valid.add(RightstreamJson.read(payload, ClassifiedChunk.class).validate());
                } catch (InvalidMessageException e) {
                    String key = key(keys, i);
                    invalid.add(() -> deadLetter(key, payload, e.getMessage(), e.getClass().getName()));
                }
            }
            // Index first: if Elasticsearch is down the batch is retried, and dead-lettering the broken
            // messages before that would put them on the DLQ once per retry.
            List<ChunkIndexer.Failure> rejected = indexer.index(valid);
            metrics.indexed(valid.size() - rejected.size());
            invalid.forEach(Runnable::run);
            for (ChunkIndexer.Failure f : rejected) {
                log.warn("dead-lettering passage {} that Elasticsearch rejected: {}", f.chunk().chunkId(), f.reason());
                deadLetter(f.chunk().reportId(), RightstreamJson.write(f.chunk()), f.reason(),
                        "org.rightstream.query.index.DocumentRejected");
            }
        } catch (DeadLetterFailedException | IndexingUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new IndexingUnavailableException("indexing batch of " + payloads.size()
                    + " passages failed, will retry: " + e.getMessage(), e);
        }
    }

    private void deadLetter(String key, byte[] payload, String reason, String exceptionClass) {
        log.warn("dead-lettering a message from {}: {}", TOPIC, reason);
        try {
            deadLetters.send(TOPIC, key, payload, reason, exceptionClass);
            metrics.deadLettered();
        } catch (Exception e) {
            throw new DeadLetterFailedException("could not write to " + Topics.dlq(TOPIC) + ", batch will be retried: "
                    + e.getMessage(), e);
        }
    }

    /** The record key (the reportId), so a dead letter lands where a replay keeps the report's order. */
    private static String key(List<?> keys, int i) {
        if (keys == null || i >= keys.size() || keys.get(i) == null) {
            return null;
        }
        Object k = keys.get(i);
        return k instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : k.toString();
    }

    /** The dead-letter topic could not take a message; nothing is committed and the batch is retried. */
    public static final class DeadLetterFailedException extends RuntimeException {
        DeadLetterFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Elasticsearch or the dead-letter topic is unavailable; the batch is retried with back-off. */
    public static final class IndexingUnavailableException extends RuntimeException {
        IndexingUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
