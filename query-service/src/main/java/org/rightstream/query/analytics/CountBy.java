package org.rightstream.query.analytics;

/**
 * How passages are counted per category: under every category the classifier gave them (a passage
 * about torture in detention counts for both), or under their primary category only (each passage
 * once, so the categories of a year add up to its passages).
 */
public enum CountBy {
    ALL("all", "categories.id"),
    PRIMARY("primary", "primaryCategory");

    private final String parameterValue;
    private final String field;

    CountBy(String parameterValue, String field) {
        this.parameterValue = parameterValue;
        this.field = field;
    }

    public String parameterValue() {
        return parameterValue;
    }

    /** The indexed keyword field the counts are aggregated on. */
    String field() {
        return field;
    }

    String explanation() {
        return this == ALL
                ? "a passage is counted under each of its categories (categories.id), so category counts of a year"
                        + " can add up to more than its passages"
                : "a passage is counted under its primary category only (primaryCategory), so category counts plus"
                        + " 'uncategorized' add up to the passages of the year";
    }
}
