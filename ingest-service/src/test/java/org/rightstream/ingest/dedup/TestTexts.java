package org.rightstream.ingest.dedup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Seeded synthetic texts for the dedup tests, and the exact shingle Jaccard to check estimates against. */
final class TestTexts {
    private TestTexts() {
    }

    /** A vocabulary of distinct random lower-case pseudo-words from a seeded generator. */
    static List<String> vocabulary(int size, long seed) {
        Random random = new Random(seed);
        Set<String> words = new HashSet<>();
        List<String> out = new ArrayList<>(size);
        while (out.size() < size) {
            int length = 3 + random.nextInt(8);
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < length; i++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            if (words.add(w.toString())) {
                out.add(w.toString());
            }
        }
        return out;
    }

    /** {@code n} words drawn at random from the vocabulary. */
    static List<String> randomWords(List<String> vocabulary, int n, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return out;
    }

    /** The words joined by spaces, with a full stop after every 20th (punctuation does not matter to the hasher). */
    static String text(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                b.append(i % 20 == 0 ? ". " : " ");
            }
            b.append(words.get(i));
        }
        return b.append('.').toString();
    }

    /** Exact Jaccard similarity of the two word lists' {@code w}-word shingle sets. */
    static double jaccard(List<String> a, List<String> b, int w) {
        Set<String> sa = shingles(a, w);
        Set<String> sb = shingles(b, w);
        Set<String> union = new HashSet<>(sa);
        union.addAll(sb);
        sa.retainAll(sb);
        return (double) sa.size() / union.size();
    }

    private static Set<String> shingles(List<String> words, int w) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i + w <= words.size(); i++) {
            s.add(String.join(" ", words.subList(i, i + w)));
        }
        return s;
    }
}
