package org.rightstream.query.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** How many passages of each year have each severity level (1-5). */
public record SeverityTrends(String country, Integer from, Integer to, List<SeverityYear> years) {

    public record SeverityYear(
            int year,
            long passages,
            @Schema(description = "mean severity level of the year's rated passages; null if none") Double meanSeverity,
            @Schema(description = "levels 1 to 5, each listed (0 when no passage has it)") List<LevelCount> levels,
            @Schema(description = "passages without a severity level") long unrated) {
    }

    public record LevelCount(int level, @Schema(description = "taxonomy name of the level") String name, long passages) {
    }
}
