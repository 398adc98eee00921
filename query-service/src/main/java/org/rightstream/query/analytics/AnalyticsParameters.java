package org.rightstream.query.analytics;

/**
 * Reads the analytics API's request parameters from their raw text, so that every invalid value,
 * whatever its kind, is reported as a 400 that names the parameter.
 */
final class AnalyticsParameters {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    static final int MAX_COUNTRY_CHARS = 100;

    private AnalyticsParameters() {
    }

    /** A required country name (compared case-insensitively with the indexed one). */
    static String requiredCountry(String value) {
        if (value == null || value.isBlank()) {
            throw new AnalyticsParameterException("country", "is required, e.g. country=Kazakhstan");
        }
        return optionalCountry(value);
    }

    static String optionalCountry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String country = value.strip();
        if (country.length() > MAX_COUNTRY_CHARS) {
            throw new AnalyticsParameterException("country", "is longer than " + MAX_COUNTRY_CHARS + " characters");
        }
        return country;
    }

    static int requiredYear(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new AnalyticsParameterException(name, "is required: a year such as 2017");
        }
        return optionalYear(name, value);
    }

    static Integer optionalYear(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int year = integer(name, value, "a year such as 2017");
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new AnalyticsParameterException(name, "must be a year between " + MIN_YEAR + " and " + MAX_YEAR
                    + ", was " + year);
        }
        return year;
    }

    /** An optional year range; {@code from} may equal {@code to} (one year). */
    static void requireOrdered(Integer from, Integer to) {
        if (from != null && to != null && from > to) {
            throw new AnalyticsParameterException("from", "must not be after 'to' (" + from + " > " + to + ")");
        }
    }

    static int intInRange(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int n = integer(name, value, "a whole number between " + min + " and " + max);
        if (n < min || n > max) {
            throw new AnalyticsParameterException(name, "must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }

    static CountBy countBy(String value) {
        if (value == null || value.isBlank()) {
            return CountBy.ALL;
        }
        for (CountBy c : CountBy.values()) {
            if (c.parameterValue().equalsIgnoreCase(value.strip())) {
                return c;
            }
        }
        throw new AnalyticsParameterException("countBy", "must be 'all' (every category of a passage) or 'primary'"
                + " (its primary category only), was '" + abbreviate(value) + "'");
    }

    private static int integer(String name, String value, String expected) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new AnalyticsParameterException(name, "must be " + expected + ", was '" + abbreviate(value) + "'");
        }
    }

    private static String abbreviate(String value) {
        String v = value.strip();
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }
}
