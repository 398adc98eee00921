package org.rightstream.ingest.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rightstream.contracts.InvalidMessageException;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The registry kept in the compacted topic {@code reports.registry} (key = record id, value = the
 * record as JSON). Kafka is already the system's durable store, every instance of the service reads
 * the same topic (so all instances agree on what was ingested), and compaction keeps the latest
 * state of every report forever. Each instance replays the topic on start and then follows it.
 */
public final class KafkaReportRegistry extends StateBackedRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaReportRegistry.class);

    private final KafkaTemplate<String, byte[]> template;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration writeTimeout;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread follower;
    private volatile boolean caughtUp;
    /** Highest offset applied per partition, to let a writer wait for its own record. */
    private final Map<Integer, Long> applied = new HashMap<>();

    public KafkaReportRegistry(KafkaTemplate<String, byte[]> template, Map<String, Object> consumerConfig,
                               Duration writeTimeout) {
        this.template = template;
        this.writeTimeout = writeTimeout;
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.follower = new Thread(this::follow, "report-registry");
        this.follower.setDaemon(true);
    }

    /** Replays the topic up to its current end (so duplicates are caught right after a restart), then follows it. */
    public void start(Duration catchUpTimeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPORTS_REGISTRY, catchUpTimeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, catchUpTimeout);
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        while (!reached(end) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(this::applyRemote);
        }
        caughtUp = reached(end);
        if (!caughtUp) {
            log.warn("report registry not fully replayed within {}; duplicates of older reports may be missed", catchUpTimeout);
        }
        log.info("report registry loaded: {} records", state.list().size());
        follower.start();
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void follow() {
        try {
            while (running.get()) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::applyRemote);
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("report registry stopped following {}: {}", Topics.REPORTS_REGISTRY, e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void applyRemote(ConsumerRecord<String, byte[]> r) {
        try {
            if (r.value() != null) {
                ReportRecord record = RightstreamJson.read(r.value(), ReportRecord.class);
                if (record.id() == null || record.id().isBlank() || record.status() == null) {
                    throw new InvalidMessageException("a registry record needs an id and a status");
                }
                state.apply(record);
            } else if (r.key() != null) {
                // A tombstone removes the report (compaction then drops it from the topic too).
                state.forget(r.key());
            }
        } catch (RuntimeException e) {
            // Anything a record can hold (a bad signature, a missing field) is skipped: one bad record must not stop
            // this instance from following every later one.
            log.warn("skipping unreadable registry record {} at {}-{}@{}: {}", r.key(), r.topic(), r.partition(),
                    r.offset(), e.getMessage());
        } finally {
            synchronized (applied) {
                applied.merge(r.partition(), r.offset(), Math::max);
                applied.notifyAll();
            }
        }
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    /**
     * Writes the record and returns once this instance has read it back from the topic, so the view
     * always follows the topic's order (a late echo of an older state can never overwrite a newer one).
     */
    @Override
    public void put(ReportRecord record) {
        RecordMetadata written;
        try {
            written = template.send(new ProducerRecord<>(Topics.REPORTS_REGISTRY, record.id(), RightstreamJson.write(record)))
                    .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
        } catch (Exception e) {
            throw new RegistryUnavailableException("cannot record report " + record.id() + " in "
                    + Topics.REPORTS_REGISTRY + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        synchronized (applied) {
            while (applied.getOrDefault(written.partition(), -1L) < written.offset()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !follower.isAlive()) {
                    // Written durably; this instance just has not read it back yet.
                    state.apply(record);
                    return;
                }
                try {
                    applied.wait(Math.min(left, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    state.apply(record);
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        follower.join(5000);
    }

    /** The registry topic could not take a record; the report is not marked and can be sent again. */
    public static final class RegistryUnavailableException extends RuntimeException {
        RegistryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
