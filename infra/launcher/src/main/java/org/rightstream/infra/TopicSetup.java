package org.rightstream.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.rightstream.contracts.Topics;

/**
 * Creates the design's topics with explicit partitions, retention and message size; existing topics
 * get their settings brought up to date and more partitions when the spec asks for more, never
 * deleted or shrunk.
 */
public final class TopicSetup {
    private TopicSetup() {
    }

    public static List<String> apply(Admin admin, Collection<Topics.TopicSpec> specs) {
        List<String> created = new ArrayList<>();
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Map<String, TopicDescription> described = existing.isEmpty() ? Map.of()
                    : admin.describeTopics(existing).allTopicNames().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            Map<String, NewPartitions> grow = new HashMap<>();
            Map<ConfigResource, Collection<AlterConfigOp>> updates = new HashMap<>();
            for (Topics.TopicSpec spec : specs) {
                if (existing.contains(spec.name())) {
                    if (described.get(spec.name()).partitions().size() < spec.partitions()) {
                        grow.put(spec.name(), NewPartitions.increaseTo(spec.partitions()));
                    }
                    updates.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), configs(spec).entrySet().stream()
                            .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                            .toList());
                } else {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(configs(spec)));
                    created.add(spec.name());
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get(60, TimeUnit.SECONDS);
            }
            if (!updates.isEmpty()) {
                admin.incrementalAlterConfigs(updates).all().get(60, TimeUnit.SECONDS);
            }
            return created;
        } catch (ExecutionException e) {
            throw new LaunchException("creating Kafka topics failed: " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new LaunchException("creating Kafka topics failed: " + e, e);
        }
    }

    static Map<String, String> configs(Topics.TopicSpec spec) {
        return Map.of(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retentionMs()),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(spec.maxMessageBytes()),
                TopicConfig.CLEANUP_POLICY_CONFIG,
                spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
    }
}
