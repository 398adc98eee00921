package org.rightstream.ingest.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes {@link MinHashSignature}s of texts over word shingles, for near-duplicate detection.
 *
 * <p>The text is lower-cased and split into words at every character that is neither a letter, a
 * digit nor a combining mark (Unicode-aware: {@link Character#isLetterOrDigit(int)}); empty tokens are
 * dropped. Every run of {@code shingleWords} consecutive words is a shingle; a text with fewer words
 * is one shingle of all its words, and a text without words is the single empty shingle, so every
 * text gets a valid signature. Each distinct shingle is hashed to 64 bits (FNV-1a over its words
 * joined by one space, then the murmur3 64-bit finaliser), and for each of the {@code numHashes}
 * slots the hash is permuted by xor with a seeded random 64-bit mask followed by the murmur3
 * finaliser; the slot keeps the minimum of the upper 32 bits.
 *
 * <p><b>Stability.</b> Everything above — tokenisation, the hash functions, the mask generator
 * (splitmix64, implemented here rather than taken from the JDK), {@code numHashes},
 * {@code shingleWords} and {@code seed} — determines the signatures. Signatures persisted in a registry
 * are only comparable with signatures from the same configuration: changing any of it invalidates
 * every stored signature, which must then be recomputed from the reports' cleaned text. Store
 * {@link #version()} with each signature and bump the {@code -vN} suffix in it whenever the algorithm
 * changes.
 *
 * <p>Sign the cleaned text ({@code ReportCleaner} output, already Unicode-normalised), the same text
 * the report id is computed from, so that the .txt, .pdf and .md renderings of one report differ only
 * where cleaning leaves them different. Signing a 17,000-word report takes about 15 ms.
 *
 * <p>Immutable and thread-safe.
 */
public final class MinHasher {
    public static final int DEFAULT_NUM_HASHES = 128;
    public static final int DEFAULT_SHINGLE_WORDS = 5;
    /** Fixed so that signatures are stable across restarts; never change it without re-signing everything. */
    public static final long DEFAULT_SEED = 0x5EED_D0C5_2024_0001L;
    /** Bump when the algorithm changes in a way that changes signatures. */
    private static final String ALGORITHM_REVISION = "v1";

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final int numHashes;
    private final int shingleWords;
    private final long seed;
    private final long[] masks;

    /** 128 hashes over 5-word shingles with the fixed {@link #DEFAULT_SEED}. */
    public MinHasher() {
        this(DEFAULT_NUM_HASHES, DEFAULT_SHINGLE_WORDS, DEFAULT_SEED);
    }

    public MinHasher(int numHashes, int shingleWords, long seed) {
        if (numHashes < 1) {
            throw new IllegalArgumentException("numHashes must be positive, got " + numHashes);
        }
        if (shingleWords < 1) {
            throw new IllegalArgumentException("shingleWords must be positive, got " + shingleWords);
        }
        this.numHashes = numHashes;
        this.shingleWords = shingleWords;
        this.seed = seed;
        this.masks = new long[numHashes];
        long state = seed;
        for (int i = 0; i < numHashes; i++) {
            state += 0x9E3779B97F4A7C15L;
            masks[i] = splitmix64(state);
        }
    }

    public int numHashes() {
        return numHashes;
    }

    public int shingleWords() {
        return shingleWords;
    }

    public long seed() {
        return seed;
    }

    /**
     * Identifies the configuration, e.g. {@code "minhash-128x5-v1"} for the defaults; a non-default
     * seed is included ({@code "minhash-128x5-s1f-v1"}). Signatures with different versions are not
     * comparable.
     */
    public String version() {
        String seedPart = seed == DEFAULT_SEED ? "" : "-s" + Long.toHexString(seed);
        return "minhash-" + numHashes + "x" + shingleWords + seedPart + "-" + ALGORITHM_REVISION;
    }

    public MinHashSignature sign(String text) {
        long[] shingles = shingleHashes(WordRun.of(text));
        int[] mins = new int[numHashes];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < numHashes; i++) {
                int h = (int) (fmix64(shingle ^ masks[i]) >>> 32);
                if (h < mins[i]) {
                    mins[i] = h;
                }
            }
        }
        return new MinHashSignature(mins);
    }

    /** The words of the text, lower-cased, as {@link #sign(String)} sees them. */
    static List<String> words(String text) {
        WordRun run = WordRun.of(text);
        List<String> words = new ArrayList<>(run.count());
        for (int i = 0; i < run.count(); i++) {
            words.add(run.chars().substring(run.starts()[i], run.end(i)));
        }
        return words;
    }

    /**
     * The lower-cased words of a text in one buffer, one space between each, with where each starts. One
     * String per word would take about 60 bytes a word: a 15 MB report (2 million words) took the whole heap
     * of a 256 MB service. Here it is about the text's size plus 4 bytes a word.
     */
    private record WordRun(StringBuilder chars, int[] starts, int count) {
        static WordRun of(String text) {
            StringBuilder chars = new StringBuilder(Math.min(text.length(), 1 << 20));
            int[] starts = new int[16];
            int count = 0;
            boolean inWord = false;
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (isWordChar(cp)) {
                    if (!inWord) {
                        if (count > 0) {
                            chars.append(' ');
                        }
                        if (count == starts.length) {
                            starts = Arrays.copyOf(starts, count * 2);
                        }
                        starts[count++] = chars.length();
                        inWord = true;
                    }
                    chars.appendCodePoint(Character.toLowerCase(cp));
                } else {
                    inWord = false;
                }
            }
            return new WordRun(chars, starts, count);
        }

        /** Where word {@code i} ends (exclusive). */
        int end(int i) {
            return i + 1 < count ? starts[i + 1] - 1 : chars.length();
        }
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        // Combining marks belong to the letter before them (decomposed accents, Indic vowel signs).
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Distinct 64-bit hashes of the word shingles, sorted: FNV-1a over each shingle's words joined by one
     * space, read straight from the run's buffer (where they are joined that way).
     */
    private long[] shingleHashes(WordRun words) {
        int n = Math.max(1, words.count() - shingleWords + 1);
        int width = Math.min(shingleWords, words.count());
        StringBuilder chars = words.chars();
        long[] hashes = new long[n];
        for (int start = 0; start < n; start++) {
            long h = FNV_OFFSET;
            if (width > 0) {
                int to = words.end(start + width - 1);
                for (int c = words.starts()[start]; c < to; c++) {
                    h = (h ^ chars.charAt(c)) * FNV_PRIME;
                }
            }
            hashes[start] = fmix64(h);
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /** The murmur3 64-bit finaliser: a bijection that mixes every input bit into every output bit. */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long splitmix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "MinHasher[" + version() + "]";
    }
}
