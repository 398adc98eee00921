package org.rightstream.query.search;

import java.util.Locale;

/**
 * The order of search hits: {@code relevance} (default), {@code year} or {@code severity}, each
 * optionally with {@code :asc} or {@code :desc} (default {@code desc}; relevance is only descending).
 * Ties are broken by chunkId, so the order is total and a cursor never skips or repeats a hit.
 */
public record SearchSort(Key key, boolean ascending) {
    public static final SearchSort RELEVANCE = new SearchSort(Key.RELEVANCE, false);

    public enum Key {
        RELEVANCE("relevance", "_score"),
        YEAR("year", "year"),
        SEVERITY("severity", "severity.level");

        private final String name;
        private final String field;

        Key(String name, String field) {
            this.name = name;
            this.field = field;
        }

        /** The parameter value. */
        public String parameter() {
            return name;
        }

        /** The Elasticsearch sort field. */
        public String field() {
            return field;
        }
    }

    /** The sort a parameter names, or null when it names none. */
    public static SearchSort parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int colon = v.indexOf(':');
        String name = colon < 0 ? v : v.substring(0, colon);
        String direction = colon < 0 ? "desc" : v.substring(colon + 1);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            return null;
        }
        for (Key key : Key.values()) {
            if (key.parameter().equals(name)) {
                if (key == Key.RELEVANCE && direction.equals("asc")) {
                    return null;
                }
                return new SearchSort(key, direction.equals("asc"));
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return key.parameter() + ":" + (ascending ? "asc" : "desc");
    }
}
