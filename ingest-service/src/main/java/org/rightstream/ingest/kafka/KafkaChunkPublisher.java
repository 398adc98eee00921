package org.rightstream.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.report.ChunkPublisher;
import org.rightstream.ingest.report.PublishFailedException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a report's passages keyed by reportId (one partition, in order) and waits for every
 * acknowledgement (acks=all, idempotent producer), so "published" means durably on the broker.
 */
public final class KafkaChunkPublisher implements ChunkPublisher {
    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;

    public KafkaChunkPublisher(KafkaTemplate<String, byte[]> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    @Override
    public void publish(String reportId, List<ChunkMessage> chunks) {
        CompletableFuture<?>[] sends = chunks.stream()
                .map(c -> template.send(new ProducerRecord<>(Topics.REPORT_CHUNKS, reportId, RightstreamJson.write(c))))
                .toArray(CompletableFuture[]::new);
        template.flush();
        try {
            CompletableFuture.allOf(sends).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException("Kafka did not acknowledge the passages of report " + reportId + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge the passages of report " + reportId
                    + " within " + timeout.toSeconds() + " s (is the broker reachable?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing report " + reportId, e);
        }
    }
}
