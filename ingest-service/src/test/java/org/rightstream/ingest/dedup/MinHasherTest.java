package org.rightstream.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinHasherTest {
    private static final List<String> VOCABULARY = TestTexts.vocabulary(5000, 1);
    private final MinHasher hasher = new MinHasher();

    @Test
    void defaultsAndVersion() {
        assertThat(hasher.numHashes()).isEqualTo(128);
        assertThat(hasher.shingleWords()).isEqualTo(5);
        assertThat(hasher.version()).isEqualTo("minhash-128x5-v1");
        assertThat(new MinHasher(64, 3, MinHasher.DEFAULT_SEED).version()).isEqualTo("minhash-64x3-v1");
        assertThat(new MinHasher(128, 5, 31).version()).isEqualTo("minhash-128x5-s1f-v1");
        assertThat(hasher.sign("some text").length()).isEqualTo(128);
    }

    @Test
    void aTextIsIdenticalToItself() {
        String text = TestTexts.text(TestTexts.randomWords(VOCABULARY, 1000, 2));
        assertThat(hasher.sign(text).similarity(hasher.sign(text))).isEqualTo(1.0);
    }

    @Test
    void unrelatedTextsAreNearZero() {
        String a = TestTexts.text(TestTexts.randomWords(VOCABULARY, 2000, 3));
        String b = TestTexts.text(TestTexts.randomWords(VOCABULARY, 2000, 4));
        assertThat(hasher.sign(a).similarity(hasher.sign(b))).isLessThan(0.05);
    }

    @Test
    void signaturesAreDeterministicAcrossInstances() {
        String text = TestTexts.text(TestTexts.randomWords(VOCABULARY, 500, 5));
        assertThat(new MinHasher().sign(text)).isEqualTo(new MinHasher().sign(text));
        assertThat(new MinHasher(128, 5, MinHasher.DEFAULT_SEED).sign(text)).isEqualTo(hasher.sign(text));
        assertThat(new MinHasher(128, 5, 42).sign(text)).isNotEqualTo(hasher.sign(text));
    }

    /**
     * Pins the algorithm: if this fails, signatures stored by earlier builds are no longer comparable
     * with new ones. Either undo the change or bump the version and re-sign every stored report.
     */
    @Test
    void signaturesAreStableAcrossReleases() {
        MinHashSignature sig = hasher.sign("The Quick brown fox jumps over the lazy dog, again and again.");
        assertThat(sig.encode()).startsWith(GOLDEN_PREFIX);
        assertThat(sig.hashCode()).isEqualTo(GOLDEN_HASH_CODE);
    }

    private static final String GOLDEN_PREFIX = "p1GwM5c8IGK2ejR8j8yi8YFt";
    private static final int GOLDEN_HASH_CODE = -75516078;

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(hasher.sign("Hello, World! The  foo-bar BAZ."))
                .isEqualTo(hasher.sign("hello world the foo bar baz"));
    }

    @Test
    void wordsAreSplitOnNonLetterOrDigitCharactersUnicodeAware() {
        assertThat(MinHasher.words("Ésta LEY—Закон №12 (2021): naïve e\u0301té 東京 x"))
                .containsExactly("ésta", "ley", "закон", "12", "2021", "naïve", "e\u0301té", "東京", "x");
        assertThat(MinHasher.words(" ,;- ")).isEmpty();
    }

    @Test
    void textsShorterThanOneShingleStillGetValidSignatures() {
        MinHashSignature empty = hasher.sign("");
        MinHashSignature blank = hasher.sign("  ...  ");
        MinHashSignature two = hasher.sign("two words");
        assertThat(empty.length()).isEqualTo(128);
        assertThat(two.length()).isEqualTo(128);
        assertThat(empty.similarity(blank)).isEqualTo(1.0);
        assertThat(two.similarity(hasher.sign("Two, words!"))).isEqualTo(1.0);
        assertThat(two.similarity(hasher.sign("other words"))).isLessThan(0.1);
        assertThat(two.similarity(empty)).isLessThan(0.1);
    }

    @Test
    void estimatesTrackTheExactJaccardSimilarity() {
        List<String> core = TestTexts.randomWords(VOCABULARY, 2000, 6);
        for (int shared : new int[] {200, 800, 1400, 1900}) {
            List<String> a = new ArrayList<>(core.subList(0, shared));
            a.addAll(TestTexts.randomWords(VOCABULARY, 2000 - shared, 7));
            List<String> b = new ArrayList<>(core.subList(0, shared));
            b.addAll(TestTexts.randomWords(VOCABULARY, 2000 - shared, 8));
            double exact = TestTexts.jaccard(a, b, 5);
            double estimate = hasher.sign(TestTexts.text(a)).similarity(hasher.sign(TestTexts.text(b)));
            System.out.printf("shared %d of 2000 words: exact Jaccard %.3f, MinHash estimate %.3f%n", shared, exact,
                    estimate);
            // Standard error is sqrt(J(1-J)/128) <= 0.045; 0.15 is more than three of them.
            assertThat(estimate).isCloseTo(exact, within(0.15));
        }
    }

    @Test
    void aFewLocalEditsTotallingFivePercentOfTheWordsScoreHigh() {
        List<String> original = TestTexts.randomWords(VOCABULARY, 2000, 9);
        List<String> edited = new ArrayList<>(original);
        List<String> replacements = TestTexts.randomWords(VOCABULARY, 100, 10);
        // Five reworded passages of 20 words each: 100 words, 5% of the text.
        for (int passage = 0; passage < 5; passage++) {
            for (int i = 0; i < 20; i++) {
                edited.set(passage * 400 + 150 + i, replacements.get(passage * 20 + i));
            }
        }
        double similarity = hasher.sign(TestTexts.text(original)).similarity(hasher.sign(TestTexts.text(edited)));
        System.out.printf("5%% of words changed in 5 passages: exact %.3f, estimate %.3f%n",
                TestTexts.jaccard(original, edited, 5), similarity);
        assertThat(similarity).isGreaterThan(0.7);
    }

    /**
     * Scattered single-word changes each break all 5 shingles that contain the word: with 5% of the
     * words changed at random, 0.95^5 = 77% of the shingles survive and the Jaccard similarity is
     * about 0.77 / 1.23 = 0.63. OCR-style noise at this rate is therefore NOT a near-duplicate at
     * the 0.8 threshold; this test documents that limit of 5-word shingles.
     */
    @Test
    void fivePercentOfWordsChangedAtRandomPositionsScoresAboutZeroPointSix() {
        List<String> original = TestTexts.randomWords(VOCABULARY, 2000, 11);
        List<String> edited = new ArrayList<>(original);
        java.util.Random random = new java.util.Random(12);
        List<String> replacements = TestTexts.randomWords(VOCABULARY, 100, 13);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            positions.add(i);
        }
        java.util.Collections.shuffle(positions, random);
        for (int i = 0; i < 100; i++) {
            edited.set(positions.get(i), replacements.get(i));
        }
        double exact = TestTexts.jaccard(original, edited, 5);
        double similarity = hasher.sign(TestTexts.text(original)).similarity(hasher.sign(TestTexts.text(edited)));
        System.out.printf("5%% of words changed at random positions: exact %.3f, estimate %.3f%n", exact, similarity);
        assertThat(exact).isBetween(0.55, 0.70);
        assertThat(similarity).isCloseTo(exact, within(0.15)).isLessThan(0.8);
    }

    @Test
    void aTextSharingOnlyAFewSentencesScoresLow() {
        List<String> a = TestTexts.randomWords(VOCABULARY, 2000, 14);
        List<String> b = new ArrayList<>(TestTexts.randomWords(VOCABULARY, 2000, 15));
        // Three 20-word sentences of a quoted in b.
        for (int s = 0; s < 3; s++) {
            b.addAll(500 * (s + 1), a.subList(300 * (s + 1), 300 * (s + 1) + 20));
        }
        double similarity = hasher.sign(TestTexts.text(a)).similarity(hasher.sign(TestTexts.text(b)));
        System.out.printf("3 shared sentences: exact %.3f, estimate %.3f%n", TestTexts.jaccard(a, b, 5), similarity);
        assertThat(similarity).isLessThan(0.1);
    }

    @Test
    void rejectsNonsenseParameters() {
        assertThatThrownBy(() -> new MinHasher(0, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MinHasher(128, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
