package org.rightstream.query.analytics;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rightstream.contracts.Taxonomy;

/** Turns the aggregation responses of {@link AnalyticsQueries} into the API's records. */
final class AnalyticsResults {
    private AnalyticsResults() {
    }

    static CategoryTrends categoryTrends(Scope scope, CountBy countBy, SearchResponse<?> response) {
        List<CategoryTrends.CategoryYear> years = new ArrayList<>();
        for (LongTermsBucket y : yearBuckets(response)) {
            List<CategoryTrends.CategoryCount> categories = stringBuckets(y.aggregations().get(AnalyticsQueries.CATEGORIES))
                    .stream()
                    .map(c -> new CategoryTrends.CategoryCount(c.key().stringValue(), label(c.key().stringValue()), c.docCount()))
                    .sorted(Comparator.comparingLong(CategoryTrends.CategoryCount::passages).reversed()
                            .thenComparing(CategoryTrends.CategoryCount::id))
                    .toList();
            years.add(new CategoryTrends.CategoryYear((int) y.key(), y.docCount(),
                    missing(y.aggregations().get(AnalyticsQueries.UNCATEGORIZED)), categories));
        }
        return new CategoryTrends(scope.country(), scope.from(), scope.to(), countBy.parameterValue(),
                countBy.explanation(), years);
    }

    static SeverityTrends severityTrends(Scope scope, SearchResponse<?> response) {
        List<SeverityTrends.SeverityYear> years = new ArrayList<>();
        for (LongTermsBucket y : yearBuckets(response)) {
            Map<Long, Long> counts = new LinkedHashMap<>();
            for (LongTermsBucket level : longBuckets(y.aggregations().get(AnalyticsQueries.LEVELS))) {
                counts.put(level.key(), level.docCount());
            }
            List<SeverityTrends.LevelCount> levels = new ArrayList<>();
            List<Taxonomy.Level> scale = Taxonomy.get().severity().levels().stream()
                    .sorted(Comparator.comparingInt(Taxonomy.Level::level))
                    .toList();
            for (Taxonomy.Level level : scale) {
                levels.add(new SeverityTrends.LevelCount(level.level(), level.name(),
                        counts.getOrDefault((long) level.level(), 0L)));
            }
            years.add(new SeverityTrends.SeverityYear((int) y.key(), y.docCount(),
                    mean(y.aggregations().get(AnalyticsQueries.MEAN_SEVERITY)), levels,
                    missing(y.aggregations().get(AnalyticsQueries.UNRATED))));
        }
        return new SeverityTrends(scope.country(), scope.from(), scope.to(), years);
    }

    /** The per-category part of a comparison; names and warnings are added by the caller. */
    static Comparison comparison(String country, int from, int to, CountBy countBy, SearchResponse<?> response,
                                 Comparison.NewNames newNames) {
        Map<Integer, LongTermsBucket> byYear = new LinkedHashMap<>();
        for (LongTermsBucket y : yearBuckets(response)) {
            byYear.put((int) y.key(), y);
        }
        Comparison.YearFigures allFrom = figures(byYear.get(from));
        Comparison.YearFigures allTo = figures(byYear.get(to));

        Map<String, Comparison.YearFigures[]> perCategory = new LinkedHashMap<>();
        collect(perCategory, byYear.get(from), 0);
        collect(perCategory, byYear.get(to), 1);
        List<Comparison.CategoryChange> categories = new ArrayList<>();
        perCategory.forEach((id, f) -> {
            Comparison.YearFigures a = f[0] == null ? new Comparison.YearFigures(0, null) : f[0];
            Comparison.YearFigures b = f[1] == null ? new Comparison.YearFigures(0, null) : f[1];
            categories.add(new Comparison.CategoryChange(id, label(id), a, b, change(a, b)));
        });
        categories.sort(Comparator.comparingLong((Comparison.CategoryChange c) -> Math.abs(c.change().passages()))
                .reversed().thenComparing(Comparison.CategoryChange::id));

        List<String> warnings = new ArrayList<>();
        for (int year : new int[] {from, to}) {
            if (!byYear.containsKey(year)) {
                warnings.add("no passages for country '" + country + "' in " + year);
            }
        }
        if (newNames != null && !newNames.complete()) {
            warnings.add("a year has more passages than one comparison reads; the new names cover only part of them");
        }
        return new Comparison(country, from, to, countBy.parameterValue(), countBy.explanation(),
                new Comparison.YearOverYear(allFrom, allTo, change(allFrom, allTo)), categories, newNames, warnings);
    }

    private static void collect(Map<String, Comparison.YearFigures[]> perCategory, LongTermsBucket year, int slot) {
        if (year == null) {
            return;
        }
        for (StringTermsBucket c : stringBuckets(year.aggregations().get(AnalyticsQueries.CATEGORIES))) {
            perCategory.computeIfAbsent(c.key().stringValue(), k -> new Comparison.YearFigures[2])[slot] =
                    new Comparison.YearFigures(c.docCount(), mean(c.aggregations().get(AnalyticsQueries.MEAN_SEVERITY)));
        }
    }

    private static Comparison.YearFigures figures(LongTermsBucket year) {
        return year == null ? new Comparison.YearFigures(0, null)
                : new Comparison.YearFigures(year.docCount(), mean(year.aggregations().get(AnalyticsQueries.MEAN_SEVERITY)));
    }

    private static Comparison.Change change(Comparison.YearFigures from, Comparison.YearFigures to) {
        Double severity = from.meanSeverity() == null || to.meanSeverity() == null ? null
                : round(to.meanSeverity() - from.meanSeverity());
        return new Comparison.Change(to.passages() - from.passages(), severity);
    }

    private static List<LongTermsBucket> yearBuckets(SearchResponse<?> response) {
        return longBuckets(response.aggregations().get(AnalyticsQueries.YEARS));
    }

    private static List<LongTermsBucket> longBuckets(Aggregate aggregate) {
        return aggregate != null && aggregate.isLterms() ? aggregate.lterms().buckets().array() : List.of();
    }

    private static List<StringTermsBucket> stringBuckets(Aggregate aggregate) {
        return aggregate != null && aggregate.isSterms() ? aggregate.sterms().buckets().array() : List.of();
    }

    private static long missing(Aggregate aggregate) {
        return aggregate != null && aggregate.isMissing() ? aggregate.missing().docCount() : 0;
    }

    /** An average rounded to two decimals; null where there was nothing to average. */
    static Double mean(Aggregate aggregate) {
        if (aggregate == null || !aggregate.isAvg()) {
            return null;
        }
        Double value = aggregate.avg().value();
        return value == null || value.isNaN() || value.isInfinite() ? null : round(value);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static String label(String categoryId) {
        return Taxonomy.get().category(categoryId).map(Taxonomy.Category::label).orElse(categoryId);
    }
}
