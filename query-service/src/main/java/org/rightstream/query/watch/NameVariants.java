package org.rightstream.query.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits names and texts into name tokens with their {@link NameKey keys}, the same way for both, so that a watch's
 * name and a passage can be compared token by token.
 */
public final class NameVariants {

    private static final Set<String> COMMON_WORDS = loadCommonWords();

    private NameVariants() {
    }

    /**
     * One word of a text or name.
     *
     * @param start         offset of the first character
     * @param end           offset after the last character, before a possessive "'s"
     * @param capitalised   written as a name: upper-case first letter, not all capitals
     * @param initial       one or two letters, capitalised, as in "L. Akhmediyarov" or "Zh. Zhovtis"
     * @param sentenceStart first word of a sentence, where capitals say nothing about names
     */
    public record Token(String surface, int start, int end, NameKey key, boolean capitalised, boolean initial,
                        boolean sentenceStart) {

        /** The word is an ordinary word of English as well, in any case ("Said", "Bill", "Rose"). */
        public boolean commonWord() {
            return COMMON_WORDS.contains(surface.toLowerCase(Locale.ROOT));
        }
    }

    /** The keys of a name written by a user: tokens in order, possessives and punctuation dropped. */
    public static List<NameKey> nameKeys(String name) {
        List<NameKey> keys = new ArrayList<>();
        for (Token t : tokens(name)) {
            if (!t.key().folded().isEmpty()) {
                keys.add(t.key());
            }
        }
        return keys;
    }

    /**
     * The words of a text: runs of letters, digits and combining marks; apostrophes inside a word are kept
     * ("O'Brien"), a possessive "'s" or a trailing apostrophe is not part of the word ("Zhovtis's", "Zhovtis'").
     * Hyphens separate words, so "Kassym-Jomart" is two tokens in names and texts alike.
     */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        boolean sentenceStart = true;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    sentenceStart = true;
                }
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = i;
            while (end < n) {
                int c = text.codePointAt(end);
                if (isWordChar(c)) {
                    end += Character.charCount(c);
                } else if (isApostrophe(c) && end + 1 < n && isWordChar(text.codePointAt(end + 1))) {
                    end += 1;
                } else {
                    break;
                }
            }
            int wordEnd = withoutPossessive(text, start, end);
            String surface = text.substring(start, wordEnd);
            NameKey key = NameKey.of(surface);
            boolean capitalised = Character.isUpperCase(surface.codePointAt(0))
                    && (surface.length() == 1 || !surface.equals(surface.toUpperCase(Locale.ROOT)));
            boolean initial = Character.isUpperCase(surface.codePointAt(0))
                    && surface.codePointCount(0, surface.length()) <= 2
                    && (surface.length() == 1 || Character.isLowerCase(surface.codePointAt(surface.offsetByCodePoints(0, 1))));
            boolean initialFollowedByPeriod = initial && end < n && text.charAt(end) == '.';
            tokens.add(new Token(surface, start, wordEnd, key, capitalised, initial, sentenceStart));
            // The period after an initial does not end a sentence ("L. Akhmediyarov said").
            sentenceStart = false;
            i = end;
            if (initialFollowedByPeriod) {
                i++;
            }
        }
        return tokens;
    }

    private static int withoutPossessive(String text, int start, int end) {
        int len = end - start;
        if (len > 2 && isApostrophe(text.charAt(end - 2)) && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
            return end - 2;
        }
        return end;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u02BC';
    }

    private static Set<String> loadCommonWords() {
        Set<String> words = new HashSet<>();
        try (InputStream in = NameVariants.class.getResourceAsStream("common-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-words.txt missing beside " + NameVariants.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
