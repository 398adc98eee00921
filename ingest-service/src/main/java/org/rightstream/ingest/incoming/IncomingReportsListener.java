package org.rightstream.ingest.incoming;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.report.IngestResult;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Ingests the reports sent to the Kafka topic {@code reports.incoming} (consumer group
 * {@value #GROUP_ID}). A message is one report, in one of two forms.
 *
 * <h2>a) The document is the message value</h2>
 * The value is the file's bytes (text, PDF, ... as for an HTTP upload, at most
 * {@link Topics#MAX_REPORT_BYTES} = 20 MiB). Headers, all UTF-8 text:
 * <ul>
 *   <li>{@code fileName} (required): the document's file name, e.g. {@code kazakhstan-2012.pdf};</li>
 *   <li>{@code contentType} (optional): its media type, e.g. {@code application/pdf};</li>
 *   <li>{@code country}, {@code year} (a year like {@code 2012}, 1900&ndash;2100), {@code title},
 *       {@code publisher} (optional): metadata; where absent, country, year and title are taken from the text
 *       when it states them;</li>
 *   <li>{@code allowDuplicate} (optional, {@code true}/{@code false}, default false): publish even when the
 *       report nearly matches one already ingested.</li>
 * </ul>
 * The key is not used (any key, or none).
 *
 * <h2>b) The value is a reference to a file in the drop folder</h2>
 * For documents that are large or already on the shared drop folder ({@code rightstream.ingest.inbox}):
 * <pre>{"file": "refs/kazakhstan-2024.pdf", "country": "Kazakhstan", "year": 2024, "title": "...", "publisher": "...",
 *  "contentType": "application/pdf", "allowDuplicate": false}</pre>
 * Only {@code file} is required: a path relative to the drop folder, naming a regular file inside it.
 * Absolute paths, {@code ..} segments and symbolic links that lead out of the folder are refused, as are
 * missing files and files over the size limit. {@code year} may be a number or a string. Metadata missing
 * from the JSON is taken from the headers of form a), if present. The message is taken for a reference when
 * its {@code contentType} header is {@value IncomingReportReader#FILE_REF_CONTENT_TYPE} (the value must
 * then be a valid reference), or, with no {@code contentType} header or a JSON one, when the value is
 * under 64 KiB and parses as a JSON object with a {@code "file"} field. Reference files in a sub-folder
 * (e.g. {@code refs/}): a file at the top level of the drop folder is also taken by the drop folder watcher,
 * which moves it away. The file is read, not moved or deleted.
 *
 * <h2>Outcome</h2>
 * The report's passages are published to {@code report.chunks} (keyed by reportId, acks=all) and only then
 * is the message's offset committed (manual immediate acknowledgement). A report already ingested (or a
 * near-duplicate of one) is recorded as such by the ingestor, nothing is published, and the offset is committed. A message that cannot be ingested
 * because of what it is (a {@link org.rightstream.ingest.report.ReportRejectedException rejected report},
 * or an {@link InvalidIncomingReportException invalid message}) goes at once to {@code reports.incoming.dlq}
 * (same partition) with its original key, value and headers plus {@link DeadLetterHeaders}; other failures
 * (Kafka unavailable, ...) are retried with exponential back-off and then dead-lettered the same way. The
 * offset is committed after the dead-letter topic acknowledged the copy. Re-delivery after a crash is
 * harmless: ids are derived from the text, so the same passages are published again, not new ones.
 */
public class IncomingReportsListener {
    public static final String ID = "rightstream-incoming-reports";
    public static final String GROUP_ID = "ingest-service";

    private static final Logger log = LoggerFactory.getLogger(IncomingReportsListener.class);

    private final IncomingReportReader reader;
    private final ReportIngestor ingestor;

    public IncomingReportsListener(IncomingReportReader reader, ReportIngestor ingestor) {
        this.reader = reader;
        this.ingestor = ingestor;
    }

    @KafkaListener(id = ID, groupId = GROUP_ID, topics = Topics.REPORTS_INCOMING,
            containerFactory = IncomingReportsConfiguration.CONTAINER_FACTORY)
    public void onMessage(ConsumerRecord<String, byte[]> record, Acknowledgment ack) {
        ReportUpload upload = reader.read(record.headers(), record.value());
        IngestResult result = ingestor.ingest(upload);
        ack.acknowledge();
        log.info("ingested {} from {}-{}@{}: report {} {}, {} passages", upload.fileName(), record.topic(),
                record.partition(), record.offset(), result.reportId(), result.status(), result.chunks());
    }
}
