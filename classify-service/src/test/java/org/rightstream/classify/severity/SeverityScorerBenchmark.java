package org.rightstream.classify.severity;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Single-thread throughput of {@link SeverityScorer} on 200-word passages cut from the seed reports. A separate
 * command that prints figures (tests never assert wall-clock times):
 *
 * <pre>
 * cd classify-service &amp;&amp; mvn -o -q test-compile &amp;&amp; java -cp target/classes:target/test-classes:$(ls
 *   ~/.m2/repository/org/rightstream/contracts/*&#47;contracts-*.jar) \
 *   org.rightstream.classify.severity.SeverityScorerBenchmark ../seeds 10000
 * </pre>
 */
public final class SeverityScorerBenchmark {
    /** Passages scored, elapsed wall and CPU seconds of the measuring thread, and the rates. */
    public record Result(long passages, double wallSeconds, double cpuSeconds) {
        public double perSecond() {
            return passages / wallSeconds;
        }

        public double perCpuSecond() {
            return cpuSeconds > 0 ? passages / cpuSeconds : perSecond();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%d passages of 200 words in %.2f s on one thread: %.0f passages/s (%.0f per CPU second, %.1f us each)",
                    passages, wallSeconds, perSecond(), perCpuSecond(), 1e6 * wallSeconds / passages);
        }
    }

    private SeverityScorerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path seeds = Path.of(args.length > 0 ? args[0] : "seeds");
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 10_000;
        List<String> passages = twoHundredWordPassages(seeds);
        System.out.println(passages.size() + " distinct passages of 200 words from " + seeds.toAbsolutePath());
        System.out.println("warm-up:  " + measure(passages, 0, Math.max(1_000, millis / 3)));
        System.out.println("measured: " + measure(passages, 0, millis));
    }

    /** All seed files, as consecutive 200-word windows (whitespace normalised to single spaces). */
    public static List<String> twoHundredWordPassages(Path seeds) throws IOException {
        List<String> words = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                words.addAll(Arrays.asList(Files.readString(f).strip().split("\\s+")));
            }
        }
        List<String> passages = new ArrayList<>();
        for (int i = 0; i + 200 <= words.size(); i += 200) {
            passages.add(String.join(" ", words.subList(i, i + 200)));
        }
        return passages;
    }

    /** Scores the passages round-robin for warmupMillis (discarded), then for measureMillis. */
    public static Result measure(List<String> passages, long warmupMillis, long measureMillis) {
        SeverityScorer scorer = new SeverityScorer();
        long sink = run(scorer, passages, warmupMillis)[0];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        long cpu0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        long[] r = run(scorer, passages, measureMillis);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = cpu ? (threads.getCurrentThreadCpuTime() - cpu0) / 1e9 : 0;
        if (sink + r[1] == 42) {
            System.out.print(""); // keep the results alive
        }
        return new Result(r[0], wall, cpuSeconds);
    }

    private static long[] run(SeverityScorer scorer, List<String> passages, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long n = 0;
        long levels = 0;
        while (System.nanoTime() < end) {
            for (String p : passages) {
                levels += scorer.score(p, false).level();
                n++;
            }
        }
        return new long[] {n, levels};
    }
}
