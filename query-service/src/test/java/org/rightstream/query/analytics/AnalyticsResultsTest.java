package org.rightstream.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsResultsTest {

    @Test
    void categoryTrendsPerYearWithLabelsMostPassagesFirst() {
        String aggs = """
                {"lterms#years": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [
                  {"key": 2012, "doc_count": 10,
                   "sterms#categories": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [
                     {"key": "detention", "doc_count": 3}, {"key": "torture", "doc_count": 7}]},
                   "missing#uncategorized": {"doc_count": 1}},
                  {"key": 2021, "doc_count": 4,
                   "sterms#categories": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": []},
                   "missing#uncategorized": {"doc_count": 4}}]}}""";

        CategoryTrends t = AnalyticsResults.categoryTrends(new Scope("Kazakhstan", 2012, null), CountBy.PRIMARY,
                EsJson.response(EsJson.responseWithAggregations(aggs)));

        assertThat(t.country()).isEqualTo("Kazakhstan");
        assertThat(t.from()).isEqualTo(2012);
        assertThat(t.to()).isNull();
        assertThat(t.countBy()).isEqualTo("primary");
        assertThat(t.counting()).contains("primary");
        assertThat(t.years()).extracting(CategoryTrends.CategoryYear::year).containsExactly(2012, 2021);
        CategoryTrends.CategoryYear y = t.years().get(0);
        assertThat(y.passages()).isEqualTo(10);
        assertThat(y.uncategorized()).isEqualTo(1);
        assertThat(y.categories()).extracting(CategoryTrends.CategoryCount::id).containsExactly("torture", "detention");
        assertThat(y.categories().get(0).label()).isNotBlank().isNotEqualTo("torture");
        assertThat(t.years().get(1).categories()).isEmpty();
    }

    @Test
    void severityTrendsListEveryLevelAndTheMean() {
        String aggs = """
                {"lterms#years": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [
                  {"key": 2017, "doc_count": 6,
                   "lterms#levels": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [
                     {"key": 4, "doc_count": 2}, {"key": 1, "doc_count": 4}]},
                   "avg#meanSeverity": {"value": 2.0000001},
                   "missing#unrated": {"doc_count": 0}}]}}""";

        SeverityTrends t = AnalyticsResults.severityTrends(new Scope(null, null, null),
                EsJson.response(EsJson.responseWithAggregations(aggs)));

        SeverityTrends.SeverityYear y = t.years().get(0);
        assertThat(y.year()).isEqualTo(2017);
        assertThat(y.meanSeverity()).isEqualTo(2.0);
        assertThat(y.levels()).extracting(SeverityTrends.LevelCount::level).containsExactly(1, 2, 3, 4, 5);
        assertThat(y.levels()).extracting(SeverityTrends.LevelCount::passages).containsExactly(4L, 0L, 0L, 2L, 0L);
        assertThat(y.levels()).allSatisfy(l -> assertThat(l.name()).isNotBlank());
    }

    @Test
    void comparisonGivesBothYearsAndTheChangeForEveryCategory() {
        String aggs = """
                {"lterms#years": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [
                  {"key": 2017, "doc_count": 10, "avg#meanSeverity": {"value": 2.5},
                   "sterms#categories": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [
                     {"key": "torture", "doc_count": 4, "avg#meanSeverity": {"value": 4.0}},
                     {"key": "elections", "doc_count": 2, "avg#meanSeverity": {"value": 1.5}}]}},
                  {"key": 2021, "doc_count": 12, "avg#meanSeverity": {"value": 2.75},
                   "sterms#categories": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [
                     {"key": "torture", "doc_count": 5, "avg#meanSeverity": {"value": 3.5}},
                     {"key": "assembly", "doc_count": 3, "avg#meanSeverity": {"value": 3.0}}]}}]}}""";

        Comparison c = AnalyticsResults.comparison("Kazakhstan", 2017, 2021, CountBy.ALL,
                EsJson.response(EsJson.responseWithAggregations(aggs)), null);

        assertThat(c.allPassages().from()).isEqualTo(new Comparison.YearFigures(10, 2.5));
        assertThat(c.allPassages().to()).isEqualTo(new Comparison.YearFigures(12, 2.75));
        assertThat(c.allPassages().change()).isEqualTo(new Comparison.Change(2, 0.25));
        // Largest change first: assembly +3, elections -2, torture +1.
        assertThat(c.categories()).extracting(Comparison.CategoryChange::id).containsExactly("assembly", "elections", "torture");
        Comparison.CategoryChange assembly = c.categories().get(0);
        assertThat(assembly.from()).isEqualTo(new Comparison.YearFigures(0, null));
        assertThat(assembly.change()).isEqualTo(new Comparison.Change(3, null));
        Comparison.CategoryChange torture = c.categories().get(2);
        assertThat(torture.change()).isEqualTo(new Comparison.Change(1, -0.5));
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aYearWithoutPassagesIsZeroWithAWarning() {
        String aggs = """
                {"lterms#years": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [
                  {"key": 2021, "doc_count": 2, "avg#meanSeverity": {"value": 3.0},
                   "sterms#categories": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": []}}]}}""";
        Comparison.NewNames names = new Comparison.NewNames("m", 3, false,
                new Comparison.NameGroup(0, List.of()), new Comparison.NameGroup(0, List.of()));

        Comparison c = AnalyticsResults.comparison("Narnia", 2013, 2021, CountBy.ALL,
                EsJson.response(EsJson.responseWithAggregations(aggs)), names);

        assertThat(c.allPassages().from()).isEqualTo(new Comparison.YearFigures(0, null));
        assertThat(c.allPassages().change()).isEqualTo(new Comparison.Change(2, null));
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w).contains("Narnia", "2013"));
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w).contains("only part"));
    }

    @Test
    void noBucketsAtAllIsAnEmptyResult() {
        String aggs = """
                {"lterms#years": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": []}}""";

        assertThat(AnalyticsResults.categoryTrends(new Scope(null, null, null), CountBy.ALL,
                EsJson.response(EsJson.responseWithAggregations(aggs))).years()).isEmpty();
        assertThat(AnalyticsResults.mean(null)).isNull();
    }
}
