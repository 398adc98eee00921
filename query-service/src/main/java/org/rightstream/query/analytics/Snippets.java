package org.rightstream.query.analytics;

import java.util.Locale;

/** A short plain-text excerpt of a passage around the place where it names someone. */
final class Snippets {
    static final int CONTEXT_CHARS = 120;

    private Snippets() {
    }

    /**
     * The text around [start, end) — the entity's offsets into the passage — cut at word boundaries,
     * with "…" where text was left out. If the offsets do not point at the name (an older labelling),
     * the name is looked up in the text; failing that the snippet is the passage's beginning.
     */
    static String around(String text, String name, Integer start, Integer end) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int s = start == null ? -1 : start;
        int e = end == null ? -1 : end;
        if (s < 0 || e > text.length() || s >= e || !Names.key(text.substring(s, e)).equals(Names.key(name))) {
            int found = name == null || name.isBlank() ? -1
                    : text.toLowerCase(Locale.ROOT).indexOf(name.strip().toLowerCase(Locale.ROOT));
            s = Math.max(found, 0);
            e = found < 0 ? 0 : found + name.strip().length();
        }
        int from = Math.max(0, s - CONTEXT_CHARS);
        int to = Math.min(text.length(), e + CONTEXT_CHARS);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < s ? space + 1 : from;
        }
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > e ? space : to;
        }
        String excerpt = text.substring(from, to).strip().replaceAll("\\s+", " ");
        return (from > 0 ? "…" : "") + excerpt + (to < text.length() ? "…" : "");
    }
}
