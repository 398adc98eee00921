package org.rightstream.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.RightstreamJson;
import tools.jackson.databind.JsonNode;

/** The Elasticsearch request bodies the search API sends, checked as JSON. */
class PassageQueriesTest {
    private final PassageQueries queries = new PassageQueries(SearchProperties.defaults(), 29);

    private static JsonNode json(SearchRequest request) {
        return RightstreamJson.mapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper()));
    }

    private static SearchCriteria criteria(String q, SearchSort sort, Cursor cursor, boolean facets) {
        return new SearchCriteria(q, List.of(), null, null, List.of(), null, List.of(), List.of(), sort, 30, 10,
                cursor, facets);
    }

    @Test
    void emptyQueryMatchesAllAndTheSnippetIsEachPassagesOpening() {
        JsonNode body = json(queries.search(SearchCriteria.query("", 10)));

        assertThat(body.path("query").path("bool").path("must").get(0).has("match_all")).isTrue();
        assertThat(body.path("highlight").path("fields").path("text").path("no_match_size").asInt())
                .isEqualTo(PassageQueries.SNIPPET_CHARS);
        assertThat(body.has("track_scores")).isFalse();
        assertThat(body.path("track_total_hits").asBoolean()).isTrue();
        assertThat(body.path("from").asInt()).isZero();
        assertThat(body.path("size").asInt()).isEqualTo(10);
    }

    @Test
    void queryIsRenderedForSimpleQueryStringOverTheTextFieldsWithHighlights() {
        JsonNode body = json(queries.search(SearchCriteria.query("police torture OR beating -army", 10)));

        JsonNode sqs = body.path("query").path("bool").path("must").get(0).path("simple_query_string");
        assertThat(sqs.path("query").asString()).isEqualTo("police + (torture | beating) + -army");
        assertThat(sqs.path("fields").toString()).isEqualTo("[\"text\",\"title\",\"sectionText\"]");
        assertThat(sqs.path("default_operator").asString()).isEqualToIgnoringCase("and");
        assertThat(sqs.path("lenient").asBoolean()).isTrue();
        assertThat(sqs.path("flags").asString()).contains("ESCAPE").contains("PHRASE").contains("NOT")
                .doesNotContain("FUZZY").doesNotContain("SLOP");
        JsonNode highlight = body.path("highlight");
        assertThat(highlight.path("encoder").asString()).isEqualTo("html");
        assertThat(highlight.path("pre_tags").get(0).asString()).isEqualTo("<mark>");
        assertThat(highlight.path("fields").path("text").path("number_of_fragments").asInt()).isEqualTo(3);
        assertThat(highlight.path("fields").path("text").path("no_match_size").asInt()).isEqualTo(220);
    }

    @Test
    void everyFilterIsANonScoringFilterClause() {
        SearchCriteria c = new SearchCriteria("torture", List.of("Kazakhstan", "Kyrgyzstan"), 2012, 2021,
                List.of("torture", "arbitrary-detention"), 3, List.of("r1"), List.of("Almaty"), null, 0, 10, null, true);

        JsonNode filters = json(queries.search(c)).path("query").path("bool").path("filter");

        List<String> kinds = new ArrayList<>();
        filters.forEach(f -> kinds.add(f.propertyNames().iterator().next()));
        assertThat(kinds).containsExactly("bool", "range", "terms", "range", "terms", "terms");
        JsonNode countries = filters.get(0).path("bool");
        assertThat(countries.path("minimum_should_match").asString()).isEqualTo("1");
        assertThat(countries.path("should").get(1).path("term").path("country").path("value").asString())
                .isEqualTo("Kyrgyzstan");
        assertThat(countries.path("should").get(0).path("term").path("country").path("case_insensitive").asBoolean())
                .isTrue();
        assertThat(filters.get(1).path("range").path("year").path("gte").asInt()).isEqualTo(2012);
        assertThat(filters.get(1).path("range").path("year").path("lte").asInt()).isEqualTo(2021);
        assertThat(filters.get(2).path("terms").path("categories.id").toString())
                .isEqualTo("[\"torture\",\"arbitrary-detention\"]");
        assertThat(filters.get(3).path("range").path("severity.level").path("gte").asInt()).isEqualTo(3);
        assertThat(filters.get(3).path("range").path("severity.level").has("lte")).isFalse();
        assertThat(filters.get(4).path("terms").path("reportId").toString()).isEqualTo("[\"r1\"]");
        assertThat(filters.get(5).path("terms").path("entities.text").toString()).isEqualTo("[\"Almaty\"]");
    }

    @Test
    void openYearRangeHasOneBound() {
        SearchCriteria c = new SearchCriteria("", List.of(), null, 2017, List.of(), null, List.of(), List.of(), null, 0,
                10, null, true);
        JsonNode range = json(queries.search(c)).path("query").path("bool").path("filter").get(0).path("range");
        assertThat(range.path("year").has("gte")).isFalse();
        assertThat(range.path("year").path("lte").asInt()).isEqualTo(2017);
    }

    @Test
    void everySortEndsWithTheChunkIdTiebreak() {
        assertThat(json(queries.search(criteria("x", SearchSort.RELEVANCE, null, true))).path("sort").toString())
                .isEqualTo("[{\"_score\":{\"order\":\"desc\"}},{\"chunkId\":{\"order\":\"asc\"}}]");
        assertThat(json(queries.search(criteria("x", SearchSort.parse("year:asc"), null, true))).path("sort").toString())
                .isEqualTo("[{\"year\":{\"order\":\"asc\"}},{\"chunkId\":{\"order\":\"asc\"}}]");
        assertThat(json(queries.search(criteria("", SearchSort.parse("severity"), null, true))).path("sort").toString())
                .isEqualTo("[{\"severity.level\":{\"order\":\"desc\"}},{\"chunkId\":{\"order\":\"asc\"}}]");
    }

    @Test
    void sortedByAFieldTheScoreIsStillReportedForAQuery() {
        assertThat(json(queries.search(criteria("x", SearchSort.parse("year"), null, true))).path("track_scores")
                .asBoolean()).isTrue();
        assertThat(json(queries.search(criteria("x", SearchSort.RELEVANCE, null, true))).has("track_scores")).isFalse();
    }

    @Test
    void fromAndSizeWithoutCursorSearchAfterWithIt() {
        JsonNode paged = json(queries.search(criteria("x", SearchSort.RELEVANCE, null, true)));
        assertThat(paged.path("from").asInt()).isEqualTo(30);
        assertThat(paged.has("search_after")).isFalse();

        Cursor cursor = new Cursor(12_000, "fp", List.of(FieldValue.of(2.5), FieldValue.of("r-00007")));
        JsonNode after = json(queries.search(criteria("x", SearchSort.RELEVANCE, cursor, true)));
        assertThat(after.has("from")).isFalse();
        assertThat(after.path("search_after").toString()).isEqualTo("[2.5,\"r-00007\"]");
    }

    @Test
    void facetsAreTermsAndMissingAggregationsUnlessTurnedOff() {
        JsonNode aggs = json(queries.search(criteria("x", SearchSort.RELEVANCE, null, true))).path("aggregations");
        assertThat(aggs.path("country").path("terms").path("field").asString()).isEqualTo("country");
        assertThat(aggs.path("country").path("terms").path("size").asInt()).isEqualTo(50);
        assertThat(aggs.path("year").path("terms").path("order").toString()).isEqualTo("[{\"_key\":\"desc\"}]");
        assertThat(aggs.path("category").path("terms").path("field").asString()).isEqualTo("categories.id");
        assertThat(aggs.path("category").path("terms").path("size").asInt()).isEqualTo(50);
        assertThat(aggs.path("severity").path("terms").path("field").asString()).isEqualTo("severity.level");
        assertThat(aggs.path("entity").path("terms").path("field").asString()).isEqualTo("entities.text");
        assertThat(aggs.path("entity").path("terms").path("size").asInt()).isEqualTo(10);
        // Passages without a value are counted only where they cannot be derived from the total.
        for (String facet : List.of("category", "entity")) {
            assertThat(aggs.path(facet + "_missing").path("missing").path("field").asString())
                    .isEqualTo(PassageQueries.FACET_FIELDS.get(facet));
        }
        for (String facet : List.of("country", "year", "severity")) {
            assertThat(aggs.has(facet + "_missing")).as(facet).isFalse();
        }

        assertThat(json(queries.search(criteria("x", SearchSort.RELEVANCE, null, false))).has("aggregations"))
                .isFalse();
    }

    @Test
    void onlyTheFacetsAskedForAreCountedAndNoneOnACursorPage() {
        SearchCriteria some = new SearchCriteria("x", List.of(), null, null, List.of(), null, List.of(), List.of(),
                null, 0, 10, null, java.util.Set.of("entity", "year"));
        List<String> names = new ArrayList<>();
        json(queries.search(some)).path("aggregations").propertyNames().forEach(names::add);
        assertThat(names).containsExactly("year", "entity", "entity_missing");

        Cursor cursor = new Cursor(10, "fp", List.of(FieldValue.of(2.5), FieldValue.of("r-00007")));
        assertThat(json(queries.search(criteria("x", SearchSort.RELEVANCE, cursor, true))).has("aggregations"))
                .isFalse();
    }

    @Test
    void searchesAskForTheRequestCacheAndOnlyTheSourceFieldsAHitShows() {
        SearchRequest request = queries.search(SearchCriteria.query("torture", 10));
        assertThat(request.requestCache()).isTrue();
        JsonNode source = json(request).path("_source");
        List<String> includes = new ArrayList<>();
        source.path("includes").forEach(v -> includes.add(v.asString()));
        assertThat(includes).containsExactlyElementsOf(HitSource.FIELDS).contains("severity.level")
                .doesNotContain("text", "entities", "severity");
        // Nothing that changes from one moment to the next, which would keep the request out of the cache.
        assertThat(json(request).toString()).doesNotContain("now");
    }

    @Test
    void aReportsPassagesByOrdinalStartingAfterThePreviousOne() {
        JsonNode first = json(queries.reportPassages("r1", 0, 50));
        assertThat(first.path("query").path("term").path("reportId").path("value").asString()).isEqualTo("r1");
        assertThat(first.path("sort").toString()).isEqualTo("[{\"ordinal\":{\"order\":\"asc\"}}]");
        assertThat(first.path("size").asInt()).isEqualTo(51);
        assertThat(first.has("search_after")).isFalse();

        JsonNode later = json(queries.reportPassages("r1", 20_000, 50));
        assertThat(later.path("search_after").toString()).isEqualTo("[19999]");
        assertThat(later.has("from")).isFalse();
    }
}
