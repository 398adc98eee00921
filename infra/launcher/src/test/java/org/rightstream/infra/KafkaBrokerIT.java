package org.rightstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightstream.contracts.Topics;

/** The broker {@code ./rightstream up} runs: the real Kafka jars, started as a separate process. */
class KafkaBrokerIT {
    @TempDir
    static Path state;
    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        Path lib = Path.of(System.getProperty("rightstream.kafka.lib", "../kafka-runtime/target/lib"));
        broker = new KafkaBroker(lib, state.resolve("kafka"), Processes.freePortFrom(29092), 256);
        assertThat(broker.start(Duration.ofSeconds(90))).as("started by this call").isTrue();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.stop();
            assertThat(broker.process()).isEmpty();
        }
    }

    @Test
    void createsEveryTopicWithItsSettingsAndIsIdempotent() throws Exception {
        try (Admin admin = broker.admin()) {
            TopicSetup.apply(admin, Topics.ALL);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .containsAll(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
            assertThat(TopicSetup.apply(admin, Topics.ALL)).as("a second run creates nothing").isEmpty();

            Set<ConfigResource> resources = Topics.ALL.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).collect(Collectors.toSet());
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            var partitions = admin.describeTopics(Topics.ALL.stream().map(Topics.TopicSpec::name).toList())
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            for (Topics.TopicSpec spec : Topics.ALL) {
                Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
                assertThat(c.get("retention.ms").value()).as(spec.name()).isEqualTo(Long.toString(spec.retentionMs()));
                assertThat(c.get("max.message.bytes").value()).as(spec.name()).isEqualTo(Integer.toString(spec.maxMessageBytes()));
                assertThat(partitions.get(spec.name()).partitions()).hasSize(spec.partitions());
            }
        }
    }

    @Test
    void aReportOfSeveralMegabytesFitsInOneMessageOnReportsIncoming() throws Exception {
        try (Admin admin = broker.admin()) {
            TopicSetup.apply(admin, Topics.ALL);
        }
        byte[] report = new byte[8 * 1024 * 1024];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_REPORT_BYTES + 65536),
                new StringSerializer(), new ByteArraySerializer())) {
            var meta = producer.send(new ProducerRecord<>(Topics.REPORTS_INCOMING, "big", report)).get(60, TimeUnit.SECONDS);
            assertThat(meta.offset()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void consumerLagIsEndMinusCommittedPerGroupAndEverythingForAGroupThatCommittedNothing() throws Exception {
        String topic = "lag-test";
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 7; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 2, "k", new byte[] {1})).get(30, TimeUnit.SECONDS);
                }
            }
            // Partition 0 holds 4 records, partition 1 holds 3; the group has read 3 of partition 0 and none of 1.
            admin.alterConsumerGroupOffsets("lag-reader", Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3)))
                    .all().get(30, TimeUnit.SECONDS);

            Map<String, Long> lags = ConsumerLag.of(admin, List.of(new ConsumerLag.Group("lag-reader", topic),
                    new ConsumerLag.Group("never-read", topic)), Duration.ofSeconds(30));

            assertThat(lags).containsExactly(Map.entry("lag-reader", 4L), Map.entry("never-read", 7L));
        }
    }

    @Test
    void aSecondStartReusesTheRunningBrokerAndAThirdPartyOnItsPortIsRefused() {
        long pid = broker.process().orElseThrow().pid();
        assertThat(broker.start(Duration.ofSeconds(30))).as("reused, not started again").isFalse();
        assertThat(broker.process().orElseThrow().pid()).isEqualTo(pid);

        KafkaBroker other = new KafkaBroker(Path.of("unused"), state.resolve("other"), broker.port(), 256);
        assertThatThrownBy(() -> other.start(Duration.ofSeconds(10)))
                .isInstanceOf(LaunchException.class).hasMessageContaining("already in use")
                .hasMessageContaining("RIGHTSTREAM_KAFKA_PORT");
        assertThat(List.of(broker.isHealthy())).containsExactly(true);
    }
}
