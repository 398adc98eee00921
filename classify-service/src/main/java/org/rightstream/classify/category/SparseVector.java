package org.rightstream.classify.category;

import java.util.Arrays;

/** A feature vector: term indices in ascending order with their weights. */
record SparseVector(int[] indices, float[] values) {
    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    int size() {
        return indices.length;
    }

    /** Dot product of two vectors, both sorted by index. */
    double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < indices.length && j < other.indices.length) {
            int a = indices[i];
            int b = other.indices[j];
            if (a == b) {
                sum += values[i++] * (double) other.values[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }
}
