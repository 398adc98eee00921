package org.rightstream.query.analytics;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.util.NamedValue;
import java.util.List;
import java.util.Map;
import org.rightstream.contracts.Indices;

/**
 * The Elasticsearch requests of the analytics API: aggregations for counts and means (terms, avg and
 * missing, all in the core of the local node), and sorted pages of source-filtered passages for the
 * name analyses. The mapping stores {@code entities} as an object array, not as nested documents, so
 * an aggregation cannot tell which entity text has which type; the name analyses therefore read the
 * passages' entities and count in Java.
 */
final class AnalyticsQueries {
    static final String YEARS = "years";
    static final String CATEGORIES = "categories";
    static final String UNCATEGORIZED = "uncategorized";
    static final String LEVELS = "levels";
    static final String MEAN_SEVERITY = "meanSeverity";
    static final String UNRATED = "unrated";
    static final String SEVERITY_FIELD = "severity.level";
    /** More than the taxonomy's 29 categories, so no category is ever cut off. */
    static final int MAX_CATEGORIES = 500;
    static final int MAX_YEARS = 1000;
    static final int SCAN_PAGE = 1000;

    private AnalyticsQueries() {
    }

    static SearchRequest categoryTrends(Scope scope, CountBy countBy) {
        return SearchRequest.of(s -> s.index(Indices.REPORT_CHUNKS.alias()).size(0)
                .query(scope.query())
                .aggregations(YEARS, byYear(MAX_YEARS, Map.of(
                        CATEGORIES, Aggregation.of(a -> a.terms(t -> t.field(countBy.field()).size(MAX_CATEGORIES))),
                        UNCATEGORIZED, Aggregation.of(a -> a.missing(m -> m.field(countBy.field())))))));
    }

    static SearchRequest severityTrends(Scope scope) {
        return SearchRequest.of(s -> s.index(Indices.REPORT_CHUNKS.alias()).size(0)
                .query(scope.query())
                .aggregations(YEARS, byYear(MAX_YEARS, Map.of(
                        LEVELS, Aggregation.of(a -> a.terms(t -> t.field(SEVERITY_FIELD).size(10))),
                        MEAN_SEVERITY, meanSeverity(),
                        UNRATED, Aggregation.of(a -> a.missing(m -> m.field(SEVERITY_FIELD)))))));
    }

    /** Per year (only the two compared), the mean severity overall and per category. */
    static SearchRequest comparison(String country, int from, int to, CountBy countBy) {
        Scope scope = new Scope(country, from, to);
        Query bothYears = Query.of(q -> q.terms(t -> t.field("year")
                .terms(v -> v.value(List.of(FieldValue.of(from), FieldValue.of(to))))));
        return SearchRequest.of(s -> s.index(Indices.REPORT_CHUNKS.alias()).size(0)
                .query(scope.query(bothYears))
                .aggregations(YEARS, byYear(2, Map.of(
                        MEAN_SEVERITY, meanSeverity(),
                        CATEGORIES, Aggregation.of(a -> a
                                .terms(t -> t.field(countBy.field()).size(MAX_CATEGORIES))
                                .aggregations(MEAN_SEVERITY, meanSeverity()))))));
    }

    /** The passages that name at least one person, with only their year and entities. */
    static SearchRequest personPage(Scope scope, List<FieldValue> after) {
        Query namesAPerson = Query.of(q -> q.term(t -> t.field("entities.type").value(NewNamesFinder.PERSON)));
        return page(scope.query(namesAPerson), after, List.of("chunkId", "year", "entities.text", "entities.type"));
    }

    /** All passages of one country and year with their text and entities. */
    static SearchRequest yearPage(String country, int year, List<FieldValue> after) {
        return page(new Scope(country, year, year).query(), after,
                List.of("chunkId", "reportId", "year", "text", "entities"));
    }

    /** One page of a scan in chunkId order (unique, so search_after never skips or repeats a passage). */
    private static SearchRequest page(Query query, List<FieldValue> after, List<String> fields) {
        return SearchRequest.of(s -> {
            s.index(Indices.REPORT_CHUNKS.alias()).size(SCAN_PAGE)
                    .query(query)
                    .source(src -> src.filter(f -> f.includes(fields)))
                    .sort(o -> o.field(f -> f.field("chunkId").order(SortOrder.Asc)))
                    .trackTotalHits(t -> t.enabled(false));
            if (after != null && !after.isEmpty()) {
                s.searchAfter(after);
            }
            return s;
        });
    }

    private static Aggregation byYear(int size, Map<String, Aggregation> perYear) {
        return Aggregation.of(a -> a
                .terms(t -> t.field("year").size(size).order(List.of(NamedValue.of("_key", SortOrder.Asc))))
                .aggregations(perYear));
    }

    private static Aggregation meanSeverity() {
        return Aggregation.of(a -> a.avg(m -> m.field(SEVERITY_FIELD)));
    }
}
