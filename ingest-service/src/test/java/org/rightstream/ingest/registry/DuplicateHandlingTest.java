package org.rightstream.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.ingest.Seeds;
import org.rightstream.ingest.report.ChunkPublisher;
import org.rightstream.ingest.report.IngestResult;
import org.rightstream.ingest.report.PublishFailedException;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportUpload;

/** Duplicates and the registry's record of every outcome, through the real ingestor logic. */
class DuplicateHandlingTest {
    private final List<List<ChunkMessage>> published = new ArrayList<>();
    private final InMemoryReportRegistry registry = new InMemoryReportRegistry();
    private boolean kafkaDown;
    private final ChunkPublisher publisher = (id, chunks) -> {
        if (kafkaDown) {
            throw new PublishFailedException("broker unreachable", null);
        }
        published.add(chunks);
    };
    private final ReportIngestor ingestor = ReportIngestor.standard(180, 250, publisher, registry, 20_000_000,
            Clock.systemUTC());

    @Test
    void theSameReportAgainIsANoOpThatSaysSo() {
        IngestResult first = ingestor.ingest(ReportUpload.of("kz-2012.txt", Seeds.bytes("000")));
        IngestResult again = ingestor.ingest(ReportUpload.of("copy.txt", Seeds.bytes("000")));
        assertThat(first.status()).isEqualTo(IngestResult.Status.PUBLISHED);
        assertThat(again.status()).isEqualTo(IngestResult.Status.DUPLICATE);
        assertThat(again.chunks()).isZero();
        assertThat(again.message()).contains("already ingested").contains("kz-2012.txt");
        assertThat(published).hasSize(1);
        assertThat(registry.get(first.reportId()).orElseThrow().status()).isEqualTo(ReportRecord.Status.PUBLISHED);
        assertThat(registry.get(first.reportId()).orElseThrow().chunks()).isEqualTo(first.chunks());
    }

    @Test
    void theSameSubmissionInAnotherFormatIsANearDuplicateUnlessAllowed() {
        IngestResult text = ingestor.ingest(ReportUpload.of("submission.txt", Seeds.bytes("003")));
        IngestResult markdown = ingestor.ingest(ReportUpload.of("submission.md", Seeds.bytes("004")));
        assertThat(markdown.status()).isEqualTo(IngestResult.Status.NEAR_DUPLICATE);
        assertThat(markdown.duplicateOf()).isEqualTo(text.reportId());
        assertThat(markdown.similarity()).isGreaterThanOrEqualTo(0.8);
        assertThat(published).hasSize(1);
        ReportRecord record = registry.get(markdown.reportId()).orElseThrow();
        assertThat(record.status()).isEqualTo(ReportRecord.Status.NEAR_DUPLICATE);
        assertThat(record.duplicateOf()).isEqualTo(text.reportId());

        IngestResult forced = ingestor.ingest(new ReportUpload("submission.md", Seeds.bytes("004"), null, null, null,
                null, null, true));
        assertThat(forced.status()).isEqualTo(IngestResult.Status.PUBLISHED);
        assertThat(published).hasSize(2);
    }

    @Test
    void reportsOfTheSameCountryInOtherYearsAreNotDuplicates() {
        for (String seed : List.of("000", "001", "002", "003")) {
            assertThat(ingestor.ingest(ReportUpload.of(seed + ".txt", Seeds.bytes(seed))).status())
                    .as(seed).isEqualTo(IngestResult.Status.PUBLISHED);
        }
        assertThat(registry.list()).hasSize(4);
    }

    @Test
    void aFailedPublishIsRecordedAndASecondTryPublishes() {
        kafkaDown = true;
        assertThatThrownBy(() -> ingestor.ingest(ReportUpload.of("kz.txt", Seeds.bytes("001"))))
                .isInstanceOf(PublishFailedException.class);
        ReportRecord failed = registry.list().get(0);
        assertThat(failed.status()).isEqualTo(ReportRecord.Status.FAILED);
        assertThat(failed.error()).contains("broker unreachable");

        kafkaDown = false;
        IngestResult retried = ingestor.ingest(ReportUpload.of("kz.txt", Seeds.bytes("001")));
        assertThat(retried.status()).isEqualTo(IngestResult.Status.PUBLISHED);
        assertThat(registry.get(retried.reportId()).orElseThrow().status()).isEqualTo(ReportRecord.Status.PUBLISHED);
    }

    @Test
    void aRejectedFileIsRecordedWithItsReason() {
        assertThatThrownBy(() -> ingestor.ingest(ReportUpload.of("empty.txt", new byte[0])))
                .isInstanceOf(ReportRejectedException.class);
        ReportRecord rejected = registry.list().get(0);
        assertThat(rejected.status()).isEqualTo(ReportRecord.Status.REJECTED);
        assertThat(rejected.id()).startsWith("file-");
        assertThat(rejected.error()).startsWith("EMPTY");
        assertThat(rejected.fileName()).isEqualTo("empty.txt");
    }
}
