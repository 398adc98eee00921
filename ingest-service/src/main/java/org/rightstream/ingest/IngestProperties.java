package org.rightstream.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.rightstream.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of ingest-service ({@code rightstream.ingest.*}).
 *
 * @param inbox            the watched drop folder; files end in {@code processed/} or {@code rejected/} beside it
 * @param pollInterval     how often the drop folder is scanned
 * @param maxReportBytes   the one size limit for a report, whatever way it arrives
 * @param targetWords      passages are grown paragraph by paragraph up to about this many words
 * @param maxWords         a passage never exceeds this unless a single sentence does
 * @param publishTimeout   how long to wait for Kafka to acknowledge a report's passages
 */
@ConfigurationProperties("rightstream.ingest")
public record IngestProperties(
        @DefaultValue(".rightstream/inbox") Path inbox,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("" + Topics.MAX_REPORT_BYTES) int maxReportBytes,
        @DefaultValue("180") int targetWords,
        @DefaultValue("250") int maxWords,
        @DefaultValue("60s") Duration publishTimeout) {
}
