package org.rightstream.ingest.clean;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rebuilds paragraphs from the lines of an extracted report. PDF extraction breaks every line and
 * leaves paragraph breaks in one of three shapes: a blank line between paragraphs, a blank line after
 * every line (then a paragraph break is two or more), or no blank lines at all (then a paragraph
 * ends with a line that ends a sentence well short of the usual line width). Headings are kept as
 * paragraphs of their own, including a heading that wraps onto a second line.
 */
final class ParagraphJoiner {
    record Paragraph(String text, int page) {
    }

    private static final Pattern BULLET = Pattern.compile("^\\s*[•o▪➢-]\\s+\\S.*");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?:;\"')\\]]$");
    /** A line ending in a word that cannot end a heading ("... International and") continues on the next. */
    private static final Pattern DANGLING = Pattern.compile(
            "(?i).*\\b(and|or|of|the|for|to|in|on|with|against|including|regarding|by|from|a|an|their|its|his|her|our|this|that|these|those)$|.*,$");
    private static final Pattern BARE_LINK = Pattern.compile("^(?:https?://|www\\.)\\S+$");
    private static final Pattern MULTIPLE_SPACES = Pattern.compile(" {2,}");

    private ParagraphJoiner() {
    }

    /**
     * @param lines     the lines, with blank strings for blank lines (and for removed page furniture)
     * @param marked    lines the source marked as headings (markdown "#")
     * @param furniture lines that were page furniture (a gap that never ends a paragraph by itself)
     */
    static List<Paragraph> join(List<SourceLine> lines, List<Boolean> marked, BitSet furniture,
                                java.util.function.Predicate<String> knownHeading) {
        boolean doubleSpaced = isDoubleSpaced(lines, furniture);
        int width = typicalWidth(lines);
        List<Paragraph> out = new ArrayList<>();
        StringBuilder current = null;
        int currentPage = 0;
        boolean currentIsHeading = false;
        String previous = null;
        int blanks = 0;
        boolean gapWasFurniture = false;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            if (line.isBlank()) {
                if (furniture.get(i)) {
                    gapWasFurniture = true;
                } else {
                    blanks++;
                }
                continue;
            }
            String text = line.text().strip();
            boolean heading = marked.get(i) || startsHeading(text);
            boolean breakBefore;
            if (current == null) {
                breakBefore = true;
            } else if (currentIsHeading) {
                breakBefore = knownHeading.test(text)
                        || !continuesHeading(current.toString(), previous, text, width, blanks, doubleSpaced);
            } else {
                int effectiveBlanks = doubleSpaced ? blanks - 1 : blanks;
                boolean continuesSentence = !ENDS_SENTENCE.matcher(previous).matches()
                        && Character.isLowerCase(text.codePointAt(0));
                breakBefore = heading || BULLET.matcher(text).matches() || Headings.isNumberedParagraph(text)
                        || BARE_LINK.matcher(text).matches() || BARE_LINK.matcher(previous).matches()
                        || effectiveBlanks > 0 && !continuesSentence
                        || effectiveBlanks <= 0 && !gapWasFurniture && endsParagraph(previous, width)
                        || gapWasFurniture && blanks > (doubleSpaced ? 2 : 1) && !continuesSentence
                        || isStandaloneTitle(previous, width) && !continuesSentence;
            }
            if (breakBefore) {
                if (current != null) {
                    out.add(paragraph(current, currentPage));
                }
                current = new StringBuilder(text);
                currentPage = line.page();
                currentIsHeading = heading || isStandaloneTitle(text, width) && !Headings.isNumberedParagraph(text);
            } else {
                appendLine(current, text);
                if (currentIsHeading && !heading && !Headings.isTitleLike(current.toString(), 25)
                        && Headings.enumeratedLevel(current.toString()) == 0) {
                    currentIsHeading = false;
                }
            }
            previous = text;
            blanks = 0;
            gapWasFurniture = false;
        }
        if (current != null) {
            out.add(paragraph(current, currentPage));
        }
        return out;
    }

    private static Paragraph paragraph(StringBuilder text, int page) {
        return new Paragraph(MULTIPLE_SPACES.matcher(text).replaceAll(" "), page);
    }

    /**
     * Undo end-of-line hyphenation ("inter-" + "national"); a hyphen before a capital stays, as in a
     * wrapped double name ("Kassym-" + "Jomart"). Otherwise lines join with a space.
     */
    static void appendLine(StringBuilder paragraph, String next) {
        int len = paragraph.length();
        boolean hyphenated = len >= 2 && paragraph.charAt(len - 1) == '-' && Character.isLetter(paragraph.charAt(len - 2));
        if (hyphenated && Character.isLetter(next.codePointAt(0))) {
            if (Character.isLowerCase(next.codePointAt(0))) {
                paragraph.setLength(len - 1);
            }
            paragraph.append(next);
        } else {
            paragraph.append(' ').append(next);
        }
    }

    private static boolean startsHeading(String text) {
        return Headings.enumeratedLevel(text) > 0;
    }

    /** A short title-like line with nothing of a sentence about it: a heading on its own line. */
    private static boolean isStandaloneTitle(String text, int width) {
        return text.length() < width * 0.8 && Headings.isTitleLike(text, 14);
    }

    /**
     * A heading wraps when the next line directly follows it and reads as the rest of it: after a
     * word that cannot end a heading ("... International and"), or as a short title-like tail
     * ("Killings") of an enumerated heading or of a heading line that filled the width.
     */
    private static boolean continuesHeading(String heading, String previous, String text, int width, int blanks,
                                            boolean doubleSpaced) {
        int effectiveBlanks = doubleSpaced ? blanks - 1 : blanks;
        if (effectiveBlanks > 0 || ENDS_SENTENCE.matcher(previous).matches() || startsHeading(text)
                || Headings.isNumberedParagraph(text) || BULLET.matcher(text).matches()) {
            return false;
        }
        if (DANGLING.matcher(previous).matches()) {
            return Headings.isTitleLike(text, 14) || Character.isLowerCase(text.codePointAt(0)) && Headings.words(text) <= 6;
        }
        boolean shortTail = Headings.words(text) <= 3 && Headings.isTitleLike(text, 3);
        if (shortTail && Headings.enumeratedLevel(heading) > 0) {
            return true;
        }
        boolean previousFilledLine = previous.length() >= width * 0.7;
        return previousFilledLine && text.length() < width * 0.8 && (Headings.isTitleLike(text, 12)
                || Character.isLowerCase(text.codePointAt(0)) && Headings.words(text) <= 4);
    }

    /** A line ending a sentence well short of the usual width ends its paragraph. */
    private static boolean endsParagraph(String line, int width) {
        return ENDS_SENTENCE.matcher(line).matches() && line.length() < width * 0.85;
    }

    /**
     * Double-spaced extraction: most lines that continue a sentence come after exactly one blank
     * line. Then one blank line is not a paragraph break.
     */
    static boolean isDoubleSpaced(List<SourceLine> lines, BitSet furniture) {
        int afterOneBlank = 0;
        int adjacent = 0;
        String previous = null;
        int blanks = 0;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine l = lines.get(i);
            if (l.isBlank()) {
                if (!furniture.get(i)) {
                    blanks++;
                }
                continue;
            }
            String t = l.text().strip();
            if (previous != null && !ENDS_SENTENCE.matcher(previous).matches()) {
                if (blanks == 0) {
                    adjacent++;
                } else if (blanks == 1) {
                    afterOneBlank++;
                }
            }
            previous = t;
            blanks = 0;
        }
        return afterOneBlank > 10 && afterOneBlank > adjacent * 2;
    }

    /** The usual length of a full line: the 80th percentile of line lengths. */
    static int typicalWidth(List<SourceLine> lines) {
        int[] lengths = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.text().strip().length())
                .filter(n -> n >= 20).sorted().toArray();
        if (lengths.length == 0) {
            return 80;
        }
        return Math.max(40, lengths[(int) Math.min(lengths.length - 1, Math.floor(lengths.length * 0.8))]);
    }

}
