package org.rightstream.query.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One country's passages in two years: per category counts and mean severity, and who is new. */
public record Comparison(
        String country, int from, int to,
        @Schema(description = "'all' or 'primary'") String countBy,
        @Schema(description = "how a passage with several categories is counted") String counting,
        @Schema(description = "all passages of the country in each year") YearOverYear allPassages,
        @Schema(description = "every category with passages in either year; largest change in passages first")
        List<CategoryChange> categories,
        NewNames newNames,
        @Schema(description = "things to know about the result, e.g. a year without passages") List<String> warnings) {

    public record YearOverYear(YearFigures from, YearFigures to, Change change) {
    }

    public record CategoryChange(String id, String label, YearFigures from, YearFigures to, Change change) {
    }

    public record YearFigures(
            long passages,
            @Schema(description = "mean severity level (1-5) of these passages; null if none") Double meanSeverity) {
    }

    public record Change(
            @Schema(description = "passages in 'to' minus passages in 'from'") long passages,
            @Schema(description = "mean severity in 'to' minus in 'from'; null unless both exist") Double meanSeverity) {
    }

    public record NewNames(
            @Schema(description = "how names are compared") String matching,
            @Schema(description = "at most this many passages are listed per name") int passagesPerName,
            @Schema(description = "false if a year had more passages than one request reads") boolean complete,
            NameGroup persons,
            NameGroup organisations) {
    }

    public record NameGroup(
            @Schema(description = "how many new names there are") int total,
            @Schema(description = "the first 'limit' of them, named in the most passages first") List<NewName> names) {
    }

    public record NewName(
            @Schema(description = "the most frequent spelling in the 'to' year") String name,
            @Schema(description = "passages of the 'to' year naming it") int passages,
            @Schema(description = "some of those passages, in report order") List<PassageRef> examples) {
    }

    public record PassageRef(String chunkId, String reportId,
                             @Schema(description = "plain text around the name") String snippet) {
    }
}
