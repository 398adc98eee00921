package org.rightstream.classify.category;

import java.util.Arrays;
import java.util.Map;

/**
 * Turns term counts into the model's vector: sublinear term frequency (1 + ln tf) times inverse document
 * frequency, scaled to unit length, so a long passage does not score higher than a short one on the same topic.
 * Terms outside the vocabulary are ignored.
 */
final class TermWeighting {
    private final Map<String, Integer> vocabulary;
    private final float[] idf;

    TermWeighting(Map<String, Integer> vocabulary, float[] idf) {
        this.vocabulary = Map.copyOf(vocabulary);
        this.idf = idf.clone();
    }

    Map<String, Integer> vocabulary() {
        return vocabulary;
    }

    float[] idf() {
        return idf.clone();
    }

    int size() {
        return idf.length;
    }

    SparseVector vector(String text) {
        return vector(PassageTerms.count(text));
    }

    SparseVector vector(Map<String, Integer> counts) {
        int[] idx = new int[counts.size()];
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = vocabulary.get(e.getKey());
            if (i != null) {
                idx[n++] = i;
            }
        }
        if (n == 0) {
            return SparseVector.EMPTY;
        }
        idx = Arrays.copyOf(idx, n);
        Arrays.sort(idx);
        float[] val = new float[n];
        double norm = 0;
        // The counts map is keyed by term; look the count up per index through a reverse pass.
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = vocabulary.get(e.getKey());
            if (i != null) {
                int pos = Arrays.binarySearch(idx, i);
                double w = (1 + Math.log(e.getValue())) * idf[i];
                val[pos] = (float) w;
                norm += w * w;
            }
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < n; k++) {
            val[k] *= scale;
        }
        return new SparseVector(idx, val);
    }
}
