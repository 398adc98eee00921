package org.rightstream.query.analytics;

/**
 * The text of a set of passages, normalised like {@link Names#key}, to ask whether a name occurs in
 * it as whole words ("Tokayev" occurs in "President Tokayev's decree", not in "Tokayeva").
 */
final class TextIndex {
    /** Never produced by {@link Names#key}, so no name can match across two passages. */
    private static final String PASSAGE_BREAK = " | ";

    private final StringBuilder normalised = new StringBuilder(PASSAGE_BREAK);

    void add(String passageText) {
        String key = Names.key(passageText);
        if (!key.isEmpty()) {
            normalised.append(key).append(PASSAGE_BREAK);
        }
    }

    boolean containsName(String nameKey) {
        if (nameKey == null || nameKey.isBlank()) {
            return false;
        }
        return normalised.indexOf(" " + nameKey + " ") >= 0;
    }
}
