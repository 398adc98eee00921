package org.rightstream.contracts;

import java.time.Duration;
import java.util.List;

/** The Kafka topics of the design, with the settings the launcher creates them with. */
public final class Topics {
    public static final String REPORTS_INCOMING = "reports.incoming";
    public static final String REPORT_CHUNKS = "report.chunks";
    public static final String REPORT_CHUNKS_CLASSIFIED = "report.chunks.classified";
    public static final String ALERTS = "alerts";
    /** The report registry: one record per report (latest state), compacted so it never loses a report. */
    public static final String REPORTS_REGISTRY = "reports.registry";
    public static final String DLQ_SUFFIX = ".dlq";

    /** One limit for a whole report travelling as a message: topic, broker, producer, consumer and upload. */
    public static final int MAX_REPORT_BYTES = 20 * 1024 * 1024;
    /** A message carrying a whole report: the report plus room for its headers. */
    public static final int MAX_REPORT_MESSAGE_BYTES = MAX_REPORT_BYTES + 64 * 1024;
    /** Passages and alerts are small; 1 MiB leaves room for a long passage with its labels. */
    public static final int MAX_PASSAGE_MESSAGE_BYTES = 1024 * 1024;

    private static final int PARTITIONS = 3;
    private static final long FOREVER = -1;
    private static final long THIRTY_DAYS = Duration.ofDays(30).toMillis();

    /**
     * report.chunks is kept forever: it is the log that a new model version replays to reclassify
     * everything. Dead-letter topics keep 30 days for an operator to inspect and replay; they have as
     * many partitions as their source, because the binder dead-letters to the same partition number.
     */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(REPORTS_INCOMING, PARTITIONS, Duration.ofDays(7).toMillis(), MAX_REPORT_MESSAGE_BYTES),
            new TopicSpec(dlq(REPORTS_INCOMING), PARTITIONS, THIRTY_DAYS, MAX_REPORT_MESSAGE_BYTES),
            new TopicSpec(REPORT_CHUNKS, PARTITIONS, FOREVER, MAX_PASSAGE_MESSAGE_BYTES),
            new TopicSpec(dlq(REPORT_CHUNKS), PARTITIONS, THIRTY_DAYS, MAX_PASSAGE_MESSAGE_BYTES),
            new TopicSpec(REPORT_CHUNKS_CLASSIFIED, PARTITIONS, THIRTY_DAYS, MAX_PASSAGE_MESSAGE_BYTES),
            new TopicSpec(dlq(REPORT_CHUNKS_CLASSIFIED), PARTITIONS, THIRTY_DAYS, MAX_PASSAGE_MESSAGE_BYTES),
            new TopicSpec(ALERTS, PARTITIONS, FOREVER, MAX_PASSAGE_MESSAGE_BYTES),
            new TopicSpec(REPORTS_REGISTRY, 1, FOREVER, MAX_PASSAGE_MESSAGE_BYTES, true));

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /**
     * @param compacted keep the latest record per key forever (cleanup.policy=compact) instead of
     *                  deleting by age
     */
    public record TopicSpec(String name, int partitions, long retentionMs, int maxMessageBytes, boolean compacted) {
        public TopicSpec(String name, int partitions, long retentionMs, int maxMessageBytes) {
            this(name, partitions, retentionMs, maxMessageBytes, false);
        }
    }
}
