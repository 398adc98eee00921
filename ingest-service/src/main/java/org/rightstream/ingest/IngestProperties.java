package org.rightstream.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.extract.DocumentExtractor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of ingest-service ({@code rightstream.ingest.*}).
 *
 * @param inbox            the watched drop folder; files end in {@code processed/} or {@code rejected/} beside it
 * @param pollInterval     how often the drop folder is scanned
 * @param maxReportBytes   the one size limit for a report, whatever way it arrives
 * @param targetWords      passages are grown paragraph by paragraph up to about this many words
 * @param maxWords         a passage never exceeds this unless a single sentence does
 * @param publishTimeout   how long to wait for Kafka to acknowledge a report's passages
 * @param maxTextChars     the most characters of text one report may hold (after extraction); a report with more
 *                         is rejected, not cut. 20 MiB of bytes can hold 20 million characters (plain text, or a
 *                         small zip of a huge document), and cleaning, chunking and de-duplicating them takes
 *                         several times their size (about 10 bytes of heap a character): a 15 MB single-line
 *                         text took the whole 256 MB heap. Six million characters (about 3,000 pages) is far more
 *                         than any report yet seen (the seeds: 30-120 thousand), takes a 5 MB report, and leaves
 *                         room in a 256 MB service.
 * @param maxUnzippedSize  the most a zip-based document (DOCX, ODT, EPUB) may hold once unzipped; more is a
 *                         suspected zip bomb and is rejected before parsing (POI holds a DOCX part in memory
 *                         whole: a 1 MB DOCX with a 1 GB part took the whole heap)
 */
@ConfigurationProperties("rightstream.ingest")
public record IngestProperties(
        @DefaultValue(".rightstream/inbox") Path inbox,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("" + Topics.MAX_REPORT_BYTES) int maxReportBytes,
        @DefaultValue("180") int targetWords,
        @DefaultValue("250") int maxWords,
        @DefaultValue("60s") Duration publishTimeout,
        @DefaultValue("" + DocumentExtractor.DEFAULT_WRITE_LIMIT) int maxTextChars,
        @DefaultValue("64MB") DataSize maxUnzippedSize) {
}
