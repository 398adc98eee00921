package org.rightstream.ingest.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * The MinHash signature of a text: slot {@code i} holds the minimum, over all the text's shingles, of
 * the {@code i}-th hash permutation (see {@link MinHasher}). The fraction of slots two signatures share
 * is an unbiased estimate of the Jaccard similarity of their shingle sets.
 *
 * <p>Immutable: the array is copied in and out. Equality is by array content. Signatures are only
 * comparable when made by the same {@link MinHasher} configuration ({@link MinHasher#version()});
 * persist that version next to {@link #encode()}.
 */
public record MinHashSignature(int[] hashes) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public MinHashSignature {
        if (hashes == null || hashes.length == 0) {
            throw new IllegalArgumentException("a signature needs at least one hash");
        }
        hashes = hashes.clone();
    }

    /** A copy of the minimum hashes. */
    @Override
    public int[] hashes() {
        return hashes.clone();
    }

    /** Number of hash slots (k). */
    public int length() {
        return hashes.length;
    }

    /** Slot {@code i}, without copying the array. */
    public int hash(int i) {
        return hashes[i];
    }

    /**
     * Estimated Jaccard similarity: the fraction of slots holding the same minimum, in [0, 1].
     *
     * @throws IllegalArgumentException if the signatures have different lengths (different hashers)
     */
    public double similarity(MinHashSignature other) {
        if (other.hashes.length != hashes.length) {
            throw new IllegalArgumentException("signatures of different lengths (" + hashes.length + " and "
                    + other.hashes.length + ") come from different hashers and cannot be compared");
        }
        return (double) equalSlots(hashes, 0, other.hashes, 0, hashes.length) / hashes.length;
    }

    static int equalSlots(int[] a, int aFrom, int[] b, int bFrom, int length) {
        int equal = 0;
        for (int i = 0; i < length; i++) {
            if (a[aFrom + i] == b[bFrom + i]) {
                equal++;
            }
        }
        return equal;
    }

    /** The raw array, for package code that promises not to modify it. */
    int[] array() {
        return hashes;
    }

    /**
     * The hashes as big-endian 32-bit integers in URL-safe Base64 without padding (683 characters
     * for 128 hashes); safe in JSON, URLs and keyword fields.
     */
    public String encode() {
        ByteBuffer bytes = ByteBuffer.allocate(hashes.length * Integer.BYTES);
        bytes.asIntBuffer().put(hashes);
        return ENCODER.encodeToString(bytes.array());
    }

    /**
     * The inverse of {@link #encode()}.
     *
     * @throws IllegalArgumentException if the text is not Base64 of a whole, non-zero number of ints
     */
    public static MinHashSignature decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new IllegalArgumentException("an encoded signature cannot be empty");
        }
        byte[] bytes = DECODER.decode(encoded);
        if (bytes.length == 0 || bytes.length % Integer.BYTES != 0) {
            throw new IllegalArgumentException("an encoded signature must hold a whole number of 32-bit hashes, got "
                    + bytes.length + " bytes");
        }
        int[] hashes = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).asIntBuffer().get(hashes);
        return new MinHashSignature(hashes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHashSignature other && Arrays.equals(hashes, other.hashes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hashes);
    }

    @Override
    public String toString() {
        return "MinHashSignature[" + hashes.length + " hashes, " + Integer.toHexString(hashCode()) + "]";
    }
}
