package org.rightstream.ingest.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.rightstream.ingest.dedup.MinHashSignature;
import org.rightstream.ingest.dedup.MinHasher;
import org.rightstream.ingest.dedup.NearDuplicateIndex;
import org.rightstream.ingest.extract.DocumentExtractor;
import org.rightstream.ingest.extract.ExtractedText;
import org.rightstream.ingest.registry.InMemoryReportRegistry;
import org.rightstream.ingest.registry.ReportRecord;
import org.rightstream.ingest.registry.ReportRegistry;

/**
 * Turns one uploaded report into its passages and publishes them, recording every step in the
 * registry. Ids come from the cleaned text, so the same report sent twice is recognised (and not
 * published again), and a replay overwrites instead of duplicating. A report whose text nearly
 * matches one already published (the same report in another format) is recorded as its
 * near-duplicate and not published unless the sender asks for it.
 */
public final class ReportIngestor {
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** Fewer real words than this is a note or a fragment, not a report. */
    static final int MIN_WORDS = 30;

    private final DocumentExtractor extractor;
    private final ReportCleaner cleaner;
    private final SectionChunker chunker;
    private final ChunkPublisher publisher;
    private final ReportRegistry registry;
    private final MinHasher hasher;
    private final Clock clock;
    private final IngestMetrics metrics;

    public ReportIngestor(DocumentExtractor extractor, ReportCleaner cleaner, SectionChunker chunker,
                          ChunkPublisher publisher, ReportRegistry registry, MinHasher hasher, Clock clock) {
        this(extractor, cleaner, chunker, publisher, registry, hasher, clock, IngestMetrics.NONE);
    }

    private ReportIngestor(DocumentExtractor extractor, ReportCleaner cleaner, SectionChunker chunker,
                           ChunkPublisher publisher, ReportRegistry registry, MinHasher hasher, Clock clock,
                           IngestMetrics metrics) {
        this.extractor = extractor;
        this.cleaner = cleaner;
        this.chunker = chunker;
        this.publisher = publisher;
        this.registry = registry;
        this.hasher = hasher;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The same ingestor telling {@code metrics} the outcome of every report. */
    public ReportIngestor withMetrics(IngestMetrics metrics) {
        return new ReportIngestor(extractor, cleaner, chunker, publisher, registry, hasher, clock, metrics);
    }

    /** The cleaner and section chunker with the taxonomy's headings, at the given passage sizes. */
    public static ReportIngestor standard(int targetWords, int maxWords, ChunkPublisher publisher,
                                          ReportRegistry registry, int maxBytes, Clock clock) {
        return standard(targetWords, maxWords, publisher, registry, new DocumentExtractor(maxBytes), clock);
    }

    /** As above, with an extractor of its own limits. */
    public static ReportIngestor standard(int targetWords, int maxWords, ChunkPublisher publisher,
                                          ReportRegistry registry, DocumentExtractor extractor, Clock clock) {
        HeadingCategories headings = new HeadingCategories(Taxonomy.get());
        return new ReportIngestor(extractor, new ReportCleaner(headings::isKnownHeading),
                new SectionChunker(headings, targetWords, maxWords), publisher, registry, new MinHasher(), clock);
    }

    /** As {@link #standard(int, int, ChunkPublisher, ReportRegistry, int, Clock)} with a registry in memory. */
    public static ReportIngestor standard(int targetWords, int maxWords, ChunkPublisher publisher, int maxBytes,
                                          Clock clock) {
        return standard(targetWords, maxWords, publisher, new InMemoryReportRegistry(), maxBytes, clock);
    }

    public IngestResult ingest(ReportUpload upload) {
        Instant received = clock.instant();
        byte[] bytes = upload.content() == null ? new byte[0] : upload.content();
        String sha256 = Ids.sha256Hex(bytes);
        IngestResult result;
        try {
            result = ingest(upload, bytes, sha256, received);
        } catch (ReportRejectedException e) {
            metrics.report(IngestMetrics.Outcome.REJECTED, 0, Duration.between(received, clock.instant()));
            try {
                registry.put(new ReportRecord(ReportRecord.fileId(sha256), ReportRecord.Status.REJECTED, upload.fileName(),
                        upload.contentType(), sha256, upload.country(), upload.year(), upload.title(), upload.publisher(),
                        null, 0, null, null, e.reason() + ": " + e.getMessage(), received, clock.instant(),
                        clock.instant().toEpochMilli() - received.toEpochMilli(), null));
            } catch (RuntimeException registryDown) {
                // The sender still learns why the file was rejected; only the registry entry is missing.
                e.addSuppressed(registryDown);
            }
            throw e;
        } catch (RuntimeException e) {
            metrics.report(IngestMetrics.Outcome.FAILED, 0, Duration.between(received, clock.instant()));
            throw e;
        }
        metrics.report(outcome(result.status()), result.status() == IngestResult.Status.PUBLISHED ? result.chunks() : 0,
                Duration.between(received, clock.instant()));
        return result;
    }

    private static IngestMetrics.Outcome outcome(IngestResult.Status status) {
        return switch (status) {
            case PUBLISHED -> IngestMetrics.Outcome.PUBLISHED;
            case DUPLICATE -> IngestMetrics.Outcome.DUPLICATE;
            case NEAR_DUPLICATE -> IngestMetrics.Outcome.NEAR_DUPLICATE;
        };
    }

    private IngestResult ingest(ReportUpload upload, byte[] bytes, String sha256, Instant received) {
        ExtractedText extracted = extractor.extract(upload.fileName(), bytes);
        CleanDocument doc = cleaner.clean(extracted.text(), extracted.paginated());
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
        String contentType = upload.contentType() == null || upload.contentType().startsWith("application/octet-stream")
                ? extracted.contentType() : upload.contentType();
        String reportId = Ids.reportId(text);

        Optional<ReportRecord> earlier = registry.get(reportId);
        if (earlier.isPresent() && earlier.get().status() == ReportRecord.Status.PUBLISHED && !upload.allowDuplicate()) {
            ReportRecord e = earlier.get();
            return new IngestResult(reportId, upload.fileName(), IngestResult.Status.DUPLICATE, 0, e.country(), e.year(),
                    e.title(), "already ingested at " + e.finishedAt() + " from " + e.fileName() + "; nothing published again",
                    reportId, 1.0);
        }
        MinHashSignature signature = hasher.sign(text);
        ReportRecord record = new ReportRecord(reportId, ReportRecord.Status.PUBLISHING, upload.fileName(), contentType,
                sha256, country, year, title, upload.publisher(), extracted.language(), 0, null, null, null, received,
                null, null, hasher.version() + ":" + signature.encode());
        Optional<NearDuplicateIndex.Match> near = registry.nearDuplicateOf(signature, reportId);
        if (near.isPresent() && !upload.allowDuplicate()) {
            NearDuplicateIndex.Match m = near.get();
            ReportRecord dup = new ReportRecord(reportId, ReportRecord.Status.NEAR_DUPLICATE, upload.fileName(),
                    contentType, sha256, country, year, title, upload.publisher(), extracted.language(), 0, m.reportId(),
                    m.similarity(),
                    null, received, clock.instant(), clock.instant().toEpochMilli() - received.toEpochMilli(),
                    hasher.version() + ":" + signature.encode());
            registry.put(dup);
            return new IngestResult(reportId, upload.fileName(), IngestResult.Status.NEAR_DUPLICATE, 0, country, year,
                    title, String.format("near-duplicate of report %s (similarity %.2f); not published - send it with"
                            + " allowDuplicate=true to publish it anyway", m.reportId(), m.similarity()),
                    m.reportId(), m.similarity());
        }

        List<SectionChunk> passages = chunker.chunk(doc, detected.title());
        if (passages.isEmpty()) {
            throw new ReportRejectedException(ReportRejectedException.Reason.NOT_A_REPORT,
                    "the text has headings but no passages under them");
        }
        Source source = new Source(upload.fileName(), sha256, contentType, upload.publisher());
        Instant now = clock.instant();
        List<ChunkMessage> messages = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            SectionChunk p = passages.get(i);
            messages.add(new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, i), i,
                    passages.size(), source, country, year, title, p.sectionPath(), p.headingCategory(), p.text(),
                    p.charStart(), p.charEnd(), p.page(), p.paragraphNumbers(), p.isRecommendation(), now));
        }
        // Recorded before publishing: a crash in between leaves a PUBLISHING record, never a silent half.
        registry.put(record);
        try {
            publisher.publish(reportId, messages);
        } catch (RuntimeException e) {
            try {
                registry.put(record.withStatus(ReportRecord.Status.FAILED, 0, e.getMessage(), clock.instant()));
            } catch (RuntimeException registryDown) {
                e.addSuppressed(registryDown);
            }
            throw e;
        }
        registry.put(record.withStatus(ReportRecord.Status.PUBLISHED, messages.size(), null, clock.instant()));
        return new IngestResult(reportId, upload.fileName(), IngestResult.Status.PUBLISHED, messages.size(),
                country, year, title, messages.size() + " passages published");
    }
}
