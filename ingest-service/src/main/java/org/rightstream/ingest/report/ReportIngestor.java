package org.rightstream.ingest.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Source;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.ingest.chunk.HeadingCategories;
import org.rightstream.ingest.chunk.SectionChunk;
import org.rightstream.ingest.chunk.SectionChunker;
import org.rightstream.ingest.clean.CleanDocument;
import org.rightstream.ingest.clean.ReportCleaner;

/**
 * Turns one uploaded report into its passages and publishes them. Ids come from the text, so the
 * same report sent twice produces the same messages and the index keeps one copy.
 */
public final class ReportIngestor {
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** Fewer real words than this is a note or a fragment, not a report. */
    static final int MIN_WORDS = 30;

    private final ReportCleaner cleaner;
    private final SectionChunker chunker;
    private final ChunkPublisher publisher;
    private final int maxBytes;
    private final Clock clock;

    public ReportIngestor(ReportCleaner cleaner, SectionChunker chunker, ChunkPublisher publisher, int maxBytes,
                          Clock clock) {
        this.cleaner = cleaner;
        this.chunker = chunker;
        this.publisher = publisher;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The cleaner and section chunker with the taxonomy's headings, at the given passage sizes. */
    public static ReportIngestor standard(int targetWords, int maxWords, ChunkPublisher publisher, int maxBytes,
                                          Clock clock) {
        HeadingCategories headings = new HeadingCategories(Taxonomy.get());
        return new ReportIngestor(new ReportCleaner(headings::isKnownHeading),
                new SectionChunker(headings, targetWords, maxWords), publisher, maxBytes, clock);
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
        CleanDocument doc = cleaner.clean(TextDecoder.decode(bytes), false);
        String text = doc.text();
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
        List<SectionChunk> passages = chunker.chunk(doc, detected.title());
        if (passages.isEmpty()) {
            throw new ReportRejectedException(ReportRejectedException.Reason.NOT_A_REPORT,
                    "the text has headings but no passages under them");
        }
        Source source = new Source(upload.fileName(), Ids.sha256Hex(bytes),
                upload.contentType() == null ? "text/plain" : upload.contentType(), upload.publisher());
        Instant now = clock.instant();
        List<ChunkMessage> messages = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            SectionChunk p = passages.get(i);
            messages.add(new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, i), i,
                    passages.size(), source, country, year, title, p.sectionPath(), p.headingCategory(), p.text(),
                    p.charStart(), p.charEnd(), p.page(), p.paragraphNumbers(), p.isRecommendation(), now));
        }
        publisher.publish(reportId, messages);
        return new IngestResult(reportId, upload.fileName(), IngestResult.Status.PUBLISHED, messages.size(),
                country, year, title, messages.size() + " passages published");
    }
}
