package org.rightstream.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.ingest.Seeds;
import org.rightstream.ingest.report.ChunkPublisher;
import org.rightstream.ingest.report.PublishFailedException;
import org.rightstream.ingest.report.ReportIngestor;

class DropFolderWatcherTest {
    @TempDir
    Path tmp;

    private Path inbox;
    private final List<List<ChunkMessage>> published = new ArrayList<>();
    private final AtomicBoolean brokerDown = new AtomicBoolean();
    private DropFolderWatcher watcher;

    @BeforeEach
    void setUp() throws IOException {
        inbox = tmp.resolve("inbox");
        watcher = newWatcher();
        watcher.prepare();
    }

    private DropFolderWatcher newWatcher() {
        ChunkPublisher publisher = (reportId, chunks) -> {
            if (brokerDown.get()) {
                throw new PublishFailedException("Kafka did not acknowledge the passages of report " + reportId,
                        new IOException("connection refused"));
            }
            published.add(List.copyOf(chunks));
        };
        ReportIngestor ingestor = ReportIngestor.standard(180, 250, publisher, 1_000_000, Clock.systemUTC());
        return new DropFolderWatcher(inbox, ingestor);
    }

    private Path drop(String name, byte[] content) throws IOException {
        return Files.write(inbox.resolve(name), content);
    }

    private List<String> namesIn(String folder) throws IOException {
        try (Stream<Path> files = Files.list(inbox.resolve(folder))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void prepareCreatesTheWorkingFolders() {
        assertThat(inbox.resolve("processing")).isDirectory();
        assertThat(inbox.resolve("processed")).isDirectory();
        assertThat(inbox.resolve("rejected")).isDirectory();
    }

    @Test
    void fileIsTakenOnlyOnTheSecondScanAfterItsSizeStoppedChangingAndEndsInProcessed() throws IOException {
        byte[] report = Seeds.bytes("000");
        drop("kz-2012.txt", report);

        assertThat(watcher.scan()).isZero();
        assertThat(published).isEmpty();
        assertThat(namesIn("")).containsExactly("kz-2012.txt");

        assertThat(watcher.scan()).isEqualTo(1);

        assertThat(published).hasSize(1);
        assertThat(published.get(0)).isNotEmpty()
                .allSatisfy(c -> assertThat(c.source().fileName()).isEqualTo("kz-2012.txt"));
        assertThat(namesIn("")).isEmpty();
        assertThat(namesIn("processing")).isEmpty();
        assertThat(namesIn("processed")).containsExactly("kz-2012.txt");
        assertThat(inbox.resolve("processed").resolve("kz-2012.txt")).hasBinaryContent(report);
        assertThat(namesIn("rejected")).isEmpty();

        assertThat(watcher.scan()).isZero();
        assertThat(published).hasSize(1);
    }

    @Test
    void fileStillGrowingWaitsUntilItsSizeIsStable() throws IOException {
        byte[] report = Seeds.bytes("003");
        int half = report.length / 2;
        Path file = inbox.resolve("growing.txt");
        Files.write(file, Arrays.copyOfRange(report, 0, half));

        assertThat(watcher.scan()).isZero();
        Files.write(file, Arrays.copyOfRange(report, half, report.length), StandardOpenOption.APPEND);
        assertThat(watcher.scan()).as("size changed since the last scan").isZero();
        assertThat(published).isEmpty();
        assertThat(namesIn("")).containsExactly("growing.txt");

        assertThat(watcher.scan()).isEqualTo(1);
        assertThat(published).hasSize(1);
        assertThat(inbox.resolve("processed").resolve("growing.txt")).hasBinaryContent(report);
    }

    @Test
    void rejectedFileEndsInRejectedWithAReasonFileStartingWithTheReasonCode() throws IOException {
        drop("note.txt", "Just a short note, not a report.".getBytes(StandardCharsets.UTF_8));
        drop("latin1.txt", ("Rapport " + "mot ".repeat(50) + "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));

        watcher.scan();
        assertThat(watcher.scan()).isEqualTo(2);

        assertThat(published).isEmpty();
        assertThat(namesIn("")).isEmpty();
        assertThat(namesIn("processing")).isEmpty();
        assertThat(namesIn("processed")).isEmpty();
        assertThat(namesIn("rejected"))
                .containsExactly("latin1.txt", "latin1.txt.reason.txt", "note.txt", "note.txt.reason.txt");
        assertThat(Files.readString(inbox.resolve("rejected/note.txt.reason.txt"))).startsWith("NOT_A_REPORT: ");
        assertThat(Files.readString(inbox.resolve("rejected/latin1.txt.reason.txt")))
                .startsWith("UNREADABLE: ").contains("UTF-8");
    }

    @Test
    void publishFailureLeavesTheFileInTheInboxForRetry() throws IOException {
        byte[] report = Seeds.bytes("003");
        drop("ngo.txt", report);
        brokerDown.set(true);

        watcher.scan();
        assertThat(watcher.scan()).isZero();

        assertThat(published).isEmpty();
        assertThat(namesIn("")).containsExactly("ngo.txt");
        assertThat(inbox.resolve("ngo.txt")).hasBinaryContent(report);
        assertThat(namesIn("processing")).isEmpty();
        assertThat(namesIn("processed")).isEmpty();
        assertThat(namesIn("rejected")).isEmpty();

        brokerDown.set(false);
        int handled = 0;
        for (int i = 0; i < 2; i++) {
            handled += watcher.scan();
        }

        assertThat(handled).isEqualTo(1);
        assertThat(published).hasSize(1);
        assertThat(namesIn("")).isEmpty();
        assertThat(namesIn("processed")).containsExactly("ngo.txt");
    }

    @Test
    void hiddenFilesAreIgnored() throws IOException {
        drop(".kz-2012.txt.part", Seeds.bytes("000"));
        drop(".DS_Store", new byte[] {0, 1, 2});

        for (int i = 0; i < 3; i++) {
            assertThat(watcher.scan()).isZero();
        }

        assertThat(published).isEmpty();
        try (Stream<Path> files = Files.list(inbox)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(".kz-2012.txt.part", ".DS_Store");
        }
        assertThat(namesIn("rejected")).isEmpty();
        assertThat(namesIn("processed")).isEmpty();
    }

    @Test
    void prepareRequeuesFilesLeftInProcessingByAnEarlierRun() throws IOException {
        byte[] report = Seeds.bytes("002");
        Files.write(inbox.resolve("processing").resolve("interrupted.txt"), report);

        DropFolderWatcher restarted = newWatcher();
        restarted.prepare();

        assertThat(namesIn("processing")).isEmpty();
        assertThat(namesIn("")).containsExactly("interrupted.txt");
        assertThat(inbox.resolve("interrupted.txt")).hasBinaryContent(report);

        restarted.scan();
        assertThat(restarted.scan()).isEqualTo(1);
        assertThat(published).hasSize(1);
        assertThat(namesIn("processed")).containsExactly("interrupted.txt");
    }

    @Test
    void prepareFailsWhenTheInboxIsAFile() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("inbox-file"), "x");

        DropFolderWatcher broken = new DropFolderWatcher(notADirectory,
                ReportIngestor.standard(180, 250, (id, chunks) -> published.add(chunks), 1_000, Clock.systemUTC()));

        assertThatThrownBy(broken::prepare).isInstanceOf(IOException.class);
    }
}
