package org.rightstream.query.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.rightstream.contracts.Ids;

/**
 * A validated search request. Lists are "any of" filters (empty: no filter); q is the query as typed,
 * stripped ("" matches everything).
 *
 * @param cursor where the previous page ended, or null for a page addressed by {@code from}
 * @param facets the facets asked for (names from {@link Facets#NAMES}, in that order; empty: none). They are
 *               counted on pages addressed by {@code from} only: a cursor page continues a result whose
 *               facets its first page already gave, and they would be the same
 */
public record SearchCriteria(String q, List<String> countries, Integer yearFrom, Integer yearTo,
                             List<String> categories, Integer minSeverity, List<String> reports,
                             List<String> entities, SearchSort sort, int from, int size, Cursor cursor,
                             Set<String> facets) {

    public SearchCriteria {
        q = q == null ? "" : q.strip();
        countries = countries == null ? List.of() : List.copyOf(countries);
        categories = categories == null ? List.of() : List.copyOf(categories);
        reports = reports == null ? List.of() : List.copyOf(reports);
        entities = entities == null ? List.of() : List.copyOf(entities);
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        facets = facets == null ? Set.of() : inAnswerOrder(facets);
    }

    /** All facets ({@code true}) or none ({@code false}). */
    public SearchCriteria(String q, List<String> countries, Integer yearFrom, Integer yearTo, List<String> categories,
                          Integer minSeverity, List<String> reports, List<String> entities, SearchSort sort, int from,
                          int size, Cursor cursor, boolean facets) {
        this(q, countries, yearFrom, yearTo, categories, minSeverity, reports, entities, sort, from, size, cursor,
                facets ? ALL_FACETS : Set.of());
    }

    /** Every facet: what a search counts unless told otherwise. */
    public static final Set<String> ALL_FACETS = inAnswerOrder(Facets.NAMES);

    private static Set<String> inAnswerOrder(java.util.Collection<String> names) {
        for (String name : names) {
            if (!Facets.NAMES.contains(name)) {
                throw new IllegalArgumentException("no facet '" + name + "'; facets: " + Facets.NAMES);
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        Facets.NAMES.stream().filter(names::contains).forEach(ordered::add);
        return Collections.unmodifiableSet(ordered);
    }

    /** Whether this request counts facets: some were asked for and the page is not a cursor page. */
    public boolean countsFacets() {
        return !facets.isEmpty() && cursor == null;
    }

    /** Everything, by relevance, first page. */
    public static SearchCriteria query(String q, int size) {
        return new SearchCriteria(q, List.of(), null, null, List.of(), null, List.of(), List.of(), null, 0, size,
                null, ALL_FACETS);
    }

    /** The offset of this page's first hit within the whole result. */
    public long offset() {
        return cursor == null ? from : cursor.offset();
    }

    /**
     * Identifies the result list (query, filters and sort, not the page): a cursor carries it, so it is
     * only accepted by the search it came from.
     */
    public String fingerprint() {
        String canonical = String.join("\u0001", q, set(countries, true), String.valueOf(yearFrom),
                String.valueOf(yearTo), set(categories, false), String.valueOf(minSeverity), set(reports, false),
                set(entities, false), sort.toString());
        byte[] hash = HexFormat.of().parseHex(Ids.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 9));
    }

    private static String set(List<String> values, boolean ignoreCase) {
        TreeSet<String> sorted = new TreeSet<>();
        values.forEach(v -> sorted.add(ignoreCase ? v.toLowerCase(Locale.ROOT) : v));
        return String.join("\u0002", sorted);
    }
}
