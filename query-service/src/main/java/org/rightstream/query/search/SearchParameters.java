package org.rightstream.query.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rightstream.contracts.Taxonomy;

/**
 * Reads and checks the parameters of {@code GET /api/search} and {@code GET /api/reports/{id}/passages}
 * from the raw query string; every problem is a {@link BadParameterException} naming the parameter.
 * Values are taken as sent (a comma inside a country or entity name stays part of it); repeatable
 * filters are "any of" ({@code country=A&country=B}; category ids may also be comma-separated); a blank
 * value counts as not given, as an empty form field sends it.
 */
public final class SearchParameters {
    public static final Set<String> SEARCH = Set.of("q", "country", "yearFrom", "yearTo", "category", "minSeverity",
            "report", "entity", "sort", "from", "size", "cursor", "facets");
    public static final Set<String> PASSAGES = Set.of("from", "size");
    static final int MAX_VALUE_LENGTH = 256;
    static final int MAX_VALUES = 50;

    private final SearchProperties limits;
    private final Taxonomy taxonomy;
    private final int minLevel;
    private final int maxLevel;

    public SearchParameters(SearchProperties limits, Taxonomy taxonomy) {
        this.limits = limits;
        this.taxonomy = taxonomy;
        this.minLevel = taxonomy.severity().levels().stream().mapToInt(Taxonomy.Level::level).min().orElse(1);
        this.maxLevel = taxonomy.severity().levels().stream().mapToInt(Taxonomy.Level::level).max().orElse(5);
    }

    public SearchCriteria search(Map<String, List<String>> params) {
        rejectUnknown(params, SEARCH);
        String q = single(params, "q");
        q = q == null ? "" : q.strip();
        if (q.length() > limits.maxQueryLength()) {
            throw new BadParameterException("q", "is longer than " + limits.maxQueryLength() + " characters");
        }
        List<String> countries = values(params, "country");
        Integer yearFrom = integer(params, "yearFrom", 0, 9999);
        Integer yearTo = integer(params, "yearTo", 0, 9999);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new BadParameterException("yearFrom", "(" + yearFrom + ") is after yearTo (" + yearTo + ")");
        }
        List<String> categories = new ArrayList<>();
        for (String value : values(params, "category")) {
            for (String id : value.split(",")) {
                String c = id.strip();
                if (c.isEmpty()) {
                    continue;
                }
                if (!taxonomy.isCategory(c)) {
                    throw new BadParameterException("category", "has an unknown category '" + abbreviate(c)
                            + "'; known ids: " + String.join(", ", taxonomy.categories().stream()
                            .map(Taxonomy.Category::id).toList()));
                }
                categories.add(c);
            }
        }
        Integer minSeverity = integer(params, "minSeverity", minLevel, maxLevel);
        List<String> reports = values(params, "report");
        List<String> entities = values(params, "entity");
        SearchSort sort = SearchSort.RELEVANCE;
        String sortValue = single(params, "sort");
        if (sortValue != null) {
            sort = SearchSort.parse(sortValue);
            if (sort == null) {
                throw new BadParameterException("sort", "must be relevance, year or severity, optionally with :asc"
                        + " or :desc (relevance is descending only), was '" + abbreviate(sortValue) + "'");
            }
        }
        Set<String> facets = facets(single(params, "facets"));
        int size = size(params, limits.defaultPageSize());
        String cursorToken = single(params, "cursor");
        Integer fromValue = integer(params, "from", 0, Integer.MAX_VALUE);
        int from = fromValue == null ? 0 : fromValue;
        SearchCriteria criteria = new SearchCriteria(q, countries, yearFrom, yearTo, categories, minSeverity, reports,
                entities, sort, from, size, null, facets);
        if (cursorToken != null) {
            if (from != 0) {
                throw new BadParameterException("from", "cannot be combined with cursor: the cursor says where the"
                        + " page starts");
            }
            Cursor cursor = Cursor.decode(cursorToken, criteria.fingerprint(), sort);
            return new SearchCriteria(q, countries, yearFrom, yearTo, categories, minSeverity, reports, entities, sort,
                    0, size, cursor, facets);
        }
        // Written without from + size, which overflows int for a huge from.
        if (from > limits.maxResultWindow() - size) {
            throw new BadParameterException("from", "must be >= 0 with from + size <= " + limits.maxResultWindow()
                    + ", was " + from + "; to page further, pass back the 'cursor' of the previous page");
        }
        return criteria;
    }

    /**
     * {@code facets}: {@code true} (also when not given) for all of them, {@code false} for none, or a
     * comma-separated list of facet names ({@code country,year,category,severity,entity}).
     */
    static Set<String> facets(String value) {
        if (value == null) {
            return SearchCriteria.ALL_FACETS;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return SearchCriteria.ALL_FACETS;
        }
        if (v.equals("false")) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : v.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!Facets.NAMES.contains(name)) {
                throw new BadParameterException("facets", "must be true, false or a comma-separated list of "
                        + String.join(", ", Facets.NAMES) + "; '" + abbreviate(name) + "' is none of them");
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new BadParameterException("facets", "must be true, false or a comma-separated list of "
                    + String.join(", ", Facets.NAMES) + ", was '" + abbreviate(value) + "'");
        }
        return names;
    }

    /** Paging of a report's passages: {@code from} is the ordinal to start at, {@code size} the page size. */
    public Paging passages(Map<String, List<String>> params) {
        rejectUnknown(params, PASSAGES);
        Integer from = integer(params, "from", 0, Integer.MAX_VALUE);
        return new Paging(from == null ? 0 : from, size(params, limits.passagePageSize()));
    }

    public record Paging(int from, int size) {
    }

    private int size(Map<String, List<String>> params, int defaultSize) {
        String value = single(params, "size");
        if (value == null) {
            return defaultSize;
        }
        Integer size = parse(value);
        if (size == null || size < 1 || size > limits.maxPageSize()) {
            throw new BadParameterException("size", "must be a whole number between 1 and " + limits.maxPageSize()
                    + ", was '" + abbreviate(value) + "'");
        }
        return size;
    }

    private static void rejectUnknown(Map<String, List<String>> params, Set<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw new BadParameterException(abbreviate(name), "is not a parameter of this API; known parameters: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** A single-valued parameter; blank counts as not given (as an empty form field sends it). */
    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = given(params, name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadParameterException(name, "is given " + values.size() + " times; it takes one value");
        }
        return values.get(0);
    }

    private static List<String> given(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    /** Repeatable text values: stripped, blanks skipped, none overlong, duplicates removed. */
    private static List<String> values(Map<String, List<String>> params, String name) {
        List<String> values = given(params, name);
        if (values.size() > MAX_VALUES) {
            throw new BadParameterException(name, "is given " + values.size() + " times; at most " + MAX_VALUES);
        }
        Set<String> result = new LinkedHashSet<>();
        for (String v : values) {
            String s = v.strip();
            if (s.length() > MAX_VALUE_LENGTH) {
                throw new BadParameterException(name, "is longer than " + MAX_VALUE_LENGTH + " characters");
            }
            result.add(s);
        }
        return List.copyOf(result);
    }

    private static Integer integer(Map<String, List<String>> params, String name, int min, int max) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        Integer n = parse(value);
        if (n == null) {
            throw new BadParameterException(name, "must be a whole number, was '" + abbreviate(value) + "'");
        }
        if (n < min || n > max) {
            throw new BadParameterException(name, "must be " + (max == Integer.MAX_VALUE ? ">= " + min
                    : "between " + min + " and " + max) + ", was " + n);
        }
        return n;
    }

    private static Integer parse(String value) {
        String s = value.strip();
        if (!s.matches("[+-]?\\d{1,10}")) {
            return null;
        }
        long n = Long.parseLong(s);
        return n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? null : (int) n;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
