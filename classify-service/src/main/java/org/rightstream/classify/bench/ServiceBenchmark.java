package org.rightstream.classify.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rightstream.classify.category.LabelledPassage;
import org.rightstream.classify.category.TrainingSet;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Source;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.contracts.Topics;

/**
 * Throughput of the running classify-service, Kafka in and out: publishes N passages of fresh reports to
 * report.chunks in one burst and times until every one is on report.chunks.classified, then reads the
 * service's heap from its metrics endpoint. Needs {@code ./rightstream up}. Prints figures; asserts nothing.
 *
 * <pre>./rightstream bench-classify-service [PASSAGES] [PASSAGE_DIR]</pre>
 */
public final class ServiceBenchmark {
    private ServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path data = Path.of(args.length > 1 ? args[1] : "classify-service/training/passages");
        String bootstrap = System.getProperty("bootstrap", "127.0.0.1:" + System.getenv().getOrDefault(
                "RIGHTSTREAM_KAFKA_PORT", "9092"));
        String metrics = System.getProperty("metrics", "http://127.0.0.1:" + System.getenv().getOrDefault(
                "RIGHTSTREAM_CLASSIFY_PORT", "8082") + "/actuator/metrics/jvm.memory.used?tag=area:heap");
        List<String> texts = TrainingSet.read(TrainingSet.files(List.of(data)), Taxonomy.get()).passages().stream()
                .map(LabelledPassage::text).toList();

        // Reports of 200 passages each, so keys spread over the partitions as real reports do.
        int perReport = 200;
        String run = UUID.randomUUID().toString();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(total);
        Set<String> reportIds = new HashSet<>();
        for (int i = 0; i < total; i++) {
            String reportId = Ids.reportId("benchmark " + run + " report " + (i / perReport));
            reportIds.add(reportId);
            int ordinal = i % perReport;
            int count = Math.min(perReport, total - (i / perReport) * perReport);
            String text = texts.get(i % texts.size());
            ChunkMessage m = new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, ordinal),
                    ordinal, count, new Source("benchmark.txt", "0", "text/plain", null), "Benchmark", 2026,
                    "Benchmark report", List.of(), null, text, 0, text.length(), null, List.of(), false, Instant.now());
            records.add(new ProducerRecord<>(Topics.REPORT_CHUNKS, reportId, RightstreamJson.write(m)));
        }

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                     new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPORT_CHUNKS_CLASSIFIED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            System.out.printf(Locale.ROOT, "publishing %d passages (%d reports) to %s ...%n", total, reportIds.size(),
                    Topics.REPORT_CHUNKS);
            long start = System.nanoTime();
            for (ProducerRecord<String, byte[]> r : records) {
                producer.send(r);
            }
            producer.flush();
            double published = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "published in %.1f s; waiting for the classified passages%n", published);
            int seen = 0;
            String modelVersion = null;
            long lastProgress = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (reportIds.contains(r.key())) {
                        seen++;
                        if (modelVersion == null) {
                            modelVersion = RightstreamJson.read(r.value(), ClassifiedChunk.class).modelVersion();
                        }
                    }
                }
                if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                    lastProgress = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  %d/%d classified, %.0f passages/s so far%n", seen, total,
                            seen / ((System.nanoTime() - start) / 1e9));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "classified %d of %d passages in %.1f s: %.0f passages/s through the"
                    + " service (model %s)%n", seen, total, seconds, seen / seconds, modelVersion);
        }
        try {
            HttpResponse<String> heap = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metrics))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            String body = heap.body();
            int i = body.indexOf("\"value\":");
            if (heap.statusCode() == 200 && i >= 0) {
                double bytes = Double.parseDouble(body.substring(i + 8, body.indexOf('}', i)).trim());
                System.out.printf(Locale.ROOT, "classify-service heap in use now: %.0f MB%n", bytes / (1 << 20));
            } else {
                System.out.println("classify-service heap: metrics answered " + heap.statusCode());
            }
        } catch (Exception e) {
            System.out.println("classify-service heap: not available (" + e.getMessage() + ")");
        }
    }
}
