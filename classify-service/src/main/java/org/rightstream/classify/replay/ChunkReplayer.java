package org.rightstream.classify.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rightstream.classify.PassageClassifier;
import org.rightstream.classify.stream.ClassifyFunction;
import org.rightstream.classify.stream.DeadLetterRecords;
import org.rightstream.contracts.PassageSize;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.DeadLetters;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies every passage of {@code report.chunks} again with the given classifier, from the beginning
 * of each partition up to the end offsets seen at start, and produces the results to
 * {@code report.chunks.classified}. A record that cannot be parsed, breaks the contract or makes the
 * classifier throw goes to {@code report.chunks.dlq} with the reason in headers, and the replay goes on.
 *
 * <p>It reads with partitions assigned by hand and no consumer group, so the offsets of the live
 * classify-service group are never touched and the replay can run while the service runs. Stopping
 * at the start's end offsets makes a run finite even while ingest keeps publishing; newer passages
 * are the live service's job. Success is reported only once every record is acknowledged (acks=all,
 * idempotent producer). Not thread-safe: one {@link #run()} at a time.
 */
public final class ChunkReplayer {
    private static final Logger log = LoggerFactory.getLogger(ChunkReplayer.class);
    private static final String INPUT = Topics.REPORT_CHUNKS;
    private static final String OUTPUT = Topics.REPORT_CHUNKS_CLASSIFIED;
    private static final String DEAD_LETTERS = Topics.dlq(Topics.REPORT_CHUNKS);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Headers this replay writes; a record dead-lettered before must not carry two versions of them. */
    private static final Set<String> DLQ_HEADERS = Set.of(DeadLetters.EXCEPTION_MESSAGE, DeadLetters.EXCEPTION_FQCN,
            DeadLetters.ORIGINAL_TOPIC, DeadLetters.ORIGINAL_PARTITION, DeadLetters.ORIGINAL_OFFSET);

    /**
     * @param kafkaTimeout   how long to wait for Kafka to answer (metadata, offsets) or for the next
     *                       records before giving up
     * @param progressEvery  report progress after this many records ...
     * @param progressPeriod ... or when this much time has passed since the last report
     */
    public record Settings(String bootstrapServers, Duration kafkaTimeout, int progressEvery, Duration progressPeriod) {
        public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
        public static final Duration DEFAULT_KAFKA_TIMEOUT = Duration.ofSeconds(30);

        public Settings {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            if (bootstrapServers.isBlank()) {
                throw new IllegalArgumentException("bootstrap servers are empty");
            }
            if (kafkaTimeout.isNegative() || kafkaTimeout.isZero()) {
                throw new IllegalArgumentException("the Kafka timeout must be positive, was " + kafkaTimeout);
            }
            if (progressEvery < 1) {
                throw new IllegalArgumentException("progressEvery must be >= 1, was " + progressEvery);
            }
        }

        public static Settings defaults(String bootstrapServers) {
            return new Settings(bootstrapServers, DEFAULT_KAFKA_TIMEOUT, 10_000, Duration.ofSeconds(5));
        }
    }

    /** What the replay will read: per partition of report.chunks, the offsets [begin, end). */
    public record Plan(Map<Integer, Long> beginOffsets, Map<Integer, Long> endOffsets, long total) {
        public Plan {
            beginOffsets = Collections.unmodifiableMap(new TreeMap<>(beginOffsets));
            endOffsets = Collections.unmodifiableMap(new TreeMap<>(endOffsets));
        }
    }

    /** Records read and handed to the producer so far (classified or dead-lettered). */
    public record Progress(long done, long total, long deadLettered, double perSecond) {
    }

    /**
     * @param replayed     classified passages acknowledged on report.chunks.classified
     * @param deadLettered records acknowledged on report.chunks.dlq
     */
    public record Result(long total, long replayed, long deadLettered, String modelVersion, Duration elapsed,
                         Map<Integer, Long> endOffsets) {
        public double seconds() {
            return elapsed.toNanos() / 1e9;
        }
    }

    /** Hooks for the command's output; called on the replaying thread. */
    public interface Listener {
        /** After the end offsets are captured, before the first record is read. */
        default void started(Plan plan, String modelVersion) {
        }

        default void progress(Progress progress) {
        }
    }

    private final PassageClassifier classifier;
    private final ClassifyFunction function;
    private final Settings settings;
    private final Listener listener;

    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    /** The first failed send; later ones usually share its cause. */
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();

    public ChunkReplayer(PassageClassifier classifier, Settings settings, Listener listener) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.function = new ClassifyFunction(classifier);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = listener == null ? new Listener() { } : listener;
    }

    /** @throws ReplayFailedException when Kafka cannot be reached, the topic is missing or a produce fails */
    public Result run() {
        replayed.set(0);
        deadLettered.set(0);
        sendFailure.set(null);
        long start = System.nanoTime();
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(settings),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Producer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(settings),
                    new ByteArraySerializer(), new ByteArraySerializer());
            try {
                Plan plan = replay(consumer, producer, start);
                return new Result(plan.total(), replayed.get(), deadLettered.get(), classifier.modelVersion(),
                        Duration.ofNanos(System.nanoTime() - start), plan.endOffsets());
            } finally {
                // Without a bound, closing after a failed send would wait out the full delivery timeout.
                producer.close(settings.kafkaTimeout());
            }
        } catch (ReplayFailedException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new ReplayFailedException("Kafka at " + settings.bootstrapServers() + " did not answer within "
                    + settings.kafkaTimeout().toSeconds() + " s (is it running? './rightstream status' tells)", e);
        } catch (KafkaException e) {
            throw new ReplayFailedException("Kafka at " + settings.bootstrapServers() + " failed: " + describe(e), e);
        }
    }

    static Map<String, Object> consumerConfig(Settings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "rightstream-reclassify");
        // No group.id: nothing is committed and no group rebalances because of the replay.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.kafkaTimeout().toMillis());
        return config;
    }

    static Map<String, Object> producerConfig(Settings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "rightstream-reclassify");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Same batching as the live classify binding; a replay sends far more per second, so batch a bit longer.
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.kafkaTimeout().toMillis());
        return config;
    }

    private Plan replay(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, long start) {
        Duration timeout = settings.kafkaTimeout();
        List<TopicPartition> partitions = partitions(consumer, timeout);
        // Assigned before asking for offsets: the client warns about offsets of partitions it does not hold.
        consumer.assign(partitions);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        // Checked up front: a send to a missing topic would block every record for the full timeout.
        partitionCount(producer, OUTPUT);
        int dlqPartitions = partitionCount(producer, DEAD_LETTERS);

        Map<Integer, Long> beginByPartition = new TreeMap<>();
        Map<Integer, Long> endByPartition = new TreeMap<>();
        Set<TopicPartition> remaining = new HashSet<>();
        long total = 0;
        for (TopicPartition tp : partitions) {
            long from = begin.get(tp);
            long to = end.get(tp);
            beginByPartition.put(tp.partition(), from);
            endByPartition.put(tp.partition(), to);
            total += to - from;
            if (to > from) {
                remaining.add(tp);
            }
        }
        Plan plan = new Plan(beginByPartition, endByPartition, total);
        log.info("reclassify started topic={} partitions={} records={} endOffsets={} modelVersion={}", INPUT,
                partitions.size(), total, endByPartition, classifier.modelVersion());
        listener.started(plan, classifier.modelVersion());

        consumer.assign(remaining);
        consumer.seekToBeginning(remaining);
        long done = 0;
        long deadLetteredSent = 0;
        long lastReport = System.nanoTime();
        long lastAdvance = lastReport;
        while (!remaining.isEmpty()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            for (TopicPartition tp : records.partitions()) {
                long stop = end.get(tp);
                for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                    if (record.offset() >= stop) {
                        break;
                    }
                    throwIfSendFailed();
                    if (!replay(record, producer, dlqPartitions)) {
                        deadLetteredSent++;
                    }
                    done++;
                    long now = System.nanoTime();
                    if (done % settings.progressEvery() == 0
                            || now - lastReport >= settings.progressPeriod().toNanos()) {
                        listener.progress(new Progress(done, total, deadLetteredSent, perSecond(done, start, now)));
                        lastReport = now;
                    }
                }
            }
            // Done by position, not by the last record's offset: transaction markers take offsets too.
            for (TopicPartition tp : List.copyOf(remaining)) {
                if (consumer.position(tp, timeout) >= end.get(tp)) {
                    remaining.remove(tp);
                    consumer.pause(List.of(tp));
                }
            }
            long now = System.nanoTime();
            if (!records.isEmpty()) {
                lastAdvance = now;
            } else if (!remaining.isEmpty() && now - lastAdvance > timeout.toNanos()) {
                throw new ReplayFailedException("no records from " + INPUT + " for " + timeout.toSeconds()
                        + " s although partitions " + remaining + " are not read to their end offsets "
                        + "(is Kafka at " + settings.bootstrapServers() + " still reachable?)");
            }
        }
        // Success means acknowledged: wait for every outstanding send before counting.
        producer.flush();
        throwIfSendFailed();
        log.info("reclassify finished records={} replayed={} deadLettered={} modelVersion={} seconds={}", total,
                replayed.get(), deadLettered.get(), classifier.modelVersion(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return plan;
    }

    /** @return false when the record was dead-lettered */
    private boolean replay(ConsumerRecord<byte[], byte[]> record, Producer<byte[], byte[]> producer,
                           int dlqPartitions) {
        ClassifiedChunk classified;
        byte[] value;
        try {
            PassageSize.requireWithinLimit(record.value(), "message");
            classified = function.classify(record.value());
            value = RightstreamJson.write(classified);
            // As in the live stream: Kafka would refuse a result over the limit and the replay would fail.
            PassageSize.requireWithinLimit(value, "classified passage");
        } catch (RuntimeException e) {
            // Invalid messages and passages the classifier rejects alike: one bad passage must not stop a
            // replay of the whole history, and the live stream dead-letters both too.
            deadLetter(record, e, producer, dlqPartitions);
            return false;
        }
        send(producer, new ProducerRecord<>(OUTPUT, null, classified.reportId().getBytes(StandardCharsets.UTF_8),
                value), replayed);
        return true;
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, RuntimeException e,
                            Producer<byte[], byte[]> producer, int dlqPartitions) {
        String reason = DeadLetterRecords.reason(e);
        log.warn("reclassify dead-lettered topic={} partition={} offset={} reason=\"{}\"", record.topic(),
                record.partition(), record.offset(), reason);
        Headers headers = new RecordHeaders();
        for (Header h : record.headers()) {
            if (!DLQ_HEADERS.contains(h.key())) {
                headers.add(h);
            }
        }
        DeadLetterRecords.describe(headers, e, record.topic(), record.partition(), record.offset());
        // The same partition number as the source, like the binder's dead letters, when the DLQ has it.
        Integer partition = record.partition() < dlqPartitions ? record.partition() : null;
        byte[] value = DeadLetterRecords.valueThatFits(record.value(), headers, record.topic(), record.partition(),
                record.offset());
        send(producer, new ProducerRecord<>(DEAD_LETTERS, partition, record.key(), value, headers),
                deadLettered);
    }

    private void send(Producer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record, AtomicLong acked) {
        Callback callback = (metadata, exception) -> {
            if (exception == null) {
                acked.incrementAndGet();
            } else {
                sendFailure.compareAndSet(null, exception);
            }
        };
        producer.send(record, callback);
    }

    private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer, Duration timeout) {
        List<PartitionInfo> infos = consumer.partitionsFor(INPUT, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new ReplayFailedException("topic " + INPUT + " does not exist on " + settings.bootstrapServers()
                    + " (has './rightstream up' created the topics?)");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(INPUT, info.partition()));
        }
        return partitions;
    }

    private int partitionCount(Producer<byte[], byte[]> producer, String topic) {
        List<PartitionInfo> infos;
        try {
            infos = producer.partitionsFor(topic);
        } catch (TimeoutException e) {
            infos = List.of();
        }
        if (infos == null || infos.isEmpty()) {
            throw new ReplayFailedException("topic " + topic + " not found on " + settings.bootstrapServers()
                    + " (has './rightstream up' created the topics?)");
        }
        return infos.size();
    }

    private void throwIfSendFailed() {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new ReplayFailedException("Kafka at " + settings.bootstrapServers()
                    + " did not acknowledge a record: " + describe(failure), failure);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static double perSecond(long done, long start, long now) {
        double seconds = (now - start) / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }
}
