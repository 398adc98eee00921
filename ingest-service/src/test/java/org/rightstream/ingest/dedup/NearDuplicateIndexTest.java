package org.rightstream.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rightstream.ingest.dedup.NearDuplicateIndex.Match;

class NearDuplicateIndexTest {

    private static MinHashSignature random(Random random) {
        return new MinHashSignature(random.ints(128).toArray());
    }

    /** A copy of the signature with {@code changed} slots (chosen at random) set to new values. */
    private static MinHashSignature mutate(MinHashSignature sig, int changed, Random random) {
        int[] h = sig.hashes();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < h.length; i++) {
            slots.add(i);
        }
        java.util.Collections.shuffle(slots, random);
        for (int i = 0; i < changed; i++) {
            h[slots.get(i)] ^= 1 + random.nextInt(Integer.MAX_VALUE);
        }
        return new MinHashSignature(h);
    }

    @Test
    void findsTheMostSimilarAboveTheThresholdAndExcludesTheQueryItself() {
        Random random = new Random(1);
        NearDuplicateIndex index = new NearDuplicateIndex();
        MinHashSignature base = random(random);
        index.add("base", base);
        index.add("close", mutate(base, 6, random));   // 122/128 = 0.953
        index.add("fair", mutate(base, 20, random));   // 108/128 = 0.844
        index.add("far", mutate(base, 40, random));    // 88/128 = 0.688
        index.add("other", random(random));
        assertThat(index.size()).isEqualTo(5);

        assertThat(index.findMostSimilar(base, null)).contains(new Match("base", 1.0));
        assertThat(index.findMostSimilar(base, "base")).contains(new Match("close", 122 / 128.0));

        index.remove("close");
        assertThat(index.findMostSimilar(base, "base")).contains(new Match("fair", 108 / 128.0));
        index.remove("fair");
        assertThat(index.findMostSimilar(base, "base")).isEmpty();
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.contains("far")).isTrue();
        assertThat(index.contains("fair")).isFalse();
    }

    @Test
    void theThresholdIsInclusive() {
        Random random = new Random(2);
        MinHashSignature base = random(random);
        NearDuplicateIndex index = new NearDuplicateIndex(32, 0.75);
        MinHashSignature threeQuarters = mutate(base, 32, random); // 96/128 = 0.75
        index.add("exactly", threeQuarters);
        assertThat(index.findMostSimilar(base, null)).contains(new Match("exactly", 0.75));
        NearDuplicateIndex stricter = new NearDuplicateIndex(32, 0.76);
        stricter.add("exactly", threeQuarters);
        assertThat(stricter.findMostSimilar(base, null)).isEmpty();
    }

    @Test
    void tiesGoToTheSmallerReportId() {
        MinHashSignature sig = random(new Random(3));
        NearDuplicateIndex index = new NearDuplicateIndex();
        index.add("b", sig);
        index.add("c", sig);
        index.add("a", sig);
        assertThat(index.findMostSimilar(sig, null)).contains(new Match("a", 1.0));
        assertThat(index.findMostSimilar(sig, "a")).contains(new Match("b", 1.0));
    }

    @Test
    void addingAnIndexedReportAgainReplacesItsSignature() {
        Random random = new Random(4);
        MinHashSignature first = random(random);
        MinHashSignature second = random(random);
        NearDuplicateIndex index = new NearDuplicateIndex();
        index.add("r", first);
        index.add("r", second);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.findMostSimilar(first, null)).isEmpty();
        assertThat(index.findMostSimilar(second, null)).contains(new Match("r", 1.0));
        index.remove("r");
        index.remove("r");
        index.remove("never-added");
        assertThat(index.size()).isZero();
        assertThat(index.findMostSimilar(second, null)).isEmpty();
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertThat(new NearDuplicateIndex().findMostSimilar(random(new Random(5)), null)).isEmpty();
    }

    @Test
    void rejectsSignaturesOfAnotherShape() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        assertThatThrownBy(() -> index.add("x", new MinHashSignature(new int[100])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bands");
        index.add("ok", random(new Random(6)));
        assertThatThrownBy(() -> index.add("y", new MinHashSignature(new int[64])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.findMostSimilar(new MinHashSignature(new int[64]), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicateIndex(0, 0.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicateIndex(32, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicateIndex(32, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twentyThousandSignatures() {
        Random random = new Random(7);
        NearDuplicateIndex index = new NearDuplicateIndex();
        List<MinHashSignature> sigs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            MinHashSignature sig = random(random);
            sigs.add(sig);
            index.add("report-" + i, sig);
        }
        assertThat(index.size()).isEqualTo(20_000);

        assertThat(index.findMostSimilar(sigs.get(12_345), null)).contains(new Match("report-12345", 1.0));
        assertThat(index.findMostSimilar(mutate(sigs.get(777), 20, random), null))
                .contains(new Match("report-777", 108 / 128.0));
        assertThat(index.findMostSimilar(random(random), null)).isEmpty();
        assertThat(index.findMostSimilar(mutate(sigs.get(777), 40, random), null)).isEmpty();
    }

    /**
     * With 32 bands of 4 rows and threshold 0.8, a signature at or above the threshold differs in at
     * most 25 slots, so at least 7 bands are untouched and it is always a candidate: the index must
     * then give exactly what a full scan gives. Random adds, replacements and removals check that the
     * band tables stay consistent (bucket chains, backward-shift deletion, growth, slot reuse).
     */
    @Test
    void agreesWithAFullScanUnderRandomChurn() {
        Random random = new Random(8);
        NearDuplicateIndex index = new NearDuplicateIndex();
        Map<String, MinHashSignature> model = new HashMap<>();
        List<MinHashSignature> families = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            families.add(random(random));
        }
        int found = 0;
        int empty = 0;
        for (int step = 0; step < 6000; step++) {
            String id = "r" + random.nextInt(1500);
            MinHashSignature family = families.get(random.nextInt(families.size()));
            int op = random.nextInt(10);
            if (op < 6) {
                MinHashSignature sig = mutate(family, random.nextInt(3) == 0 ? 0 : random.nextInt(40), random);
                index.add(id, sig);
                model.put(id, sig);
            } else if (op < 8) {
                index.remove(id);
                model.remove(id);
            } else {
                MinHashSignature query = mutate(family, random.nextInt(30), random);
                String exclude = random.nextBoolean() ? id : null;
                Optional<Match> match = index.findMostSimilar(query, exclude);
                assertThat(match).isEqualTo(fullScan(model, query, exclude, 0.8));
                if (match.isPresent()) {
                    found++;
                } else {
                    empty++;
                }
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        System.out.printf("churn: %d queries matched, %d did not, %d reports left%n", found, empty, model.size());
        assertThat(found).isGreaterThan(100);
        assertThat(empty).isGreaterThan(100);
        for (Map.Entry<String, MinHashSignature> e : model.entrySet()) {
            assertThat(index.findMostSimilar(e.getValue(), null)).get().extracting(Match::similarity).isEqualTo(1.0);
        }
        for (String id : new ArrayList<>(model.keySet())) {
            index.remove(id);
        }
        assertThat(index.size()).isZero();
        for (MinHashSignature family : families) {
            assertThat(index.findMostSimilar(family, null)).isEmpty();
        }
    }

    private static Optional<Match> fullScan(Map<String, MinHashSignature> model, MinHashSignature query,
            String exclude, double threshold) {
        Match best = null;
        for (Map.Entry<String, MinHashSignature> e : model.entrySet()) {
            double s = query.similarity(e.getValue());
            if (e.getKey().equals(exclude) || s < threshold) {
                continue;
            }
            if (best == null || s > best.similarity()
                    || s == best.similarity() && e.getKey().compareTo(best.reportId()) < 0) {
                best = new Match(e.getKey(), s);
            }
        }
        return Optional.ofNullable(best);
    }

    @Test
    void concurrentAddsRemovesAndQueriesKeepTheIndexConsistent() throws Exception {
        NearDuplicateIndex index = new NearDuplicateIndex();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(100 + thread);
                    for (int i = 0; i < 2000; i++) {
                        MinHashSignature sig = random(random);
                        String id = "t" + thread + "-" + i;
                        index.add(id, sig);
                        assertThat(index.findMostSimilar(sig, null)).contains(new Match(id, 1.0));
                        if (i % 4 == 0) {
                            index.remove(id);
                            assertThat(index.findMostSimilar(sig, null)).isEmpty();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(8 * 1500);
    }
}
