package org.rightstream.ingest.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.Seeds;
import org.rightstream.ingest.report.PublishFailedException;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportUpload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The {@code reports.incoming} listener in the whole service against an embedded Kafka broker whose
 * message limit is a whole report (20 MiB + 64 KiB): reports as values and as drop-folder references are
 * published to report.chunks and their offsets committed; every kind of bad message lands on
 * reports.incoming.dlq with its reason, and the listener keeps going. The drop folder watcher is off so
 * that only the listener reads the temporary drop folder. Test methods run in order and share the broker.
 * Transient failures (Kafka not acknowledging) are injected into the real ingestor for two file names.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "server.port=0",
        "rightstream.ingest.inbox-enabled=false",
        "rightstream.ingest.publish-timeout=30s",
        // quick retries for the transient-failure cases
        "rightstream.ingest.topic-retries=" + IncomingReportsKafkaTest.RETRIES,
        "rightstream.ingest.topic-backoff-initial=100ms",
        "rightstream.ingest.topic-backoff-max=400ms"})
@EmbeddedKafka(partitions = 3,
        // reports.registry: the ingestor's report registry (org.rightstream.ingest.registry) replays it on start
        topics = {Topics.REPORTS_INCOMING, "reports.incoming.dlq", Topics.REPORT_CHUNKS, "reports.registry"},
        brokerProperties = {"message.max.bytes=21037056", "replica.fetch.max.bytes=21037056"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncomingReportsKafkaTest {
    static final String DLQ = Topics.dlq(Topics.REPORTS_INCOMING);
    static final Duration WAIT = Duration.ofSeconds(120);
    static final int RETRIES = 3;
    static final String FLAKY = "flaky.txt";
    static final String OUTAGE = "outage.txt";
    static final AtomicInteger flakyAttempts = new AtomicInteger();
    static final AtomicInteger outageAttempts = new AtomicInteger();
    private static boolean failuresInjected;

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) {
        registry.add("rightstream.ingest.inbox", () -> inbox.toString());
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    @Qualifier(IncomingReportsConfiguration.CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory;

    @MockitoSpyBean(reset = MockReset.NONE)
    ReportIngestor ingestor;

    private static KafkaProducer<String, byte[]> producer;

    /** Once, before the first message is sent: "flaky.txt" fails twice, "outage.txt" always, as if Kafka were down. */
    @BeforeEach
    void injectTransientFailures() {
        if (failuresInjected) {
            return;
        }
        failuresInjected = true;
        doAnswer(invocation -> {
            ReportUpload upload = invocation.getArgument(0);
            if (FLAKY.equals(upload.fileName()) && flakyAttempts.incrementAndGet() <= 2) {
                throw new PublishFailedException("Kafka did not acknowledge the passages (simulated, attempt "
                        + flakyAttempts.get() + ")", new TimeoutException("simulated"));
            }
            if (OUTAGE.equals(upload.fileName())) {
                outageAttempts.incrementAndGet();
                throw new PublishFailedException("Kafka did not acknowledge the passages (simulated outage)",
                        new TimeoutException("simulated"));
            }
            return invocation.callRealMethod();
        }).when(ingestor).ingest(any());
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private record Chunk(ConsumerRecord<String, byte[]> record, ChunkMessage message) {
    }

    // ---- the cases

    @Test
    @Order(1)
    void documentSentAsTheValueIsPublishedKeyedByReportIdAndItsOffsetCommitted() throws Exception {
        byte[] report = Seeds.bytes("000");
        String key = "doc-" + UUID.randomUUID();

        RecordMetadata sent = send(key, report, "fileName", "kazakhstan-2012.txt", "contentType", "text/plain",
                "publisher", "US Department of State");

        List<Chunk> chunks = awaitPublished("kazakhstan-2012.txt");
        String reportId = Ids.reportId(Seeds.cleanedText(report));
        assertThat(chunks).extracting(c -> c.record().key()).containsOnly(reportId);
        assertThat(chunks).extracting(c -> c.record().partition()).containsOnly(chunks.get(0).record().partition());
        assertThat(chunks).extracting(c -> c.message().ordinal())
                .containsExactlyElementsOf(IntStream.range(0, chunks.size()).boxed().toList());
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.message().reportId()).isEqualTo(reportId);
            assertThat(c.message().country()).isEqualTo("Kazakhstan");
            assertThat(c.message().year()).isEqualTo(2012);
            assertThat(c.message().source().publisher()).isEqualTo("US Department of State");
            assertThat(c.message().source().sha256()).isEqualTo(Ids.sha256Hex(report));
        });
        awaitCommitted(sent);
        assertThat(readWholeTopic(DLQ)).noneMatch(r -> key.equals(r.key()));
    }

    @Test
    @Order(2)
    void fileReferenceToAFileInTheDropFolderIsPublishedAndTheFileLeftInPlace() throws Exception {
        Path file = Files.createDirectories(inbox.resolve("refs/2017")).resolve("kazakhstan-2017.txt");
        Files.copy(Seeds.path("001"), file);
        String key = "ref-" + UUID.randomUUID();

        RecordMetadata sent = send(key, utf8("{\"file\": \"refs/2017/kazakhstan-2017.txt\", \"year\": 2017,"
                + " \"publisher\": \"US Department of State\"}"), "contentType", IncomingReportReader.FILE_REF_CONTENT_TYPE);

        List<Chunk> chunks = awaitPublished("refs/2017/kazakhstan-2017.txt");
        String reportId = chunks.get(0).message().reportId();
        assertThat(reportId).isEqualTo(Ids.reportId(Seeds.cleanedText(Seeds.bytes("001"))));
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.record().key()).isEqualTo(reportId);
            assertThat(c.message().year()).isEqualTo(2017);
            assertThat(c.message().source().publisher()).isEqualTo("US Department of State");
            assertThat(c.message().source().sha256()).isEqualTo(Ids.sha256Hex(Seeds.bytes("001")));
        });
        awaitCommitted(sent);
        assertThat(file).exists();
        assertThat(readWholeTopic(DLQ)).noneMatch(r -> key.equals(r.key()));
    }

    @Test
    @Order(3)
    void badMessagesGoToTheDeadLetterTopicWithTheirReasonAndTheirOffsetsAreCommitted() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(20240506L).nextBytes(garbage);
        byte[] text = utf8("A short text sent without the headers it needs.");
        Map<String, RecordMetadata> sent = new HashMap<>();
        Map<String, byte[]> values = new HashMap<>();
        Object[][] cases = {
                {"escape", utf8("{\"file\": \"../../etc/passwd\"}"), new String[0]},
                {"no-file-name", text, new String[] {"country", "Kazakhstan"}},
                {"binary", garbage, new String[] {"fileName", "x.bin"}},
                {"empty", new byte[0], new String[] {"fileName", "empty.txt"}},
                {"bad-year", text, new String[] {"fileName", "a.txt", "year", "20x2"}},
                {"missing-file", utf8("{\"file\": \"refs/nope.pdf\"}"),
                        new String[] {"contentType", IncomingReportReader.FILE_REF_CONTENT_TYPE}},
        };
        String run = UUID.randomUUID().toString();
        for (Object[] c : cases) {
            String key = c[0] + "-" + run;
            values.put(key, (byte[]) c[1]);
            sent.put(key, send(key, (byte[]) c[1], (String[]) c[2]));
        }

        Map<String, ConsumerRecord<String, byte[]>> dead = awaitDeadLetters(sent.keySet());

        for (Map.Entry<String, ConsumerRecord<String, byte[]>> e : dead.entrySet()) {
            ConsumerRecord<String, byte[]> d = e.getValue();
            RecordMetadata original = sent.get(e.getKey());
            assertThat(d.partition()).as("same partition as the original").isEqualTo(original.partition());
            assertThat(d.value() == null ? new byte[0] : d.value()).isEqualTo(values.get(e.getKey()));
            assertThat(header(d, "x-original-topic")).isEqualTo(Topics.REPORTS_INCOMING);
            assertThat(header(d, "x-original-partition")).isEqualTo(String.valueOf(original.partition()));
            assertThat(header(d, "x-original-offset")).isEqualTo(String.valueOf(original.offset()));
            assertThat(header(d, "x-exception-message")).isNotBlank().doesNotContain("Listener method");
            assertThat(header(d, "x-exception-fqcn")).isIn(InvalidIncomingReportException.class.getName(),
                    ReportRejectedException.class.getName());
            assertThat(header(d, "x-rejection-reason")).isNotBlank();
        }
        ConsumerRecord<String, byte[]> escape = dead.get("escape-" + run);
        assertThat(header(escape, "x-exception-message")).contains("drop folder").contains("../../etc/passwd");
        assertThat(header(escape, "x-rejection-reason")).isEqualTo("OUTSIDE_DROP_FOLDER");
        assertThat(header(escape, "x-exception-fqcn")).isEqualTo(InvalidIncomingReportException.class.getName());

        ConsumerRecord<String, byte[]> noName = dead.get("no-file-name-" + run);
        assertThat(header(noName, "x-rejection-reason")).isEqualTo("MISSING_FILE_NAME");
        assertThat(header(noName, "x-exception-message")).contains("fileName");
        assertThat(header(noName, "country")).as("original headers kept").isEqualTo("Kazakhstan");

        ConsumerRecord<String, byte[]> binary = dead.get("binary-" + run);
        assertThat(header(binary, "x-rejection-reason")).isIn("UNSUPPORTED_TYPE", "UNREADABLE");
        assertThat(header(binary, "x-exception-fqcn")).isEqualTo(ReportRejectedException.class.getName());
        assertThat(header(binary, "fileName")).isEqualTo("x.bin");

        ConsumerRecord<String, byte[]> empty = dead.get("empty-" + run);
        assertThat(header(empty, "x-rejection-reason")).isEqualTo("EMPTY");
        assertThat(header(empty, "fileName")).isEqualTo("empty.txt");

        assertThat(header(dead.get("bad-year-" + run), "x-rejection-reason")).isEqualTo("INVALID_HEADER");
        assertThat(header(dead.get("bad-year-" + run), "x-exception-message")).contains("year").contains("20x2");
        assertThat(header(dead.get("missing-file-" + run), "x-rejection-reason")).isEqualTo("FILE_NOT_FOUND");
        assertThat(header(dead.get("missing-file-" + run), "x-exception-message")).contains("refs/nope.pdf");

        awaitCommitted(sent.values().toArray(RecordMetadata[]::new));
    }

    @Test
    @Order(4)
    void aFiveMegabyteReportIsPublished() throws Exception {
        Map<String, Object> consumer = containerFactory.getConsumerFactory().getConfigurationProperties();
        int whole = Topics.MAX_REPORT_BYTES + 64 * 1024;
        assertThat((Integer) consumer.get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)).isGreaterThanOrEqualTo(whole);
        assertThat((Integer) consumer.get(ConsumerConfig.FETCH_MAX_BYTES_CONFIG)).isGreaterThanOrEqualTo(whole);

        byte[] big = bigReport(5_000_000);
        assertThat(big.length).isBetween(5_000_000, 6_000_000);
        String key = "big-" + UUID.randomUUID();

        RecordMetadata sent = send(key, big, "fileName", "big-report.txt", "contentType", "text/plain");

        List<Chunk> chunks = awaitPublished("big-report.txt");
        assertThat(chunks.size()).isGreaterThan(1000);
        assertThat(chunks).extracting(c -> c.record().key()).containsOnly(chunks.get(0).message().reportId());
        assertThat(chunks.get(chunks.size() - 1).message().charEnd()).isGreaterThan(4_000_000);
        awaitCommitted(sent);
        assertThat(readWholeTopic(DLQ)).noneMatch(r -> key.equals(r.key()));
    }

    /**
     * A compressed message can carry a value larger than any report (and than the dead-letter topic takes):
     * it is rejected as too large and dead-lettered without its value instead of blocking the partition.
     */
    @Test
    @Order(5)
    void aValueTooLargeForTheDeadLetterTopicIsDeadLetteredWithoutIt() throws Exception {
        byte[] huge = utf8("The same line of a far too long report, over and over again.\n".repeat(500_000));
        assertThat(huge.length).isGreaterThan(Topics.MAX_REPORT_BYTES + 1024 * 1024);
        String key = "huge-" + UUID.randomUUID();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 64 * 1024 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        RecordMetadata sent;
        try (KafkaProducer<String, byte[]> gzip = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REPORTS_INCOMING, key, huge);
            record.headers().add("fileName", utf8("huge.txt"));
            sent = gzip.send(record).get(60, TimeUnit.SECONDS);
        }

        ConsumerRecord<String, byte[]> dead = awaitDeadLetters(List.of(key)).get(key);

        assertThat(dead.value()).isNull();
        assertThat(header(dead, "x-rejection-reason")).isEqualTo("TOO_LARGE");
        assertThat(header(dead, "x-value-omitted")).contains(String.valueOf(huge.length))
                .contains("offset " + sent.offset());
        assertThat(header(dead, "fileName")).isEqualTo("huge.txt");
        awaitCommitted(sent);
    }

    @Test
    @Order(6)
    void aTransientFailureIsRetriedWithBackOffAndTheReportPublished() throws Exception {
        String key = "flaky-" + UUID.randomUUID();

        RecordMetadata sent = send(key, Seeds.bytes("003"), "fileName", FLAKY);

        List<Chunk> chunks = awaitPublished(FLAKY);
        assertThat(chunks).isNotEmpty();
        assertThat(flakyAttempts.get()).isEqualTo(3);
        awaitCommitted(sent);
        assertThat(readWholeTopic(DLQ)).noneMatch(r -> key.equals(r.key()));
    }

    @Test
    @Order(7)
    void aLastingTransientFailureIsDeadLetteredAfterTheRetriesWithTheReason() throws Exception {
        String key = "outage-" + UUID.randomUUID();
        byte[] value = utf8("A report that arrives while Kafka does not acknowledge anything.");

        RecordMetadata sent = send(key, value, "fileName", OUTAGE);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetters(List.of(key)).get(key);
        assertThat(outageAttempts.get()).isEqualTo(1 + RETRIES);
        assertThat(dead.value()).isEqualTo(value);
        assertThat(dead.partition()).isEqualTo(sent.partition());
        assertThat(header(dead, "x-exception-fqcn")).isEqualTo(PublishFailedException.class.getName());
        assertThat(header(dead, "x-exception-message")).contains("retrying").contains("simulated outage");
        assertThat(header(dead, "x-rejection-reason")).isNull();
        assertThat(header(dead, "x-original-offset")).isEqualTo(String.valueOf(sent.offset()));
        assertThat(header(dead, "fileName")).isEqualTo(OUTAGE);
        awaitCommitted(sent);
    }

    @Test
    @Order(10)
    void afterAllTheBadMessagesTheListenerStillRunsAndIngestsAGoodOne() throws Exception {
        String bad = "late-bad-" + UUID.randomUUID();
        String good = "late-good-" + UUID.randomUUID();
        send(bad, utf8("no headers at all"));
        RecordMetadata sent = send(good, Seeds.bytes("002"), "fileName", "kazakhstan-2021.txt");

        List<Chunk> chunks = awaitPublished("kazakhstan-2021.txt");

        assertThat(chunks).isNotEmpty();
        assertThat(chunks).extracting(c -> c.message().year()).containsOnly(2021);
        assertThat(awaitDeadLetters(List.of(bad))).containsKey(bad);
        awaitCommitted(sent);
        assertThat(listeners.getListenerContainer(IncomingReportsListener.ID)).isNotNull()
                .satisfies(c -> assertThat(c.isRunning()).isTrue());
        assertThat(readWholeTopic(DLQ)).noneMatch(r -> good.equals(r.key()));
    }

    // ---- helpers

    /** Builds a valid plain-text report of at least {@code minBytes}: the seed, then its paragraphs repeated with changing numbers. */
    static byte[] bigReport(int minBytes) {
        // seed 004 (an NGO submission in Markdown) has one line per paragraph
        String seed = new String(Seeds.bytes("004"), StandardCharsets.UTF_8);
        List<String> paragraphs = seed.lines().map(String::strip).filter(p -> p.length() > 200).toList();
        assertThat(paragraphs).hasSizeGreaterThan(20);
        StringBuilder b = new StringBuilder(minBytes + 64 * 1024).append(seed).append("\n\n");
        for (int round = 1; b.length() < minBytes; round++) {
            for (int i = 0; i < paragraphs.size() && b.length() < minBytes; i++) {
                // One line per paragraph (longer than any running header), each with its own figures.
                b.append(paragraphs.get(i)).append(" In follow-up round ").append(round).append(", monitors documented ")
                        .append(round * 31 + i * 7).append(" further cases of this kind in ")
                        .append(2000 + (round + i) % 25).append(".\n\n");
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 21 * 1024 * 1024,
                    ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private RecordMetadata send(String key, byte[] value, String... headers) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REPORTS_INCOMING, key, value);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], utf8(headers[i + 1]));
        }
        return producer().send(record).get(30, TimeUnit.SECONDS);
    }

    /** All passages of the report with that file name, in ordinal order, once all of them are on report.chunks. */
    private List<Chunk> awaitPublished(String fileName) {
        List<Chunk> chunks = awaitRecords(Topics.REPORT_CHUNKS, r -> {
            ChunkMessage m = RightstreamJson.read(r.value(), ChunkMessage.class);
            return fileName.equals(m.source().fileName()) ? new Chunk(r, m) : null;
        }, found -> !found.isEmpty() && found.size() >= found.get(0).message().totalChunks());
        assertThat(chunks).hasSize(chunks.get(0).message().totalChunks());
        return chunks.stream().sorted((a, b) -> Integer.compare(a.message().ordinal(), b.message().ordinal())).toList();
    }

    private Map<String, ConsumerRecord<String, byte[]>> awaitDeadLetters(java.util.Collection<String> keys) {
        List<ConsumerRecord<String, byte[]>> dead = awaitRecords(DLQ, r -> keys.contains(r.key()) ? r : null,
                found -> found.stream().map(ConsumerRecord::key).distinct().count() == keys.size());
        Map<String, ConsumerRecord<String, byte[]>> byKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : dead) {
            assertThat(byKey.put(r.key(), r)).as("dead-lettered once: %s", r.key()).isNull();
        }
        return byKey;
    }

    /** Reads the topic from its start until {@code done} holds for the records {@code select} kept (non-null). */
    private <T> List<T> awaitRecords(String topic, Function<ConsumerRecord<String, byte[]>, T> select,
                                     Predicate<List<T>> done) {
        List<T> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    T t = select.apply(r);
                    if (t != null) {
                        found.add(t);
                    }
                }
                return done.test(found);
            });
        }
        return found;
    }

    /** Every record on the topic now (up to the end offsets at the time of the call). */
    private List<ConsumerRecord<String, byte[]>> readWholeTopic(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(WAIT).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 21 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        assertThat(partitions).hasSize(3);
        return partitions;
    }

    /** Waits until the listener's consumer group has committed past each of the sent records. */
    private void awaitCommitted(RecordMetadata... sent) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(IncomingReportsListener.GROUP_ID)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                for (RecordMetadata md : sent) {
                    OffsetAndMetadata offset = committed.get(new TopicPartition(md.topic(), md.partition()));
                    assertThat(offset).as("committed offset of %s-%d", md.topic(), md.partition()).isNotNull();
                    assertThat(offset.offset()).as("committed offset of %s-%d", md.topic(), md.partition())
                            .isGreaterThan(md.offset());
                }
            });
        }
    }
}
