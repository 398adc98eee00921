package org.rightstream.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightstream.ingest.Seeds;
import org.rightstream.ingest.report.TextDecoder;

class ParagraphChunkerTest {

    /** "p1 p2 ... pn": n distinct words, so a passage's words show exactly which part of the input it holds. */
    private static String words(String prefix, int n) {
        return String.join(" ", IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList());
    }

    private static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static List<String> wordsOf(String s) {
        String t = s.strip();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }

    private static List<String> texts(List<Passage> passages) {
        return passages.stream().map(Passage::text).toList();
    }

    @Test
    void passagesDoNotCrossABlankLineWhenMergingWouldExceedTheTarget() {
        String p1 = words("a", 8);
        String p2 = words("b", 8);
        String p3 = words("c", 8);
        // the second separator is a line holding only spaces and a tab, which is still a blank line
        String text = p1 + "\n\n" + p2 + "\n  \t\n" + p3;

        List<Passage> passages = new ParagraphChunker(10, 20).chunk(text);

        assertThat(texts(passages)).containsExactly(p1, p2, p3);
    }

    @Test
    void aSingleLineBreakIsNotAParagraphBoundary() {
        // one hard-wrapped paragraph of 15 words: more than the target, within the maximum, so it stays whole
        String paragraph = words("a", 5) + "\n" + words("b", 5) + "\n" + words("c", 5);
        String text = paragraph + "\n\n" + words("d", 3);

        List<Passage> passages = new ParagraphChunker(10, 20).chunk(text);

        assertThat(texts(passages)).containsExactly(paragraph, words("d", 3));
    }

    @Test
    void shortParagraphsAreMergedUpToTheTargetWordCount() {
        String p1 = words("a", 3);
        String p2 = words("b", 3);
        String p3 = words("c", 3);
        String p4 = words("d", 3);
        String text = p1 + "\n\n" + p2 + "\n\n" + p3 + "\n\n" + p4;

        List<Passage> passages = new ParagraphChunker(10, 20).chunk(text);

        // 3+3+3 = 9 fits the target of 10; adding the fourth (12) would not
        assertThat(texts(passages)).containsExactly(p1 + "\n\n" + p2 + "\n\n" + p3, p4);
        assertThat(passages.get(0).charStart()).isZero();
    }

    @Test
    void paragraphsAddingUpToExactlyTheTargetAreMerged() {
        String p1 = words("a", 5);
        String p2 = words("b", 5);
        String p3 = words("c", 1);
        String text = p1 + "\n\n" + p2 + "\n\n" + p3;

        List<Passage> passages = new ParagraphChunker(10, 20).chunk(text);

        assertThat(texts(passages)).containsExactly(p1 + "\n\n" + p2, p3);
    }

    @Test
    void aParagraphOverMaxWordsIsSplitAtSentenceBoundaries() {
        List<String> sentences = IntStream.rangeClosed(1, 6).mapToObj(i -> words("S" + i + "w", 4) + ".").toList();
        String paragraph = String.join(" ", sentences); // 24 words > maxWords 15
        ParagraphChunker chunker = new ParagraphChunker(10, 15);

        List<Passage> passages = chunker.chunk(paragraph);

        assertThat(passages).hasSizeGreaterThan(1);
        for (Passage p : passages) {
            assertThat(wordCount(p.text())).isLessThanOrEqualTo(15);
            // starts with the first word of a sentence and ends with the full stop of a sentence
            assertThat(p.text()).matches("S\\d+w1 .*\\.");
            assertThat(sentences).anyMatch(s -> p.text().startsWith(s));
            assertThat(sentences).anyMatch(s -> p.text().endsWith(s));
        }
        // nothing lost, nothing repeated, reading order kept
        assertThat(String.join(" ", texts(passages))).isEqualTo(paragraph);
    }

    @Test
    void sentencesOfALongParagraphAreMergedUpToTheTarget() {
        List<String> sentences = IntStream.rangeClosed(1, 6).mapToObj(i -> words("S" + i + "w", 4) + ".").toList();
        String paragraph = String.join(" ", sentences);

        List<Passage> passages = new ParagraphChunker(10, 15).chunk(paragraph);

        // two 4-word sentences (8 words) fit the target of 10, a third would not
        assertThat(texts(passages)).containsExactly(
                sentences.get(0) + " " + sentences.get(1),
                sentences.get(2) + " " + sentences.get(3),
                sentences.get(4) + " " + sentences.get(5));
    }

    @Test
    void aSingleSentenceLongerThanMaxWordsIsCutIntoWordWindows() {
        String sentence = "The " + words("w", 22) + "."; // 23 words, no sentence boundary inside
        String text = "A short opening. " + sentence + " A short ending.";
        ParagraphChunker chunker = new ParagraphChunker(5, 8);

        List<Passage> passages = chunker.chunk(text);

        // the short sentences around it stay whole and apart from the cut sentence
        assertThat(passages.get(0).text()).isEqualTo("A short opening.");
        assertThat(passages.get(passages.size() - 1).text()).isEqualTo("A short ending.");
        List<Passage> windows = passages.subList(1, passages.size() - 1);
        assertThat(windows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(windows).allSatisfy(p -> assertThat(wordCount(p.text())).isBetween(1, 8));
        assertThat(String.join(" ", texts(windows))).isEqualTo(sentence);
        assertOffsetsAndCoverage(text, passages);
    }

    @Test
    void offsetsLocateEveryPassageInTheText() {
        String text = "Title line\n\n" + words("a", 7) + ".\n" + words("b", 4) + ".\n\n\n"
                + String.join(" ", IntStream.range(0, 5).mapToObj(i -> words("S" + i + "w", 6) + ".").toList())
                + "\n\n" + words("x", 40) + "\n\nEnd.";

        List<Passage> passages = new ParagraphChunker(10, 15).chunk(text);

        assertThat(passages).hasSizeGreaterThan(3);
        assertOffsetsAndCoverage(text, passages);
    }

    static Stream<Arguments> seedsAndLimits() {
        return Seeds.all().stream().flatMap(seed -> Stream.of(
                Arguments.of(seed.getFileName().toString(), 180, 250),
                Arguments.of(seed.getFileName().toString(), 20, 40),
                Arguments.of(seed.getFileName().toString(), 60, 60)));
    }

    @ParameterizedTest(name = "{0} with target {1}, max {2}")
    @MethodSource("seedsAndLimits")
    void noPassageOfASeedReportExceedsMaxWordsAndOffsetsHold(String seed, int targetWords, int maxWords)
            throws IOException {
        String text = TextDecoder.decode(Files.readAllBytes(Seeds.DIR.resolve(seed)));

        List<Passage> passages = new ParagraphChunker(targetWords, maxWords).chunk(text);

        assertThat(passages).hasSizeGreaterThan(text.length() / 10_000);
        assertThat(passages).allSatisfy(p -> assertThat(wordCount(p.text()))
                .as("words of the passage at %d..%d", p.charStart(), p.charEnd())
                .isBetween(1, maxWords));
        // a passage spanning a blank line is a merge of paragraphs, which only happens within the target
        assertThat(passages).filteredOn(p -> p.text().contains("\n\n"))
                .allSatisfy(p -> assertThat(wordCount(p.text())).isLessThanOrEqualTo(targetWords));
        assertOffsetsAndCoverage(text, passages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n\n", " \t \n \n\t  "})
    void emptyOrWhitespaceInputGivesNoPassages(String text) {
        assertThat(new ParagraphChunker(10, 20).chunk(text)).isEmpty();
    }

    @ParameterizedTest(name = "targetWords={0}, maxWords={1}")
    @CsvSource({"0, 10", "-1, 10", "11, 10", "0, 0", "5, -5"})
    void constructorRejectsBadLimits(int targetWords, int maxWords) {
        assertThatThrownBy(() -> new ParagraphChunker(targetWords, maxWords))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetWords");
    }

    @ParameterizedTest(name = "targetWords={0}, maxWords={1}")
    @CsvSource({"1, 1", "10, 10", "180, 250"})
    void constructorAcceptsSensibleLimits(int targetWords, int maxWords) {
        assertThatCode(() -> new ParagraphChunker(targetWords, maxWords)).doesNotThrowAnyException();
    }

    /**
     * Every passage is exactly the text at its offsets, passages come in reading order without
     * overlapping, and everything that is not whitespace belongs to some passage.
     */
    private static void assertOffsetsAndCoverage(String text, List<Passage> passages) {
        StringBuilder outside = new StringBuilder();
        int previousEnd = 0;
        for (Passage p : passages) {
            assertThat(p.charStart()).as("start of %s", p).isGreaterThanOrEqualTo(previousEnd);
            assertThat(p.charEnd()).as("end of %s", p).isGreaterThan(p.charStart()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(p.charStart(), p.charEnd())).isEqualTo(p.text());
            assertThat(p.text()).isEqualTo(p.text().strip());
            outside.append(text, previousEnd, p.charStart());
            previousEnd = p.charEnd();
        }
        outside.append(text.substring(previousEnd));
        assertThat(outside.toString()).as("text outside every passage").isBlank();
    }
}
