package org.rightstream.classify.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightstream.classify.entities.GoldSet.Passage;

/**
 * Prints single-thread throughput on 200-word passages cut from the seed passages. It measures and reports;
 * it asserts nothing about time (tests never assert wall-clock figures). Run it alone for a steadier figure:
 * {@code mvn -o -q -pl classify-service test -Dtest=EntityThroughputTest -Dentities.benchmark.seconds=10}.
 */
class EntityThroughputTest {

    @Test
    void printsPassagesPerSecond() {
        List<String> words = new ArrayList<>();
        for (Passage p : GoldSet.load().passages.values()) {
            words.addAll(Arrays.asList(p.text().split(" ")));
        }
        List<String> passages = new ArrayList<>();
        for (int i = 0; i + 200 <= words.size(); i += 200) {
            passages.add(String.join(" ", words.subList(i, i + 200)));
        }
        assertThat(passages).isNotEmpty();
        double seconds = Double.parseDouble(System.getProperty("entities.benchmark.seconds", "2.5"));
        EntityExtractor extractor = new EntityExtractor();
        long sink = 0;
        long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            for (String p : passages) {
                sink += extractor.extract(p).size();
            }
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < end) {
            for (String p : passages) {
                sink += extractor.extract(p).size();
                count++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double avgChars = passages.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf("%nEntityExtractor throughput: %.0f passages/s (200 words, ~%.0f chars each; %d passages in "
                + "%.2f s, one thread; %d entities)%n", count / elapsed, avgChars, count, elapsed, sink);
        assertThat(sink).isPositive();
    }
}
