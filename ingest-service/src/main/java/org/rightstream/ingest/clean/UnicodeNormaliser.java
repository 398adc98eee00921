package org.rightstream.ingest.clean;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * One spelling for characters that PDF and word-processor exports write many ways: compatibility
 * forms (ligatures, full-width letters, non-breaking spaces) via NFKC, typographic quotes and dashes
 * to ASCII, symbol-font bullets to "•", and invisible characters removed.
 */
public final class UnicodeNormaliser {
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B\\u2032\\u00B4\\u0060]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C\\u201D\\u201E\\u201F\\u2033\\u00AB\\u00BB]");
    private static final Pattern DASHES = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212]");
    /** Symbol-font and private-use bullets that Word and PDF exports leave behind. */
    private static final Pattern BULLETS = Pattern.compile("[\\uF0B7\\uF0A7\\uF076\\uF0D8\\uF0FC\\u25AA\\u25CF\\u25E6\\u2219\\u2023\\u2043\\u00B7]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[\\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]");

    private UnicodeNormaliser() {
    }

    public static String normalise(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
        t = INVISIBLE.matcher(t).replaceAll("");
        t = SPACES.matcher(t).replaceAll(" ");
        t = SINGLE_QUOTES.matcher(t).replaceAll("'");
        t = DOUBLE_QUOTES.matcher(t).replaceAll("\"");
        t = DASHES.matcher(t).replaceAll("-");
        t = BULLETS.matcher(t).replaceAll("•");
        t = t.replace("\u2026", "...");
        return t.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n');
    }
}
