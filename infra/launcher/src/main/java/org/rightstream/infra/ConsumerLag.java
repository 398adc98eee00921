package org.rightstream.infra;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag of the pipeline's consumer groups from the broker's point of view: per partition, the end offset
 * minus the group's committed offset (the earliest offset still on the topic where the group has committed
 * nothing). Measured from outside, so it is known even while the service that owns the group is down. One
 * round of admin requests for all groups together.
 */
final class ConsumerLag {
    /** A consumer group and the topic it reads. */
    record Group(String id, String topic) {
    }

    private ConsumerLag() {
    }

    /**
     * Lag per group id, all read within {@code timeout}.
     *
     * @throws Exception when the broker did not answer in time (or at all)
     */
    static Map<String, Long> of(Admin admin, List<Group> groups, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> lags = new LinkedHashMap<>();
        Set<String> topics = groups.stream().map(Group::topic).collect(Collectors.toSet());
        var committedFuture = admin.listConsumerGroupOffsets(groups.stream().distinct().collect(
                Collectors.toMap(Group::id, g -> new ListConsumerGroupOffsetsSpec(), (a, b) -> a))).all();
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(left(deadline), TimeUnit.NANOSECONDS)
                .forEach((topic, d) -> partitions.put(topic, d.partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList()));
        Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliestSpec = new HashMap<>();
        partitions.values().forEach(list -> list.forEach(tp -> {
            latestSpec.put(tp, OffsetSpec.latest());
            earliestSpec.put(tp, OffsetSpec.earliest());
        }));
        var latestFuture = admin.listOffsets(latestSpec).all();
        var earliestFuture = admin.listOffsets(earliestSpec).all();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                committedFuture.get(left(deadline), TimeUnit.NANOSECONDS);
        Map<TopicPartition, Long> latest = offsets(latestFuture.get(left(deadline), TimeUnit.NANOSECONDS));
        Map<TopicPartition, Long> earliest = offsets(earliestFuture.get(left(deadline), TimeUnit.NANOSECONDS));
        for (Group g : groups) {
            Map<TopicPartition, Long> groupOffsets = new HashMap<>();
            committed.getOrDefault(g.id(), Map.of()).forEach((tp, o) -> {
                if (o != null) {
                    groupOffsets.put(tp, o.offset());
                }
            });
            lags.put(g.id(), lag(partitions.getOrDefault(g.topic(), List.of()), groupOffsets, earliest, latest));
        }
        return lags;
    }

    /** The sum over {@code partitions} of end offset minus committed offset (or minus earliest when none). */
    static long lag(List<TopicPartition> partitions, Map<TopicPartition, Long> committed,
                    Map<TopicPartition, Long> earliest, Map<TopicPartition, Long> latest) {
        long lag = 0;
        for (TopicPartition tp : partitions) {
            long end = latest.getOrDefault(tp, 0L);
            long from = committed.containsKey(tp) ? committed.get(tp) : earliest.getOrDefault(tp, 0L);
            lag += Math.max(0, end - from);
        }
        return lag;
    }

    private static Map<TopicPartition, Long> offsets(Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        infos.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static long left(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }
}
