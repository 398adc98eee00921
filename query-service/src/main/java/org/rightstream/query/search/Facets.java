package org.rightstream.query.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Counts of the matching passages by country, year, category, severity level and named entity (top
 * values only for entities). Country, year and severity have one value per passage, so for each of them
 * the buckets plus {@code other} plus {@code missing} add up to the total; a passage can have several
 * categories and entities. A facet that was not asked for ({@code facets=country,year}) is null and left
 * out of the answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Facets(Facet country, Facet year, Facet category, Facet severity, Facet entity) {

    /** The facet names, in answer order: also the values the {@code facets} parameter takes. */
    public static final List<String> NAMES = List.of("country", "year", "category", "severity", "entity");

    /**
     * @param buckets the values with the most passages, each with its count
     * @param other   passages with a value not listed
     * @param missing passages without a value
     */
    public record Facet(List<Bucket> buckets, long other, long missing) {
    }

    /** A value (a string, or a number for year and severity), its label if it has one, and its count. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bucket(Object value, String label, long count) {
    }
}
