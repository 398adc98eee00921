package org.rightstream.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsQueriesTest {

    @Test
    void scopeFiltersCountryCaseInsensitivelyAndTheYearRange() throws Exception {
        JsonNode q = EsJson.request(AnalyticsQueries.categoryTrends(new Scope("kazakhstan", 2012, 2021), CountBy.ALL));

        assertThat(q.path("size").asInt()).isZero();
        JsonNode filters = q.path("query").path("bool").path("filter");
        assertThat(filters).hasSize(2);
        assertThat(filters.get(0).path("term").path("country").path("value").asText()).isEqualTo("kazakhstan");
        assertThat(filters.get(0).path("term").path("country").path("case_insensitive").asBoolean()).isTrue();
        assertThat(filters.get(1).path("range").path("year").path("gte").asDouble()).isEqualTo(2012);
        assertThat(filters.get(1).path("range").path("year").path("lte").asDouble()).isEqualTo(2021);
    }

    @Test
    void withoutCountryOrYearsOnlyPassagesWithAYearAreCounted() throws Exception {
        JsonNode q = EsJson.request(AnalyticsQueries.severityTrends(new Scope(null, null, null)));

        JsonNode filters = q.path("query").path("bool").path("filter");
        assertThat(filters).hasSize(1);
        // An open range on year matches every passage that has one.
        assertThat(filters.get(0).path("range").path("year").has("gte")).isFalse();
        assertThat(filters.get(0).path("range").path("year").has("lte")).isFalse();
        JsonNode years = q.path("aggregations").path("years");
        assertThat(years.path("terms").path("field").asText()).isEqualTo("year");
        assertThat(years.path("terms").path("order").toString()).contains("\"_key\":\"asc\"");
        assertThat(years.path("aggregations").path("levels").path("terms").path("field").asText()).isEqualTo("severity.level");
        assertThat(years.path("aggregations").path("meanSeverity").path("avg").path("field").asText()).isEqualTo("severity.level");
        assertThat(years.path("aggregations").path("unrated").path("missing").path("field").asText()).isEqualTo("severity.level");
    }

    @Test
    void categoriesAreCountedOnEveryCategoryOrThePrimaryOne() throws Exception {
        JsonNode all = EsJson.request(AnalyticsQueries.categoryTrends(new Scope(null, null, null), CountBy.ALL))
                .path("aggregations").path("years").path("aggregations");
        JsonNode primary = EsJson.request(AnalyticsQueries.categoryTrends(new Scope(null, null, null), CountBy.PRIMARY))
                .path("aggregations").path("years").path("aggregations");

        assertThat(all.path("categories").path("terms").path("field").asText()).isEqualTo("categories.id");
        assertThat(all.path("categories").path("terms").path("size").asInt()).isGreaterThanOrEqualTo(29);
        assertThat(all.path("uncategorized").path("missing").path("field").asText()).isEqualTo("categories.id");
        assertThat(primary.path("categories").path("terms").path("field").asText()).isEqualTo("primaryCategory");
    }

    @Test
    void comparisonLooksAtTheTwoYearsOnlyWithMeansPerCategory() throws Exception {
        JsonNode q = EsJson.request(AnalyticsQueries.comparison("Kazakhstan", 2017, 2021, CountBy.ALL));

        assertThat(q.path("query").toString()).contains("\"terms\":{\"year\":[2017,2021]}");
        JsonNode perYear = q.path("aggregations").path("years").path("aggregations");
        assertThat(perYear.path("meanSeverity").path("avg").path("field").asText()).isEqualTo("severity.level");
        assertThat(perYear.path("categories").path("aggregations").path("meanSeverity").path("avg").path("field").asText())
                .isEqualTo("severity.level");
    }

    @Test
    void scansPageInChunkIdOrderWithOnlyTheNeededFields() throws Exception {
        JsonNode first = EsJson.request(AnalyticsQueries.yearPage("Kazakhstan", 2012, null));
        JsonNode next = EsJson.request(AnalyticsQueries.yearPage("Kazakhstan", 2012, List.of(FieldValue.of("r-00999"))));
        JsonNode persons = EsJson.request(AnalyticsQueries.personPage(new Scope("Kazakhstan", null, null), null));

        assertThat(first.path("size").asInt()).isEqualTo(AnalyticsQueries.SCAN_PAGE);
        assertThat(first.path("sort").toString()).contains("chunkId").contains("asc");
        assertThat(first.has("search_after")).isFalse();
        assertThat(first.path("track_total_hits").asBoolean()).isFalse();
        assertThat(first.path("_source").path("includes").toString()).contains("text", "entities", "reportId");
        assertThat(first.path("query").toString()).contains("\"gte\":2012.0", "\"lte\":2012.0");
        assertThat(next.path("search_after").toString()).isEqualTo("[\"r-00999\"]");
        assertThat(persons.path("_source").path("includes").toString()).doesNotContain("\"text\"");
        assertThat(persons.path("query").toString()).contains("\"entities.type\":{\"value\":\"PERSON\"}");
    }
}
