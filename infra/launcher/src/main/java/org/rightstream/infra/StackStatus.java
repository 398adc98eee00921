package org.rightstream.infra;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;

/** What {@code ./rightstream status} prints, and the wait for seeds to become searchable. */
final class StackStatus {
    /** Consumer groups of the services and the topic each reads. */
    private static final Map<String, String> GROUPS = Map.of(
            Stack.CLASSIFY, "report.chunks",
            Stack.QUERY, "report.chunks.classified");

    private final Stack stack;

    StackStatus(Stack stack) {
        this.stack = stack;
    }

    /** Prints one line per component; true when everything is up. */
    boolean print(PrintStream out) {
        boolean allUp = true;
        out.printf("%-18s %-6s %-7s %-8s %s%n", "COMPONENT", "STATE", "PORT", "PID", "DETAIL");
        var es = stack.elasticsearch();
        boolean esUp = es.isHealthy();
        allUp &= esUp;
        out.printf("%-18s %-6s %-7d %-8s %s%n", "elasticsearch", esUp ? "up" : "down", es.port(), pid(es.process()),
                esUp ? "indexed passages: " + indexedCount(es.url()) : "");
        var kafka = stack.kafka();
        boolean kafkaUp = kafka.isHealthy();
        allUp &= kafkaUp;
        out.printf("%-18s %-6s %-7d %-8s %s%n", "kafka", kafkaUp ? "up" : "down", kafka.port(), pid(kafka.process()), "");
        for (ServiceProcess s : stack.services()) {
            String health = s.health();
            boolean up = "UP".equals(health);
            allUp &= up;
            String detail = GROUPS.containsKey(s.name()) && kafkaUp
                    ? "lag on " + GROUPS.get(s.name()) + ": " + lag(kafka, s.name(), GROUPS.get(s.name())) : "";
            out.printf("%-18s %-6s %-7d %-8s %s%n", s.name(), up ? "up" : "down", s.port(), pid(s.process()),
                    (up ? "" : "health " + health + "  ") + detail);
        }
        return allUp;
    }

    private static String pid(java.util.Optional<ProcessHandle> p) {
        return p.map(h -> Long.toString(h.pid())).orElse("-");
    }

    static long indexedCount(String esUrl) {
        Http.Response r = Http.get(esUrl + "/" + Indices.REPORT_CHUNKS.alias() + "/_count");
        return r.ok() ? RightstreamJson.mapper().readTree(r.body()).path("count").asLong() : -1;
    }

    static String lag(KafkaBroker kafka, String group, String topic) {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                lag += ends.get(tp).offset() - (c == null ? 0 : c.offset());
            }
            return Long.toString(lag);
        } catch (Exception e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Waits until the given reports have at least {@code expected} passages indexed, with progress. */
    void awaitIndexed(Collection<String> reportIds, long expected, Duration timeout, PrintStream out) {
        if (reportIds.isEmpty()) {
            return;
        }
        String esUrl = stack.elasticsearch().url();
        String ids = reportIds.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        String query = "{\"query\":{\"terms\":{\"reportId\":[" + ids + "]}}}";
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        long lastPrinted = -1;
        while (System.nanoTime() < deadline) {
            Http.post(esUrl + "/" + Indices.REPORT_CHUNKS.alias() + "/_refresh", "");
            Http.Response r = Http.post(esUrl + "/" + Indices.REPORT_CHUNKS.alias() + "/_count", query);
            count = r.ok() ? RightstreamJson.mapper().readTree(r.body()).path("count").asLong() : 0;
            if (count != lastPrinted) {
                out.printf("  searchable: %d of %d passages%n", count, expected);
                lastPrinted = count;
            }
            if (count >= expected) {
                return;
            }
            Processes.sleep(500);
        }
        throw new LaunchException("only " + count + " of " + expected + " seed passages became searchable within "
                + timeout.toSeconds() + " s; see ./rightstream status and ./rightstream logs query-service");
    }
}
