package org.rightstream.ingest.clean;

import java.text.Normalizer;

/**
 * One spelling for characters that PDF and word-processor exports write many ways: compatibility
 * forms (ligatures, full-width letters, non-breaking spaces) via NFKC, typographic quotes and dashes
 * to ASCII, symbol-font bullets to "•", and invisible characters removed. One pass over the text
 * after NFKC (which is skipped when the text is already normalised).
 */
public final class UnicodeNormaliser {
    private UnicodeNormaliser() {
    }

    public static String normalise(String text) {
        String t = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> {
                    // invisible: dropped
                }
                case '\t', '\u00A0', '\u202F', '\u205F', '\u3000' -> out.append(' ');
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\u0060' -> out.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> out.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> out.append('-');
                // Symbol-font and private-use bullets that Word and PDF exports leave behind.
                case '\uF0B7', '\uF0A7', '\uF076', '\uF0D8', '\uF0FC', '\u25AA', '\u25CF', '\u25E6', '\u2219', '\u2023',
                        '\u2043', '\u00B7' -> out.append('•');
                case '\u2026' -> out.append("...");
                case '\f' -> out.append('\n');
                case '\r' -> {
                    out.append('\n');
                    if (i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> out.append(c >= '\u2000' && c <= '\u200A' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
