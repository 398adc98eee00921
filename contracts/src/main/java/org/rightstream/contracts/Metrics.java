package org.rightstream.contracts;

import java.time.Duration;
import java.util.List;

/**
 * The names of the pipeline's own Micrometer meters and their tags, shared by the services that record them and
 * by {@code ./rightstream status} and the tests that read them. Every name starts with {@code rightstream.}; in
 * Prometheus format the dots become underscores, counters end in {@code _total} and timers in {@code _seconds}.
 */
public final class Metrics {
    /** Tag: the pipeline stage, one of {@link #STAGES}. */
    public static final String STAGE = "stage";
    /** Tag: what happened to a report at ingest, one of {@link #OUTCOMES}. */
    public static final String OUTCOME = "outcome";
    /** Tag: the dead-letter topic a message went to. */
    public static final String TOPIC = "topic";

    public static final String INGEST = "ingest";
    public static final String CLASSIFY = "classify";
    public static final String INDEX = "index";
    public static final String ALERTS = "alerts";
    public static final List<String> STAGES = List.of(INGEST, CLASSIFY, INDEX, ALERTS);

    /** Outcomes of {@link #INGEST_REPORTS}: {@code published}, {@code duplicate}, ..., lower case. */
    public static final List<String> OUTCOMES = List.of("published", "duplicate", "near_duplicate", "rejected",
            "failed");

    /** Counter, tag stage (classify, index, alerts): records the stage's consumer received, redeliveries included. */
    public static final String PASSAGES_IN = "rightstream.passages.in";
    /**
     * Counter, tag stage: passages the stage finished and handed on. ingest: published to report.chunks and
     * acknowledged; classify: published to report.chunks.classified and acknowledged; index: written to
     * Elasticsearch (bulk acknowledged); alerts: matched against the watchlist.
     */
    public static final String PASSAGES_OUT = "rightstream.passages.out";
    /** Counter, tags stage and topic: messages written to a dead-letter topic (after its acknowledgement). */
    public static final String DLQ = "rightstream.dlq.messages";

    /** Counter, tag outcome: reports handled by ingest-service (upload, drop folder or reports.incoming). */
    public static final String INGEST_REPORTS = "rightstream.ingest.reports";
    /** Timer: from receiving a report to all its passages acknowledged by Kafka; published reports only. */
    public static final String INGEST_LATENCY = "rightstream.ingest.latency";
    /** Timer, per passage: parse, validate, classify (category, severity, entities) and serialise one passage. */
    public static final String CLASSIFY_LATENCY = "rightstream.classify.latency";
    /** Timer, per bulk request: the Elasticsearch bulk call of one batch of passages. */
    public static final String INDEX_BULK_LATENCY = "rightstream.index.bulk.latency";
    /** Distribution summary, per bulk request: passages in the bulk. */
    public static final String INDEX_BULK_SIZE = "rightstream.index.bulk.size";
    /** Counter: passages Elasticsearch refused for what they contain (they go to the dead-letter topic). */
    public static final String INDEX_REJECTS = "rightstream.index.rejects";
    /** Counter: passages the index kept a newer model's labels for (version conflict, not an error). */
    public static final String INDEX_SUPERSEDED = "rightstream.index.superseded";
    /** Timer, per batch: matching a batch against the watchlist, storing its alerts and sending due notifications. */
    public static final String ALERTS_LATENCY = "rightstream.alerts.latency";
    /** Counter: passages matched against the watchlist (also counted as passages out of the alerts stage). */
    public static final String ALERTS_PASSAGES = "rightstream.alerts.passages";
    /** Counter: new alerts stored (not {@code .created}: Prometheus reserves the {@code _created} suffix). */
    public static final String ALERTS_RAISED = "rightstream.alerts.raised";
    /** Counter: notifications published to the alerts topic. */
    public static final String ALERTS_NOTIFICATIONS = "rightstream.alerts.notifications";

    /** The percentiles (p50, p95) every latency timer and the bulk size publish, computed over {@link #PERCENTILE_WINDOW}. */
    public static double[] percentiles() {
        return new double[] {0.5, 0.95};
    }

    /** How far back the published percentiles look (rolling, in five steps). */
    public static final Duration PERCENTILE_WINDOW = Duration.ofMinutes(5);
    public static final int PERCENTILE_WINDOW_STEPS = 5;

    private Metrics() {
    }
}
