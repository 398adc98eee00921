package org.rightstream.query.analytics;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How names are compared: case-insensitively, ignoring punctuation and spacing ("Kassym-Jomart
 * Tokayev", "KASSYM JOMART TOKAYEV" and " Kassym Jomart  Tokayev" are one name). The index keeps
 * {@code entities.text} as a plain keyword (no normalizer), so this is done here, on the passages'
 * entities, rather than by Elasticsearch.
 */
final class Names {
    static final String MATCHING = "names are compared case-insensitively, ignoring punctuation and spacing";

    private Names() {
    }

    /** Lower-case letters and digits, words separated by one space; empty if the name has no letter or digit. */
    static String key(String name) {
        if (name == null) {
            return "";
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (pendingSpace && !b.isEmpty()) {
                    b.append(' ');
                }
                pendingSpace = false;
                b.appendCodePoint(Character.toLowerCase(cp));
            } else {
                pendingSpace = true;
            }
        }
        return b.toString();
    }

    /** The name as shown: trimmed, runs of white space as one space. */
    static String display(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    /** Orders names for display: case-insensitively, then as written. */
    static int compareForDisplay(String a, String b) {
        int c = a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
        return c != 0 ? c : a.compareTo(b);
    }
}
