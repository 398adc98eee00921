package org.rightstream.query.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Passage counts by category and year. */
public record CategoryTrends(
        @Schema(description = "country filter as requested (null: all countries)") String country,
        @Schema(description = "first year of the range (null: open)") Integer from,
        @Schema(description = "last year of the range (null: open)") Integer to,
        @Schema(description = "'all' or 'primary'") String countBy,
        @Schema(description = "how a passage with several categories is counted") String counting,
        @Schema(description = "one entry per year that has passages, oldest first") List<CategoryYear> years) {

    public record CategoryYear(
            int year,
            @Schema(description = "passages of that year (each once)") long passages,
            @Schema(description = "passages of that year without any category") long uncategorized,
            @Schema(description = "categories with at least one passage, most passages first") List<CategoryCount> categories) {
    }

    public record CategoryCount(
            @Schema(description = "taxonomy category id") String id,
            @Schema(description = "taxonomy label") String label,
            long passages) {
    }
}
