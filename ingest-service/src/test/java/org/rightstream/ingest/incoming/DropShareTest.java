package org.rightstream.ingest.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightstream.ingest.incoming.InvalidIncomingReportException.Problem;

class DropShareTest {
    static final int LIMIT = 1000;

    @TempDir
    Path tmp;
    Path inbox;
    Path outside;
    DropShare share;

    @BeforeEach
    void setUp() throws IOException {
        inbox = Files.createDirectories(tmp.resolve("inbox"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret", StandardCharsets.UTF_8);
        Files.createDirectories(inbox.resolve("refs/2024"));
        Files.writeString(inbox.resolve("refs/2024/report.txt"), "report text", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("top.txt"), "top", StandardCharsets.UTF_8);
        share = new DropShare(inbox, LIMIT);
    }

    private static Problem problem(Runnable r) {
        try {
            r.run();
        } catch (InvalidIncomingReportException e) {
            return e.problem();
        }
        throw new AssertionError("no InvalidIncomingReportException");
    }

    @Test
    void readsFilesInsideTheFolderAndItsSubfolders() {
        assertThat(share.read("refs/2024/report.txt")).asString(StandardCharsets.UTF_8).isEqualTo("report text");
        assertThat(share.read("top.txt")).asString(StandardCharsets.UTF_8).isEqualTo("top");
        assertThat(share.read("./refs/2024/report.txt")).isNotEmpty();
        assertThat(share.resolve("refs//2024/./report.txt")).isEqualTo(share.resolve("refs/2024/report.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..", "../outside/secret.txt", "refs/../../outside/secret.txt",
            "refs/2024/../../../outside/secret.txt", "..\\outside\\secret.txt", "refs/..", "/etc/passwd",
            "\\\\server\\share\\x.pdf", "C:\\Windows\\win.ini", "c:/x.pdf"})
    void refusesAbsolutePathsAndDotDotEscapesSayingDropFolder(String reference) {
        assertThatThrownBy(() -> share.read(reference))
                .isInstanceOf(InvalidIncomingReportException.class)
                .hasMessageContaining("drop folder")
                .satisfies(e -> assertThat(((InvalidIncomingReportException) e).problem()).isEqualTo(Problem.OUTSIDE_DROP_FOLDER));
    }

    @Test
    void refusesAnAbsolutePathEvenWhenItPointsIntoTheFolder() {
        String absolute = inbox.resolve("top.txt").toAbsolutePath().toString();

        assertThat(problem(() -> share.read(absolute))).isEqualTo(Problem.OUTSIDE_DROP_FOLDER);
    }

    @Test
    void refusesSymlinksThatLeadOutOfTheFolder() throws IOException {
        Files.createSymbolicLink(inbox.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(inbox.resolve("refs/out"), outside);

        assertThatThrownBy(() -> share.read("link.txt")).isInstanceOf(InvalidIncomingReportException.class)
                .hasMessageContaining("link").hasMessageContaining("drop folder");
        assertThat(problem(() -> share.read("refs/out/secret.txt"))).isEqualTo(Problem.OUTSIDE_DROP_FOLDER);
    }

    @Test
    void followsSymlinksThatStayInsideTheFolder() throws IOException {
        Files.createSymbolicLink(inbox.resolve("latest.txt"), inbox.resolve("refs/2024/report.txt"));

        assertThat(share.read("latest.txt")).asString(StandardCharsets.UTF_8).isEqualTo("report text");
    }

    @Test
    void worksWhenTheFolderItselfIsReachedThroughASymlink() throws IOException {
        Path linkToInbox = Files.createSymbolicLink(tmp.resolve("inbox-link"), inbox);

        assertThat(new DropShare(linkToInbox, LIMIT).read("top.txt")).asString(StandardCharsets.UTF_8).isEqualTo("top");
    }

    @Test
    void refusesMissingFilesDirectoriesEmptyNamesAndControlCharacters() {
        assertThatThrownBy(() -> share.read("refs/nope.pdf")).isInstanceOf(InvalidIncomingReportException.class)
                .hasMessageContaining("no file 'refs/nope.pdf' in the drop folder");
        assertThat(problem(() -> share.read("top.txt/below"))).isEqualTo(Problem.FILE_NOT_FOUND);
        assertThat(problem(() -> share.read("refs/2024"))).isEqualTo(Problem.NOT_A_FILE);
        assertThat(problem(() -> share.read("."))).isEqualTo(Problem.NOT_A_FILE);
        assertThat(problem(() -> share.read(" "))).isEqualTo(Problem.INVALID_REFERENCE);
        assertThat(problem(() -> share.read(null))).isEqualTo(Problem.INVALID_REFERENCE);
        assertThat(problem(() -> share.read("top.txt\0.pdf"))).isEqualTo(Problem.INVALID_REFERENCE);
    }

    @Test
    void refusesFilesOverTheLimitAndAcceptsOneAtTheLimit() throws IOException {
        Files.write(inbox.resolve("big.txt"), new byte[LIMIT + 1]);
        Files.write(inbox.resolve("exact.txt"), new byte[LIMIT]);

        assertThatThrownBy(() -> share.read("big.txt")).isInstanceOf(InvalidIncomingReportException.class)
                .hasMessageContaining(String.valueOf(LIMIT + 1)).hasMessageContaining("limit is " + LIMIT)
                .satisfies(e -> assertThat(((InvalidIncomingReportException) e).reasonName()).isEqualTo("TOO_LARGE"));
        assertThat(share.read("exact.txt")).hasSize(LIMIT);
    }

    @Test
    void aMissingDropFolderIsReportedAsSuch() {
        DropShare none = new DropShare(tmp.resolve("no-such-inbox"), LIMIT);

        assertThatThrownBy(() -> none.read("x.txt")).isInstanceOf(InvalidIncomingReportException.class)
                .hasMessageContaining("drop folder").hasMessageContaining("does not exist");
    }
}
