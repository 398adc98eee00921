package org.rightstream.query.watch;

import java.util.List;

/**
 * Matching throughput with 10,000 watches over the seed passages. A main, not a test: timings depend on the machine,
 * so no test asserts them. Run as {@link WatchlistEvaluation} (docs/watchlist.md); arguments: watch count, seconds.
 */
public final class WatchlistBenchmark {

    private WatchlistBenchmark() {
    }

    public static void main(String[] args) {
        int watchCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<String> passages = WatchlistEvaluation.seedPassages(WatchlistEvaluation.projectRoot());

        long buildStart = System.nanoTime();
        WatchlistMatcher matcher = WatchlistMatcher.of(GeneratedWatches.of(watchCount, "w"));
        double buildMs = (System.nanoTime() - buildStart) / 1e6;

        run(matcher, passages, seconds / 3); // warm-up: let the JIT compile the matcher
        long chars = passages.stream().mapToLong(String::length).sum();
        double[] result = run(matcher, passages, seconds);
        double passagesPerSecond = result[0] / result[1];
        System.out.printf("watches %d (index built in %.0f ms), passages %d (mean %d chars)%n",
                matcher.watchCount(), buildMs, passages.size(), chars / passages.size());
        System.out.printf("throughput %.0f passages/s, %.1f MB/s of text, mean %.3f ms per passage, %d matches%n",
                passagesPerSecond, passagesPerSecond * chars / passages.size() / 1e6, 1000 / passagesPerSecond,
                (long) result[2]);
    }

    /** Passages matched, seconds taken, matches found. */
    private static double[] run(WatchlistMatcher matcher, List<String> passages, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long done = 0;
        long matches = 0;
        while (System.nanoTime() < deadline) {
            for (String p : passages) {
                matches += matcher.match(p).size();
                done++;
            }
        }
        return new double[] {done, (System.nanoTime() - start) / 1e9, matches};
    }
}
