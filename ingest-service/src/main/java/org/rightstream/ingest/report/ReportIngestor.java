package org.rightstream.ingest.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Source;
import org.rightstream.ingest.chunk.ParagraphChunker;
import org.rightstream.ingest.chunk.Passage;

/**
 * Turns one uploaded report into its passages and publishes them. Ids come from the text, so the
 * same report sent twice produces the same messages and the index keeps one copy.
 */
public final class ReportIngestor {
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** Fewer real words than this is a note or a fragment, not a report. */
    static final int MIN_WORDS = 30;

    private final ParagraphChunker chunker;
    private final ChunkPublisher publisher;
    private final int maxBytes;
    private final Clock clock;

    public ReportIngestor(ParagraphChunker chunker, ChunkPublisher publisher, int maxBytes, Clock clock) {
        this.chunker = chunker;
        this.publisher = publisher;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public IngestResult ingest(ReportUpload upload) {
        byte[] bytes = upload.content();
        if (bytes == null || bytes.length == 0) {
            throw new ReportRejectedException(ReportRejectedException.Reason.EMPTY, "the file is empty");
        }
        if (bytes.length > maxBytes) {
            throw new ReportRejectedException(ReportRejectedException.Reason.TOO_LARGE,
                    "the file has " + bytes.length + " bytes; the limit is " + maxBytes + " bytes");
        }
        String text = TextDecoder.decode(bytes);
        long words = WORD.matcher(text).results().limit(MIN_WORDS).count();
        if (words < MIN_WORDS) {
            throw new ReportRejectedException(ReportRejectedException.Reason.NOT_A_REPORT,
                    "the text has only " + words + " words; a report needs at least " + MIN_WORDS);
        }
        ReportMetadata detected = ReportMetadata.detect(text);
        String country = upload.country() != null ? upload.country() : detected.country();
        Integer year = upload.year() != null ? upload.year() : detected.year();
        String title = upload.title() != null ? upload.title() : detected.title();

        String reportId = Ids.reportId(text);
        List<Passage> passages = chunker.chunk(text);
        Source source = new Source(upload.fileName(), Ids.sha256Hex(bytes),
                upload.contentType() == null ? "text/plain" : upload.contentType(), upload.publisher());
        Instant now = clock.instant();
        List<ChunkMessage> messages = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            messages.add(new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, i), i,
                    passages.size(), source, country, year, title, List.of(), null, p.text(), p.charStart(),
                    p.charEnd(), null, List.of(), false, now));
        }
        publisher.publish(reportId, messages);
        return new IngestResult(reportId, upload.fileName(), IngestResult.Status.PUBLISHED, messages.size(),
                country, year, title, messages.size() + " passages published");
    }
}
