package org.rightstream.ingest.chunk;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits cleaned text into passages at paragraph boundaries (blank lines), merging short paragraphs
 * up to a target word count and splitting over-long ones at sentence boundaries. Offsets point into
 * the text given, so a passage can always be located in its report.
 */
public final class ParagraphChunker {
    private static final Pattern PARAGRAPH = Pattern.compile("(?s)\\S.*?(?=\\n[ \\t]*\\n|\\z)");
    private static final Pattern WORD = Pattern.compile("\\S+");

    private final int targetWords;
    private final int maxWords;

    public ParagraphChunker(int targetWords, int maxWords) {
        if (targetWords < 1 || maxWords < targetWords) {
            throw new IllegalArgumentException("need 1 <= targetWords <= maxWords, got " + targetWords + ", " + maxWords);
        }
        this.targetWords = targetWords;
        this.maxWords = maxWords;
    }

    public List<Passage> chunk(String text) {
        List<Span> pieces = new ArrayList<>();
        Matcher m = PARAGRAPH.matcher(text);
        while (m.find()) {
            Span paragraph = trimmed(text, m.start(), m.end());
            if (paragraph.words(text) > maxWords) {
                pieces.addAll(sentences(text, paragraph));
            } else {
                pieces.add(paragraph);
            }
        }
        List<Passage> passages = new ArrayList<>();
        Span current = null;
        int currentWords = 0;
        for (Span piece : pieces) {
            int words = piece.words(text);
            if (current != null && currentWords + words > targetWords) {
                passages.add(current.toPassage(text));
                current = null;
                currentWords = 0;
            }
            current = current == null ? piece : new Span(current.start, piece.end);
            currentWords += words;
        }
        if (current != null) {
            passages.add(current.toPassage(text));
        }
        return passages;
    }

    /** Sentence spans of one paragraph; a single sentence over the limit is cut at word boundaries. */
    private List<Span> sentences(String text, Span paragraph) {
        List<Span> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text.substring(paragraph.start, paragraph.end));
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            Span sentence = trimmed(text, paragraph.start + start, paragraph.start + end);
            if (sentence.end <= sentence.start) {
                continue;
            }
            if (sentence.words(text) > maxWords) {
                out.addAll(wordWindows(text, sentence));
            } else {
                out.add(sentence);
            }
        }
        return out;
    }

    private List<Span> wordWindows(String text, Span span) {
        List<Span> out = new ArrayList<>();
        Matcher w = WORD.matcher(text).region(span.start, span.end);
        int count = 0;
        int windowStart = -1;
        int lastEnd = span.start;
        while (w.find()) {
            if (windowStart < 0) {
                windowStart = w.start();
            }
            lastEnd = w.end();
            if (++count == targetWords) {
                out.add(new Span(windowStart, lastEnd));
                windowStart = -1;
                count = 0;
            }
        }
        if (windowStart >= 0) {
            out.add(new Span(windowStart, lastEnd));
        }
        return out;
    }

    private static Span trimmed(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    private record Span(int start, int end) {
        int words(String text) {
            int n = 0;
            Matcher w = WORD.matcher(text).region(start, end);
            while (w.find()) {
                n++;
            }
            return n;
        }

        Passage toPassage(String text) {
            return new Passage(text.substring(start, end), start, end);
        }
    }
}
