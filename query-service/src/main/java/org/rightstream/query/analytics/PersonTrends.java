package org.rightstream.query.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The persons named in the most passages, per year. */
public record PersonTrends(
        String country, Integer from, Integer to,
        @Schema(description = "how many persons are listed per year") int top,
        @Schema(description = "how names are compared") String matching,
        @Schema(description = "false if more passages matched than one request reads; the counts then cover only part")
        boolean complete,
        List<PersonYear> years) {

    public record PersonYear(
            int year,
            @Schema(description = "passages of that year that name at least one person") long passagesNamingPersons,
            @Schema(description = "different persons named that year") int distinctPersons,
            @Schema(description = "most passages first; ties by name") List<PersonCount> persons) {
    }

    public record PersonCount(
            @Schema(description = "the most frequent spelling that year") String name,
            @Schema(description = "passages of that year naming the person") long passages) {
    }
}
