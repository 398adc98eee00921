package org.rightstream.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain parts of ./rightstream bench: the corpus copies, the /proc readings and the percentiles. */
class PipelineBenchmarkPartsTest {

    @Test
    void corpusCopiesAreDistinctReportsInWholeRoundsOfTheTextFilesOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Report A. ".repeat(100));    // 1,000 bytes
        Files.writeString(dir.resolve("b.md"), "# Report B\n".repeat(50));       // 550 bytes
        Files.write(dir.resolve("c.pdf"), new byte[] {'%', 'P', 'D', 'F'});
        Files.writeString(dir.resolve("empty.txt"), "");

        BenchCorpus corpus = BenchCorpus.of(dir);

        assertThat(corpus.sources()).extracting(BenchCorpus.Source::name).containsExactly("a.txt", "b.md");
        assertThat(corpus.leftOut()).containsExactlyInAnyOrder("c.pdf", "empty.txt");
        assertThat(corpus.bytesPerRound()).isEqualTo(1_550);
        assertThat(corpus.copiesFor(1)).isEqualTo(2);
        assertThat(corpus.copiesFor(1_550)).isEqualTo(2);
        assertThat(corpus.copiesFor(1_551)).isEqualTo(4);

        Set<String> contents = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            BenchCorpus.Copy copy = corpus.copy("run1", i);
            String text = new String(copy.content(), StandardCharsets.UTF_8);
            assertThat(copy.source()).isEqualTo(i % 2);
            assertThat(text).endsWith(new String(corpus.sources().get(i % 2).text(), StandardCharsets.UTF_8));
            assertThat(copy.name()).endsWith(i % 2 == 0 ? ".txt" : ".md");
            contents.add(text);
        }
        assertThat(contents).as("every copy is a report of its own").hasSize(6);
    }

    @Test
    void aFolderWithoutTextReportsIsRefusedSayingWhy(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("only.pdf"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> BenchCorpus.of(dir)).isInstanceOf(LaunchException.class)
                .hasMessageContaining("no non-empty .txt or .md");
    }

    @Test
    void cpuTimeAndResidentMemoryAreReadFromProc() {
        // A command name with spaces and parentheses must not shift the fields.
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 5000 0 3 0 1234 567 0 0 20 0 40 0 100 0";
        assertThat(StackSampler.cpuTicks(stat)).isEqualTo(1234 + 567);
        assertThat(StackSampler.rssBytes("Name:\tjava\nVmPeak:\t 999 kB\nVmRSS:\t  204800 kB\nThreads: 40\n"))
                .isEqualTo(204_800L * 1024);
        assertThat(StackSampler.rssBytes("Name:\tkthread\n")).isZero();
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0,
                11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0);
        assertThat(PipelineBenchmark.percentile(sorted, 50)).isEqualTo(10.0);
        assertThat(PipelineBenchmark.percentile(sorted, 95)).isEqualTo(19.0);
        assertThat(PipelineBenchmark.percentile(List.of(0.7), 95)).isEqualTo(0.7);
        assertThat(PipelineBenchmark.latencies(List.of(2.0, 1.0))).isEqualTo("p50 1.00 s, p95 2.00 s, max 2.00 s (2 reports)");
        assertThat(PipelineBenchmark.latencies(List.of())).isEqualTo("no reports timed");
    }
}
