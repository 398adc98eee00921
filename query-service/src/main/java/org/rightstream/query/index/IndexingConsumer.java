package org.rightstream.query.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.InvalidMessageException;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Batch consumer of report.chunks.classified. Broken messages and documents Elasticsearch rejects go
 * to the dead-letter topic; the rest of the batch is indexed. If Elasticsearch cannot be reached the
 * exception propagates, nothing is committed and the container retries the batch with back-off.
 */
public final class IndexingConsumer implements Consumer<Message<List<byte[]>>> {
    private static final Logger log = LoggerFactory.getLogger(IndexingConsumer.class);
    private static final String TOPIC = Topics.REPORT_CHUNKS_CLASSIFIED;

    private final ChunkIndexer indexer;
    private final DeadLetterPublisher deadLetters;

    public IndexingConsumer(ChunkIndexer indexer, DeadLetterPublisher deadLetters) {
        this.indexer = indexer;
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        try {
            List<ClassifiedChunk> valid = new ArrayList<>(batch.getPayload().size());
            for (byte[] payload : batch.getPayload()) {
                try {
                    valid.add(RightstreamJson.read(payload, ClassifiedChunk.class).validate());
                } catch (InvalidMessageException e) {
                    log.warn("dead-lettering an invalid message from {}: {}", TOPIC, e.getMessage());
                    deadLetters.send(TOPIC, null, payload, e.getMessage(), e.getClass().getName());
                }
            }
            for (ChunkIndexer.Failure f : indexer.index(valid)) {
                log.warn("dead-lettering passage {} that Elasticsearch rejected: {}", f.chunk().chunkId(), f.reason());
                deadLetters.send(TOPIC, f.chunk().reportId(), RightstreamJson.write(f.chunk()), f.reason(),
                        "org.rightstream.query.index.DocumentRejected");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IndexingUnavailableException("indexing batch of " + batch.getPayload().size()
                    + " passages failed, will retry: " + e.getMessage(), e);
        }
    }

    /** Elasticsearch or the dead-letter topic is unavailable; the batch is retried with back-off. */
    public static final class IndexingUnavailableException extends RuntimeException {
        IndexingUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
