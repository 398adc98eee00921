package org.rightstream.query.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/trends/*} and {@code /api/compare}. Parameters arrive as text and are checked here, so
 * that any invalid value is a 400 naming the parameter; the work is done by {@link Analytics}.
 */
@RestController
@Tag(name = "Analytics", description = "Trends over the years and year-over-year comparison of a country's passages")
@ApiResponse(responseCode = "400", description = "an invalid parameter; 'parameter' names it",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "Elasticsearch is not available",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
class AnalyticsController {
    static final int DEFAULT_TOP = 10;
    static final int MAX_TOP = 100;
    static final int DEFAULT_NAMES = 100;
    static final int MAX_NAMES = 1000;
    static final int DEFAULT_PASSAGES_PER_NAME = 3;
    static final int MAX_PASSAGES_PER_NAME = 20;

    private static final String COUNTRY = "Country as stored with the passages (e.g. Kazakhstan); compared"
            + " case-insensitively. Omit for all countries.";
    private static final String FROM = "First year to include (1900-2100). Omit for no lower bound.";
    private static final String TO = "Last year to include (1900-2100, not before 'from'). Omit for no upper bound.";
    private static final String COUNT_BY = "'all' (default): a passage counts under each of its categories"
            + " (categories.id), so a year's category counts can add up to more than its passages. 'primary': only"
            + " under its primary category, so category counts plus 'uncategorized' add up to the year's passages.";

    private final Analytics analytics;

    AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping(path = "/api/trends/categories", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Passage counts by category and year",
            description = "For each year with passages (oldest first): its passages, the passages without a category,"
                    + " and the number of passages per taxonomy category. By default a passage is counted under EACH of"
                    + " its categories (categories.id); countBy=primary counts it under its primary category only."
                    + " Passages without a year are left out.")
    CategoryTrends categoryTrends(
            @Parameter(description = COUNTRY, example = "Kazakhstan") @RequestParam(required = false) String country,
            @Parameter(description = FROM, schema = @Schema(type = "integer", minimum = "1900", maximum = "2100"))
            @RequestParam(required = false) String from,
            @Parameter(description = TO, schema = @Schema(type = "integer", minimum = "1900", maximum = "2100"))
            @RequestParam(required = false) String to,
            @Parameter(description = COUNT_BY, schema = @Schema(type = "string", allowableValues = {"all", "primary"},
                    defaultValue = "all"))
            @RequestParam(required = false) String countBy) throws IOException {
        String c = AnalyticsParameters.optionalCountry(country);
        Integer f = AnalyticsParameters.optionalYear("from", from);
        Integer t = AnalyticsParameters.optionalYear("to", to);
        AnalyticsParameters.requireOrdered(f, t);
        return analytics.categoryTrends(c, f, t, AnalyticsParameters.countBy(countBy));
    }

    @GetMapping(path = "/api/trends/severity", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Severity distribution by year",
            description = "For each year with passages (oldest first): how many passages have each severity level 1-5"
                    + " (every level listed), their mean level, and the passages without a level.")
    SeverityTrends severityTrends(
            @Parameter(description = COUNTRY, example = "Kazakhstan") @RequestParam(required = false) String country,
            @Parameter(description = FROM, schema = @Schema(type = "integer", minimum = "1900", maximum = "2100"))
            @RequestParam(required = false) String from,
            @Parameter(description = TO, schema = @Schema(type = "integer", minimum = "1900", maximum = "2100"))
            @RequestParam(required = false) String to) throws IOException {
        String c = AnalyticsParameters.optionalCountry(country);
        Integer f = AnalyticsParameters.optionalYear("from", from);
        Integer t = AnalyticsParameters.optionalYear("to", to);
        AnalyticsParameters.requireOrdered(f, t);
        return analytics.severityTrends(c, f, t);
    }

    @GetMapping(path = "/api/trends/persons", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Top named persons by year",
            description = "For each year: the persons (entities of type PERSON) named in the most passages; a passage"
                    + " naming someone twice counts once. Names are compared case-insensitively, ignoring punctuation and"
                    + " spacing; the most frequent spelling is shown. Reads the matching passages' entities, so narrow"
                    + " it with country and years on a large index ('complete' says whether every passage was read).")
    PersonTrends personTrends(
            @Parameter(description = COUNTRY, example = "Kazakhstan") @RequestParam(required = false) String country,
            @Parameter(description = FROM, schema = @Schema(type = "integer", minimum = "1900", maximum = "2100"))
            @RequestParam(required = false) String from,
            @Parameter(description = TO, schema = @Schema(type = "integer", minimum = "1900", maximum = "2100"))
            @RequestParam(required = false) String to,
            @Parameter(description = "How many persons to list per year (1-" + MAX_TOP + ").",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_TOP, defaultValue = "" + DEFAULT_TOP))
            @RequestParam(required = false) String top) throws IOException {
        String c = AnalyticsParameters.optionalCountry(country);
        Integer f = AnalyticsParameters.optionalYear("from", from);
        Integer t = AnalyticsParameters.optionalYear("to", to);
        AnalyticsParameters.requireOrdered(f, t);
        int n = AnalyticsParameters.intInRange("top", top, DEFAULT_TOP, 1, MAX_TOP);
        return analytics.personTrends(c, f, t, n);
    }

    @GetMapping(path = "/api/compare", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Compare a country's passages in two years",
            description = "Per category: passages and mean severity in 'from' and in 'to', and the change (to minus"
                    + " from); the same for all passages. Then \"what's new\": the persons and organisations named in"
                    + " 'to' whose names the 'from' passages neither name as an entity nor contain in their text, each"
                    + " with up to 'passagesPerName' passages (chunkId, reportId, snippet) that name them. Names are"
                    + " compared case-insensitively, ignoring punctuation and spacing. Category counting as in"
                    + " /api/trends/categories (countBy).")
    Comparison compare(
            @Parameter(description = "Country as stored with the passages; compared case-insensitively.",
                    required = true, example = "Kazakhstan")
            @RequestParam(required = false) String country,
            @Parameter(description = "The earlier year (1900-2100).", required = true,
                    schema = @Schema(type = "integer", minimum = "1900", maximum = "2100", example = "2017"))
            @RequestParam(required = false) String from,
            @Parameter(description = "The later year (1900-2100, after 'from').", required = true,
                    schema = @Schema(type = "integer", minimum = "1900", maximum = "2100", example = "2021"))
            @RequestParam(required = false) String to,
            @Parameter(description = COUNT_BY, schema = @Schema(type = "string", allowableValues = {"all", "primary"},
                    defaultValue = "all"))
            @RequestParam(required = false) String countBy,
            @Parameter(description = "At most this many new persons, and as many new organisations, are listed (1-"
                    + MAX_NAMES + "); 'total' gives the full number.",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_NAMES, defaultValue = "" + DEFAULT_NAMES))
            @RequestParam(required = false) String limit,
            @Parameter(description = "At most this many passages are listed per new name (1-" + MAX_PASSAGES_PER_NAME + ").",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_PASSAGES_PER_NAME,
                            defaultValue = "" + DEFAULT_PASSAGES_PER_NAME))
            @RequestParam(required = false) String passagesPerName) throws IOException {
        String c = AnalyticsParameters.requiredCountry(country);
        int f = AnalyticsParameters.requiredYear("from", from);
        int t = AnalyticsParameters.requiredYear("to", to);
        if (f >= t) {
            throw new AnalyticsParameterException("from", "must be before 'to' (from=" + f + ", to=" + t + ")");
        }
        CountBy by = AnalyticsParameters.countBy(countBy);
        int names = AnalyticsParameters.intInRange("limit", limit, DEFAULT_NAMES, 1, MAX_NAMES);
        int perName = AnalyticsParameters.intInRange("passagesPerName", passagesPerName, DEFAULT_PASSAGES_PER_NAME, 1,
                MAX_PASSAGES_PER_NAME);
        return analytics.compare(c, f, t, by, names, perName);
    }
}
