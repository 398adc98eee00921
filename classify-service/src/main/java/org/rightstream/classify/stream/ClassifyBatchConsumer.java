package org.rightstream.classify.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.rightstream.contracts.PassageSize;
import org.rightstream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * report.chunks -> report.chunks.classified, a poll's worth of passages at a time. Each passage is classified on
 * its own ({@link ClassifyFunction}); all results are sent at once and the batch returns only when every send is
 * acknowledged, so the binder commits the input offsets after the output is safe without waiting for one
 * acknowledgement per passage (that alone held the service to ~90 passages/s).
 *
 * <p>A passage that cannot be parsed, breaks the contract or cannot be classified goes to report.chunks.dlq
 * (same partition number, reason in the {@link DeadLetters} headers) and the rest of its batch goes on. So does a
 * message over the passage limit ({@link PassageSize}; a producer can get one past the topic's limit by
 * compressing it) and a passage whose result would be over it: Kafka would refuse to take the result, and the
 * batch would be retried for ever. If Kafka
 * does not acknowledge, the exception propagates: nothing is committed and the container retries the batch with
 * back-off; the replayed results overwrite themselves downstream (same chunkId).
 */
public final class ClassifyBatchConsumer implements Consumer<Message<List<byte[]>>> {
    private static final Logger log = LoggerFactory.getLogger(ClassifyBatchConsumer.class);

    private final ClassifyFunction function;
    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;
    private final ClassifyMetrics metrics;

    public ClassifyBatchConsumer(ClassifyFunction function, KafkaTemplate<String, byte[]> template, Duration timeout,
                                 ClassifyMetrics metrics) {
        this.function = function;
        this.template = template;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<?> keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<?> partitions = batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<?> offsets = batch.getHeaders().get(KafkaHeaders.OFFSET, List.class);
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(payloads.size());
        List<ProducerRecord<String, byte[]>> dead = new ArrayList<>();
        metrics.received(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            long start = System.nanoTime();
            try {
                PassageSize.requireWithinLimit(payload, "message");
                Message<byte[]> classified = function.apply(MessageBuilder.withPayload(payload).build());
                // Kafka would refuse a result over the topic's limit, and the batch would be retried for ever.
                PassageSize.requireWithinLimit(classified.getPayload(), "classified passage");
                metrics.latency().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                out.add(new ProducerRecord<>(Topics.REPORT_CHUNKS_CLASSIFIED,
                        (String) classified.getHeaders().get(KafkaHeaders.KEY), classified.getPayload()));
            } catch (RuntimeException e) {
                log.warn("dead-lettering a passage from {}: {}", Topics.REPORT_CHUNKS, e.getMessage());
                dead.add(deadLetter(text(at(keys, i)), payload, asInt(at(partitions, i)), at(offsets, i), e));
            }
        }
        // Results first: if Kafka is down the batch is retried, and dead letters sent before that would be
        // written once per retry.
        sendAll(out);
        metrics.published(out.size());
        sendAll(dead);
        metrics.deadLettered(dead.size());
    }

    private void sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        records.forEach(r -> sent.add(template.send(r)));
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutputUnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new OutputUnavailableException("Kafka did not acknowledge " + records.size()
                    + " records; the batch will be retried: " + e.getMessage(), e);
        }
    }

    private static ProducerRecord<String, byte[]> deadLetter(String key, byte[] payload, Integer partition,
                                                             Object offset, RuntimeException e) {
        RecordHeaders headers = new RecordHeaders();
        DeadLetterRecords.describe(headers, e, Topics.REPORT_CHUNKS, partition, offset);
        byte[] value = DeadLetterRecords.valueThatFits(payload, headers, Topics.REPORT_CHUNKS, partition, offset);
        return new ProducerRecord<>(Topics.dlq(Topics.REPORT_CHUNKS), partition, key, value, headers);
    }

    private static Object at(List<?> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static String text(Object key) {
        if (key == null) {
            return null;
        }
        return key instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : key.toString();
    }

    private static Integer asInt(Object partition) {
        return partition instanceof Number n ? n.intValue() : null;
    }

    /** Kafka did not take the results; nothing is committed and the batch is retried. */
    public static final class OutputUnavailableException extends RuntimeException {
        OutputUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
