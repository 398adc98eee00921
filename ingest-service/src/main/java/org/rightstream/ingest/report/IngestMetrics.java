package org.rightstream.ingest.report;

import java.time.Duration;

/**
 * What {@link ReportIngestor} reports about each report it handled, for the service's meters; plain Java, so the
 * ingestor stays free of any metrics library.
 */
public interface IngestMetrics {
    /** Records nothing. */
    IngestMetrics NONE = (outcome, passages, took) -> { };

    /** What happened to one report, whichever way it came in. */
    enum Outcome {
        /** Its passages were published and acknowledged. */
        PUBLISHED,
        /** The same text was ingested before; nothing published. */
        DUPLICATE,
        /** Nearly the same text was ingested before; nothing published. */
        NEAR_DUPLICATE,
        /** Refused for what it is (empty, not a report, unsupported type, too large, ...). */
        REJECTED,
        /** Anything else, e.g. Kafka did not acknowledge; the sender may try again. */
        FAILED
    }

    /**
     * @param passages passages published and acknowledged (0 unless published)
     * @param took     from receiving the report to its outcome
     */
    void report(Outcome outcome, int passages, Duration took);
}
