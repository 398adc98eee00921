package org.rightstream.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.Ids;
import org.rightstream.ingest.Seeds;
import org.rightstream.ingest.report.ReportRejectedException.Reason;

class ReportIngestorTest {
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int MAX_BYTES = 200_000;

    /** Records what a publisher was asked to send, in order, without any broker. */
    private static final class RecordingPublisher implements ChunkPublisher {
        final List<String> reportIds = new ArrayList<>();
        final List<List<ChunkMessage>> batches = new ArrayList<>();

        @Override
        public void publish(String reportId, List<ChunkMessage> chunks) {
            reportIds.add(reportId);
            batches.add(List.copyOf(chunks));
        }

        List<ChunkMessage> only() {
            assertThat(batches).hasSize(1);
            return batches.get(0);
        }
    }

    private final RecordingPublisher publisher = new RecordingPublisher();

    private ReportIngestor ingestor(ChunkPublisher p) {
        return ReportIngestor.standard(60, 100, p, MAX_BYTES, CLOCK);
    }

    private static String words(int n) {
        return String.join(" ", IntStream.range(0, n).mapToObj(i -> "word").toList());
    }

    private static ReportRejectedException rejection(ReportIngestor ingestor, ReportUpload upload) {
        Throwable t = catchThrowable(() -> ingestor.ingest(upload));
        assertThat(t).isInstanceOf(ReportRejectedException.class);
        return (ReportRejectedException) t;
    }

    @Test
    void sameTextTwiceGivesTheSameReportIdAndChunkIds() {
        byte[] seed = Seeds.bytes("000");
        RecordingPublisher second = new RecordingPublisher();

        IngestResult first = ingestor(publisher).ingest(ReportUpload.of("a.txt", seed));
        IngestResult again = ingestor(second).ingest(ReportUpload.of("renamed.txt", seed.clone()));

        assertThat(again.reportId()).isEqualTo(first.reportId());
        assertThat(second.only()).extracting(ChunkMessage::chunkId)
                .containsExactlyElementsOf(publisher.only().stream().map(ChunkMessage::chunkId).toList());
        assertThat(first.reportId()).isEqualTo(Ids.reportId(Seeds.cleanedText(seed)));
    }

    @Test
    void reportIdComesFromTheNormalisedTextNotTheBytes() {
        String lf = TextDecoder.decode(Seeds.bytes("003"));
        byte[] crlfWithBom = ("\uFEFF" + lf.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        RecordingPublisher other = new RecordingPublisher();

        IngestResult a = ingestor(publisher).ingest(ReportUpload.of("lf.txt", lf.getBytes(StandardCharsets.UTF_8)));
        IngestResult b = ingestor(other).ingest(ReportUpload.of("crlf.txt", crlfWithBom));

        assertThat(b.reportId()).isEqualTo(a.reportId());
        // the source still identifies the exact file that was sent
        assertThat(other.only().get(0).source().sha256()).isEqualTo(Ids.sha256Hex(crlfWithBom))
                .isNotEqualTo(publisher.only().get(0).source().sha256());
    }

    @Test
    void differentReportsGetDifferentIds() {
        IngestResult a = ingestor(publisher).ingest(ReportUpload.of("a.txt", Seeds.bytes("000")));
        IngestResult b = ingestor(publisher).ingest(ReportUpload.of("b.txt", Seeds.bytes("002")));

        assertThat(a.reportId()).isNotEqualTo(b.reportId());
    }

    @Test
    void chunksAreNumberedInOrderAndEachIsAValidMessage() {
        byte[] seed = Seeds.bytes("002");
        String text = Seeds.cleanedText(seed);

        IngestResult result = ingestor(publisher).ingest(new ReportUpload("kz-2021.txt", seed, "text/plain; charset=utf-8",
                null, null, null, "US Department of State"));

        List<ChunkMessage> chunks = publisher.only();
        int n = chunks.size();
        assertThat(n).isGreaterThan(1);
        assertThat(publisher.reportIds).containsExactly(result.reportId());
        assertThat(result.chunks()).isEqualTo(n);
        assertThat(result.status()).isEqualTo(IngestResult.Status.PUBLISHED);
        assertThat(result.fileName()).isEqualTo("kz-2021.txt");
        assertThat(chunks).extracting(ChunkMessage::ordinal).containsExactlyElementsOf(IntStream.range(0, n).boxed().toList());
        for (ChunkMessage c : chunks) {
            assertThatCode(c::validate).doesNotThrowAnyException();
            assertThat(c.schemaVersion()).isEqualTo(ChunkMessage.SCHEMA_VERSION);
            assertThat(c.reportId()).isEqualTo(result.reportId());
            assertThat(c.chunkId()).isEqualTo(Ids.chunkId(result.reportId(), c.ordinal()));
            assertThat(c.totalChunks()).isEqualTo(n);
            assertThat(text.substring(c.charStart(), c.charEnd())).isEqualTo(c.text());
            assertThat(c.ingestedAt()).isEqualTo(NOW);
            assertThat(c.source().fileName()).isEqualTo("kz-2021.txt");
            assertThat(c.source().sha256()).isEqualTo(Ids.sha256Hex(seed));
            assertThat(c.source().contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(c.source().publisher()).isEqualTo("US Department of State");
            assertThat(c.country()).isEqualTo("Kazakhstan");
            assertThat(c.year()).isEqualTo(2021);
            assertThat(c.title()).isEqualTo("KAZAKHSTAN 2021 HUMAN RIGHTS REPORT");
        }
        // chunk ids sort in reading order
        assertThat(chunks).extracting(ChunkMessage::chunkId).isSorted();
    }

    @Test
    void missingContentTypeIsRecordedAsPlainText() {
        ingestor(publisher).ingest(ReportUpload.of("r.txt", Seeds.bytes("003")));

        assertThat(publisher.only()).allSatisfy(c -> assertThat(c.source().contentType()).isEqualTo("text/plain"));
    }

    @Test
    void givenMetadataOverridesDetectedMetadata() {
        ReportUpload upload = new ReportUpload("r.txt", Seeds.bytes("000"), null,
                "Uzbekistan", 1999, "Given title", "Some NGO");

        IngestResult result = ingestor(publisher).ingest(upload);

        assertThat(result.country()).isEqualTo("Uzbekistan");
        assertThat(result.year()).isEqualTo(1999);
        assertThat(result.title()).isEqualTo("Given title");
        assertThat(publisher.only()).allSatisfy(c -> {
            assertThat(c.country()).isEqualTo("Uzbekistan");
            assertThat(c.year()).isEqualTo(1999);
            assertThat(c.title()).isEqualTo("Given title");
            assertThat(c.source().publisher()).isEqualTo("Some NGO");
        });
    }

    @Test
    void metadataNotGivenIsDetectedPerField() {
        ReportUpload upload = new ReportUpload("r.txt", Seeds.bytes("000"), null, null, 2013, null, null);

        IngestResult result = ingestor(publisher).ingest(upload);

        assertThat(result.country()).isEqualTo("Kazakhstan");
        assertThat(result.year()).isEqualTo(2013);
        assertThat(result.title()).isEqualTo("KAZAKHSTAN 2012 HUMAN RIGHTS REPORT");
    }

    @Test
    void reportThatStatesNoCountryOrYearIsPublishedWithoutThem() {
        IngestResult result = ingestor(publisher).ingest(ReportUpload.of("ngo.txt", Seeds.bytes("003")));

        assertThat(result.country()).isNull();
        assertThat(result.year()).isNull();
        assertThat(publisher.only()).allSatisfy(c -> {
            assertThat(c.country()).isNull();
            assertThat(c.year()).isNull();
        });
    }

    @Test
    void emptyFileIsRejectedAsEmpty() {
        assertThat(rejection(ingestor(publisher), ReportUpload.of("e.txt", new byte[0])).reason()).isEqualTo(Reason.EMPTY);
        assertThat(rejection(ingestor(publisher), ReportUpload.of("e.txt", null)).reason()).isEqualTo(Reason.EMPTY);
        assertThat(publisher.batches).isEmpty();
    }

    @Test
    void fileOverMaxBytesIsRejectedAsTooLargeButExactlyMaxBytesIsAccepted() {
        byte[] seed = Seeds.bytes("003");
        int limit = seed.length;
        ReportIngestor small = ReportIngestor.standard(60, 100, publisher, limit, CLOCK);
        byte[] oneMore = (new String(seed, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);

        ReportRejectedException e = rejection(small, ReportUpload.of("big.txt", oneMore));

        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains(String.valueOf(limit));
        assertThat(publisher.batches).isEmpty();
        assertThat(small.ingest(ReportUpload.of("exact.txt", seed)).chunks()).isPositive();
    }

    @Test
    void invalidUtf8IsRejectedAsUnreadable() {
        byte[] latin1 = ("Le rapport " + words(40) + " caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);

        ReportRejectedException e = rejection(ingestor(publisher), ReportUpload.of("latin1.txt", latin1));

        assertThat(e.reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(publisher.batches).isEmpty();
    }

    @Test
    void binaryFileIsRejectedAsUnsupportedType() {
        byte[] bytes = (words(40) + "\0\0\0").getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(ingestor(publisher), ReportUpload.of("x.bin", bytes)).reason())
                .isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(publisher.batches).isEmpty();
    }

    @Test
    void textOfFewerThanThirtyWordsIsNotAReport() {
        // numbers, punctuation and one-letter tokens are not words
        String note = words(29) + " 1 2 3 4 5 6 7 8 9 10 a b c d e f - -- ... 2024";

        ReportRejectedException e = rejection(ingestor(publisher), ReportUpload.of("note.txt", note.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.reason()).isEqualTo(Reason.NOT_A_REPORT);
        assertThat(e.getMessage()).contains("29");
        assertThat(publisher.batches).isEmpty();
    }

    @Test
    void textOfExactlyThirtyWordsIsAccepted() {
        IngestResult result = ingestor(publisher).ingest(ReportUpload.of("short.txt", words(30).getBytes(StandardCharsets.UTF_8)));

        assertThat(result.chunks()).isEqualTo(1);
        assertThat(publisher.only()).singleElement().satisfies(c -> assertThat(c.text()).isEqualTo(words(30)));
    }

    @Test
    void whitespaceOnlyFileIsNotAReport() {
        ReportRejectedException e = rejection(ingestor(publisher),
                ReportUpload.of("blank.txt", " \r\n\t\n ".getBytes(StandardCharsets.UTF_8)));

        assertThat(e.reason()).isIn(Reason.EMPTY, Reason.NOT_A_REPORT);
        assertThat(publisher.batches).isEmpty();
    }

    @Test
    void publishFailurePropagatesAndNothingClaimsSuccess() {
        PublishFailedException failure = new PublishFailedException("broker down", new RuntimeException("timeout"));
        List<String> attempted = new ArrayList<>();
        ChunkPublisher failing = (reportId, chunks) -> {
            attempted.add(reportId);
            throw failure;
        };

        assertThatThrownBy(() -> ingestor(failing).ingest(ReportUpload.of("r.txt", Seeds.bytes("000"))))
                .isSameAs(failure);
        assertThat(attempted).hasSize(1);
    }
}
