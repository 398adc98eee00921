package org.rightstream.classify.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a passage into tokens with character offsets. Words keep internal hyphens ("Kassym-Jomart",
 * "Ust-Kamenogorsk") and apostrophes ("O'Brien"), and dots before lower-case letters ("Guljan.org");
 * a trailing possessive "'s" / "’s" becomes its own {@link Token.Kind#POSS} token so that names stay clean.
 */
final class Tokenizer {
    /** Abbreviations whose dot does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "nos", "gen", "col", "lt", "capt", "maj", "sgt",
            "prof", "rev", "hon", "vs", "etc", "approx", "inc", "ltd", "co", "corp", "dept", "art", "arts", "para",
            "paras", "p", "pp", "ch", "vol", "e.g", "i.e", "cf", "fig", "sen", "rep", "gov", "pres", "govt");

    private Tokenizer() {
    }

    static String foldApostrophes(String s) {
        if (s.indexOf('\u2019') < 0 && s.indexOf('\u02BC') < 0 && s.indexOf('\u2018') < 0) {
            return s;
        }
        return s.replace('\u2019', '\'').replace('\u02BC', '\'').replace('\u2018', '\'');
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\u2018';
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static List<Token> tokenize(String text) {
        int n = text.length();
        List<Token> tokens = new ArrayList<>(Math.max(16, n / 5));
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                i++;
                continue;
            }
            if (isWordChar(c)) {
                int j = i;
                boolean letters = false;
                while (true) {
                    while (j < n && isWordChar(text.charAt(j))) {
                        if (Character.isLetter(text.charAt(j))) {
                            letters = true;
                        }
                        j++;
                    }
                    if (j + 1 >= n) {
                        break;
                    }
                    char joiner = text.charAt(j);
                    char next = text.charAt(j + 1);
                    if (!isWordChar(next)) {
                        break;
                    }
                    if (isHyphen(joiner)) {
                        j++;
                        continue;
                    }
                    if (isApostrophe(joiner)) {
                        boolean possessive = (next == 's' || next == 'S')
                                && (j + 2 >= n || !isWordChar(text.charAt(j + 2)));
                        if (possessive || !letters) {
                            break;
                        }
                        j++;
                        continue;
                    }
                    if (joiner == '.' && letters && Character.isLowerCase(next)
                            && Character.isLowerCase(text.charAt(j - 1))) {
                        // domain-like words: Guljan.org, Zhumyrtka.kz
                        int k = j + 1;
                        while (k < n && Character.isLetter(text.charAt(k))) {
                            k++;
                        }
                        if (k - (j + 1) <= 4) {
                            j++;
                            continue;
                        }
                        break;
                    }
                    if ((joiner == '.' || joiner == ',') && !letters && Character.isDigit(next)
                            && Character.isDigit(text.charAt(j - 1))) {
                        j++;
                        continue;
                    }
                    break;
                }
                tokens.add(new Token(text, i, j, letters ? Token.Kind.WORD : Token.Kind.NUM));
                i = j;
                continue;
            }
            if (isApostrophe(c) && i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 >= n || !isWordChar(text.charAt(i + 2)))
                    && !tokens.isEmpty() && tokens.get(tokens.size() - 1).end == i
                    && tokens.get(tokens.size() - 1).kind == Token.Kind.WORD) {
                tokens.add(new Token(text, i, i + 2, Token.Kind.POSS));
                i += 2;
                continue;
            }
            int len = Character.charCount(text.codePointAt(i));
            tokens.add(new Token(text, i, i + len, Token.Kind.PUNCT));
            i += len;
        }
        markSentenceStarts(text, tokens);
        return tokens;
    }

    /**
     * A blank line after a short line (a heading has no full stop: "Prison and Detention Center Conditions") is a
     * sentence break. Long lines followed by a blank line are taken as wrapped text (PDF extractions put blank
     * lines between wrapped lines), so names split across them stay whole.
     */
    private static boolean headingBreakBetween(String text, int from, int to) {
        int newlines = 0;
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                newlines++;
            }
        }
        if (newlines < 2) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', from - 1) + 1;
        while (lineStart < from && Character.isWhitespace(text.charAt(lineStart))) {
            lineStart++;
        }
        return from - lineStart < 60;
    }

    private static void markSentenceStarts(String text, List<Token> tokens) {
        boolean start = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (i > 0 && t.start - tokens.get(i - 1).end >= 2 && headingBreakBetween(text, tokens.get(i - 1).end, t.start)) {
                start = true;
            }
            if (t.kind == Token.Kind.PUNCT && (t.isOpenQuote() || t.isCloseQuote() || t.isPunct('(')
                    || t.isPunct(')') || t.isPunct('*') || t.isPunct('#') || t.isPunct('\u2019'))) {
                // quotes and brackets keep the "sentence start" state for the next word
                t.sentenceStart = start;
                continue;
            }
            t.sentenceStart = start;
            start = false;
            if (t.kind == Token.Kind.PUNCT) {
                char c = t.text.charAt(0);
                if (c == '!' || c == '?' || c == ':' || c == ';' || c == '\u2022' || c == '\uF0B7'
                        || c == '\u25AA' || c == '\u25CF') {
                    start = true;
                } else if (c == '.') {
                    Token prev = i > 0 ? tokens.get(i - 1) : null;
                    boolean abbreviation = prev != null && prev.end == t.start && prev.kind == Token.Kind.WORD
                            && (ABBREVIATIONS.contains(prev.lower)
                                || (prev.text.length() == 1 && Character.isUpperCase(prev.text.charAt(0))));
                    start = !abbreviation;
                } else if (c == '-' || c == '\u2013' || c == '\u2014') {
                    start = i == 0 || tokens.get(i - 1).sentenceStart && i == 1;
                }
            }
        }
    }
}
