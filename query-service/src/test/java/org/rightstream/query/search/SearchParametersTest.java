package org.rightstream.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Taxonomy;

/** The parameter checks as a plain class (the web slice test covers them through HTTP). */
class SearchParametersTest {
    private final SearchParameters parameters = new SearchParameters(
            new SearchProperties(20, 200, 50, 5, 10, 50, 10), Taxonomy.get());

    private static Map<String, List<String>> params(String... nameValue) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>()).add(nameValue[i + 1]);
        }
        return map;
    }

    private void refused(String parameter, String... nameValue) {
        assertThatThrownBy(() -> parameters.search(params(nameValue)))
                .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessageContaining("'" + parameter + "'");
    }

    @Test
    void facetsAreAllByDefaultNoneWithFalseOrTheNamedOnesInAnswerOrder() {
        assertThat(parameters.search(params()).facets()).containsExactly("country", "year", "category", "severity",
                "entity");
        assertThat(parameters.search(params("facets", "TRUE")).facets()).isEqualTo(SearchCriteria.ALL_FACETS);
        assertThat(parameters.search(params("facets", " ")).facets()).isEqualTo(SearchCriteria.ALL_FACETS);
        assertThat(parameters.search(params("facets", "false")).facets()).isEmpty();
        assertThat(parameters.search(params("facets", "entity, Country,,year,country")).facets())
                .containsExactly("country", "year", "entity");
        refused("facets", "facets", "maybe");
        refused("facets", "facets", "country,entities");
        refused("facets", "facets", ",");
        refused("facets", "facets", "true", "facets", "false");
    }

    @Test
    void aCursorPageCountsNoFacets() {
        SearchCriteria first = parameters.search(params("q", "torture"));
        assertThat(first.countsFacets()).isTrue();
        String token = new Cursor(5, first.fingerprint(), List.of(
                co.elastic.clients.elasticsearch._types.FieldValue.of(1.5),
                co.elastic.clients.elasticsearch._types.FieldValue.of("r-00005"))).encode();
        SearchCriteria next = parameters.search(params("q", "torture", "cursor", token));
        assertThat(next.facets()).isEqualTo(SearchCriteria.ALL_FACETS);
        assertThat(next.countsFacets()).isFalse();
        assertThat(parameters.search(params("q", "torture", "facets", "false")).countsFacets()).isFalse();
    }

    @Test
    void theConfiguredLimitsApply() {
        assertThat(parameters.search(params()).size()).isEqualTo(5);
        assertThat(parameters.search(params("size", "20")).size()).isEqualTo(20);
        refused("size", "size", "21");
        assertThat(parameters.search(params("from", "180", "size", "20")).from()).isEqualTo(180);
        refused("from", "from", "181", "size", "20");
        refused("q", "q", "x".repeat(51));
        assertThat(parameters.passages(params()).size()).isEqualTo(10);
        assertThatThrownBy(() -> parameters.passages(params("size", "21"))).hasMessageContaining("'size'");
    }

    @Test
    void passagesFromIsAnOrdinalWithoutWindowLimit() {
        assertThat(parameters.passages(params("from", "25000")).from()).isEqualTo(25_000);
    }

    @Test
    void blankValuesCountAsNotGiven() {
        SearchCriteria c = parameters.search(params("q", " ", "country", "", "yearFrom", "", "minSeverity", " ",
                "sort", "", "size", ""));
        assertThat(c.q()).isEmpty();
        assertThat(c.countries()).isEmpty();
        assertThat(c.yearFrom()).isNull();
        assertThat(c.minSeverity()).isNull();
        assertThat(c.size()).isEqualTo(5);
    }

    @Test
    void repeatedFilterValuesAreKeptOnce() {
        SearchCriteria c = parameters.search(params("country", "Kazakhstan", "country", " Kazakhstan ",
                "entity", "Almaty", "entity", "Astana"));
        assertThat(c.countries()).containsExactly("Kazakhstan");
        assertThat(c.entities()).containsExactly("Almaty", "Astana");
    }

    @Test
    void overlongFilterValuesAreRefused() {
        refused("entity", "entity", "x".repeat(SearchParameters.MAX_VALUE_LENGTH + 1));
    }

    @Test
    void severityBoundsComeFromTheTaxonomy() {
        assertThat(parameters.search(params("minSeverity", "1")).minSeverity()).isEqualTo(1);
        assertThat(parameters.search(params("minSeverity", "5")).minSeverity()).isEqualTo(5);
        refused("minSeverity", "minSeverity", "0");
        refused("minSeverity", "minSeverity", "6");
    }

    @Test
    void aYearRangeOfOneYearIsFine() {
        SearchCriteria c = parameters.search(params("yearFrom", "2017", "yearTo", "2017"));
        assertThat(c.yearFrom()).isEqualTo(2017);
        assertThat(c.yearTo()).isEqualTo(2017);
    }
}
