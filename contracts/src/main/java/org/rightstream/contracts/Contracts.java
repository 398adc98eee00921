package org.rightstream.contracts;

final class Contracts {
    private Contracts() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidMessageException(message);
        }
    }

    /**
     * A category id must be one of the taxonomy's (or absent): search filters, facets and watchlists only know
     * those, so a passage labelled otherwise could never be found by its category.
     */
    static void requireCategory(String id, String field) {
        require(id == null || Taxonomy.get().isCategory(id), field + ": '" + abbreviate(id)
                + "' is not a category of taxonomy " + Taxonomy.get().version());
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    static void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field + " is missing or blank");
    }
}
