package org.rightstream.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.rightstream.contracts.CategoryScore;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.query.TestChunks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Parameter validation and error mapping of the search API. The slice loads the controllers, the
 * real parameter checks and the {@code @RestControllerAdvice} handlers; the search itself is a mock.
 */
@WebMvcTest({SearchController.class, PassageController.class})
@Import(SearchControllerTest.Parameters.class)
class SearchControllerTest {
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @TestConfiguration
    static class Parameters {
        @Bean
        SearchParameters searchParameters() {
            return new SearchParameters(SearchProperties.defaults(), Taxonomy.get());
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PassageSearch search;

    private ResultActions badParameter(String url, String parameter) throws Exception {
        return badParameter(get(url), parameter);
    }

    private ResultActions badParameter(MockHttpServletRequestBuilder request, String parameter) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid parameter"))
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.detail").value(containsString("'" + parameter + "'")));
    }

    private SearchCriteria searched() throws IOException {
        ArgumentCaptor<SearchCriteria> criteria = ArgumentCaptor.forClass(SearchCriteria.class);
        verify(search).search(criteria.capture());
        return criteria.getValue();
    }

    private static SearchResult empty() {
        return new SearchResult("", 0, 0, 10, "relevance:desc", List.of(), null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "", "  \t "})
    void noQueryMatchesEverything(String q) throws Exception {
        given(search.search(any())).willReturn(empty());

        mvc.perform(q.equals("-") ? get("/api/search") : get("/api/search").param("q", q)).andExpect(status().isOk());

        SearchCriteria c = searched();
        assertThat(c.q()).isEmpty();
        assertThat(c.from()).isZero();
        assertThat(c.size()).isEqualTo(10);
        assertThat(c.sort()).isEqualTo(SearchSort.RELEVANCE);
        assertThat(c.facets()).isEqualTo(SearchCriteria.ALL_FACETS);
        assertThat(c.cursor()).isNull();
    }

    @Test
    void overlongQueryIsABadRequest() throws Exception {
        badParameter("/api/search?q=" + "a".repeat(1001), "q")
                .andExpect(jsonPath("$.detail").value(containsString("1000")));
        verifyNoInteractions(search);
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsABadRequest() throws Exception {
        badParameter("/api/search?q=a&q=b", "q");
        badParameter("/api/search?size=5&size=6", "size");
        verifyNoInteractions(search);
    }

    @Test
    void anUnknownParameterIsNamed() throws Exception {
        badParameter("/api/search?contry=Kazakhstan", "contry")
                .andExpect(jsonPath("$.detail").value(containsString("country")));
        badParameter("/api/reports/r1/passages?q=torture", "q");
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-5", "abc", "1.5", "99999999999", "5000"})
    void sizeOutOfRangeOrNotANumberIsABadRequest(String size) throws Exception {
        badParameter("/api/search?q=torture&size=" + size, "size")
                .andExpect(jsonPath("$.detail").value(containsString(size)));
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=first", "from=-1", "from=9991&size=10", "from=10000&size=1",
            "from=2147483647&size=10", "from=2147483600&size=100", "from=99999999999"})
    void fromOutsideTheResultWindowIsABadRequest(String paging) throws Exception {
        badParameter("/api/search?q=torture&" + paging, "from");
        verifyNoInteractions(search);
    }

    @Test
    void lastPageOfTheResultWindowIsAllowed() throws Exception {
        given(search.search(any())).willReturn(empty());

        mvc.perform(get("/api/search?q=torture&from=9990&size=10")).andExpect(status().isOk());

        assertThat(searched().from()).isEqualTo(9990);
    }

    @Test
    void unknownCategoryIsABadRequestThatListsTheKnownOnes() throws Exception {
        badParameter("/api/search?category=torture&category=tortures", "category")
                .andExpect(jsonPath("$.detail").value(containsString("'tortures'")))
                .andExpect(jsonPath("$.detail").value(containsString("arbitrary-detention")));
        badParameter("/api/search?category=torture,nope", "category");
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yearFrom=20x1", "yearFrom=2012.5", "yearFrom=-1", "yearFrom=2021&yearTo=2012"})
    void badYearFromIsNamed(String year) throws Exception {
        badParameter("/api/search?" + year, "yearFrom");
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yearTo=twenty", "yearTo=100000"})
    void badYearToIsNamed(String year) throws Exception {
        badParameter("/api/search?" + year, "yearTo");
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "high", "-3", "3.0"})
    void minSeverityOutsideTheScaleIsABadRequest(String level) throws Exception {
        badParameter("/api/search?minSeverity=" + level, "minSeverity")
                .andExpect(jsonPath("$.detail").value(containsString(level)));
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "relevance:asc", "year:up", "severity:", "score"})
    void unknownSortIsABadRequest(String sort) throws Exception {
        badParameter("/api/search?sort=" + sort, "sort");
        verifyNoInteractions(search);
    }

    @Test
    void badFacetsFlagIsABadRequest() throws Exception {
        badParameter("/api/search?facets=maybe", "facets");
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "eyJ2IjoxfQ", "!!!", "e30"})
    void aCursorThatWasNotHandedOutIsABadRequest(String cursor) throws Exception {
        badParameter("/api/search?q=torture&cursor=" + cursor, "cursor");
        verifyNoInteractions(search);
    }

    @Test
    void aCursorOfAnotherSearchIsABadRequest() throws Exception {
        SearchCriteria other = SearchCriteria.query("beating", 10);
        String cursor = new Cursor(10, other.fingerprint(), List.of(FieldValue.of(1.5), FieldValue.of("r-00001")))
                .encode();
        badParameter("/api/search?q=torture&cursor=" + cursor, "cursor")
                .andExpect(jsonPath("$.detail").value(containsString("different query")));
        verifyNoInteractions(search);
    }

    @Test
    void aCursorCannotBeCombinedWithFrom() throws Exception {
        SearchCriteria torture = SearchCriteria.query("torture", 10);
        String cursor = new Cursor(10, torture.fingerprint(), List.of(FieldValue.of(1.5), FieldValue.of("r-00001")))
                .encode();
        badParameter("/api/search?q=torture&from=10&cursor=" + cursor, "from");

        given(search.search(any())).willReturn(empty());
        mvc.perform(get("/api/search?q=torture&cursor=" + cursor)).andExpect(status().isOk());
        SearchCriteria c = searched();
        assertThat(c.cursor().offset()).isEqualTo(10);
        assertThat(c.offset()).isEqualTo(10);
        assertThat(c.cursor().after()).extracting(FieldValue::_get).containsExactly(1.5, "r-00001");
    }

    @Test
    void everyFilterReachesTheSearchAsSent() throws Exception {
        given(search.search(any())).willReturn(empty());

        mvc.perform(get("/api/search")
                        .param("q", "  police beat \t")
                        .param("country", "Kazakhstan", "Korea, Republic of")
                        .param("yearFrom", "2012").param("yearTo", "2021")
                        .param("category", "torture,arbitrary-detention", "torture")
                        .param("minSeverity", "3")
                        .param("report", "r1")
                        .param("entity", "Almaty, region", "Tokayev")
                        .param("sort", "YEAR:asc")
                        .param("from", "20").param("size", "5")
                        .param("facets", "false")
                        .param("yearTo", ""))
                .andExpect(status().isOk());

        SearchCriteria c = searched();
        assertThat(c.q()).isEqualTo("police beat");
        assertThat(c.countries()).containsExactly("Kazakhstan", "Korea, Republic of");
        assertThat(c.yearFrom()).isEqualTo(2012);
        assertThat(c.yearTo()).isEqualTo(2021);
        assertThat(c.categories()).containsExactly("torture", "arbitrary-detention", "torture");
        assertThat(c.minSeverity()).isEqualTo(3);
        assertThat(c.reports()).containsExactly("r1");
        assertThat(c.entities()).containsExactly("Almaty, region", "Tokayev");
        assertThat(c.sort()).isEqualTo(new SearchSort(SearchSort.Key.YEAR, true));
        assertThat(c.from()).isEqualTo(20);
        assertThat(c.size()).isEqualTo(5);
        assertThat(c.facets()).isEmpty();
    }

    @Test
    void theAnswerCarriesHitsCursorAndFacets() throws Exception {
        SearchHit hit = new SearchHit("r-00001", "r", 1, "Kazakhstan", 2012, "KAZAKHSTAN 2012",
                List.of("Section 1", "c. Torture"), List.of(new CategoryScore("torture", 0.9)), 4, "model-7",
                List.of("police <mark>beat</mark> detainees"), 3.5);
        Facets facets = new Facets(
                new Facets.Facet(List.of(new Facets.Bucket("Kazakhstan", null, 40)), 0, 2),
                new Facets.Facet(List.of(new Facets.Bucket(2012L, null, 42)), 0, 0),
                new Facets.Facet(List.of(new Facets.Bucket("torture", "Torture and ill-treatment", 30)), 0, 0),
                new Facets.Facet(List.of(new Facets.Bucket(4L, "severe", 42)), 0, 0),
                new Facets.Facet(List.of(new Facets.Bucket("Almaty", null, 7)), 3, 30));
        given(search.search(any())).willReturn(new SearchResult("police beat", 42, 20, 5, "relevance:desc",
                List.of(hit), "CURSOR", facets));

        mvc.perform(get("/api/search").param("q", "police beat").param("from", "20").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.query").value("police beat"))
                .andExpect(jsonPath("$.total").value(42))
                .andExpect(jsonPath("$.from").value(20))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.sort").value("relevance:desc"))
                .andExpect(jsonPath("$.cursor").value("CURSOR"))
                .andExpect(jsonPath("$.hits[0].chunkId").value("r-00001"))
                .andExpect(jsonPath("$.hits[0].categories[0].id").value("torture"))
                .andExpect(jsonPath("$.hits[0].snippets[0]").value("police <mark>beat</mark> detainees"))
                .andExpect(jsonPath("$.facets.country.buckets[0].value").value("Kazakhstan"))
                .andExpect(jsonPath("$.facets.country.buckets[0].label").doesNotExist())
                .andExpect(jsonPath("$.facets.country.missing").value(2))
                .andExpect(jsonPath("$.facets.year.buckets[0].value").value(2012))
                .andExpect(jsonPath("$.facets.category.buckets[0].label").value("Torture and ill-treatment"))
                .andExpect(jsonPath("$.facets.severity.buckets[0].label").value("severe"))
                .andExpect(jsonPath("$.facets.entity.other").value(3));
    }

    @Test
    void unreachableIndexIsServiceUnavailableNotAServerError() throws Exception {
        given(search.search(any())).willThrow(new ConnectException("Connection refused"));

        mvc.perform(get("/api/search?q=torture"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("Search unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("not available")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Connection refused"))));
    }

    @Test
    void ioExceptionIsServiceUnavailable() throws Exception {
        given(search.search(any())).willThrow(new IOException("listener timeout"));

        mvc.perform(get("/api/search?q=torture"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Search unavailable"));
    }

    @Test
    void elasticsearchErrorIsServiceUnavailable() throws Exception {
        given(search.search(any())).willThrow(new ElasticsearchException("search",
                ErrorResponse.of(e -> e.status(503).error(c -> c.type("no_shard_available_action_exception")
                        .reason("no shard available")))));

        mvc.perform(get("/api/search?q=torture"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Search unavailable"));
    }

    @Test
    void aPassageByItsChunkId() throws Exception {
        given(search.passage("r1-00003")).willReturn(Optional.of(TestChunks.classified("r1", 3, 9)));

        mvc.perform(get("/api/passages/r1-00003"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.chunkId").value("r1-00003"))
                .andExpect(jsonPath("$.ordinal").value(3))
                .andExpect(jsonPath("$.text").value(containsString("Police beat detainees")))
                .andExpect(jsonPath("$.categories[0].id").value("torture"))
                .andExpect(jsonPath("$.severity.level").value(4))
                .andExpect(jsonPath("$.severity.indicators[0].rule").value("physical ill-treatment"))
                .andExpect(jsonPath("$.entities[0].text").value("Almaty"))
                .andExpect(jsonPath("$.isRecommendation").value(true))
                .andExpect(jsonPath("$.classifiedAt").value("2026-11-23T08:00:05.123Z"));
    }

    @Test
    void anUnknownPassageIsNotFoundAsAProblem() throws Exception {
        given(search.passage("nope")).willReturn(Optional.empty());

        mvc.perform(get("/api/passages/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(containsString("'nope'")));
    }

    @Test
    void aReportsPassagesArePagedByOrdinal() throws Exception {
        given(search.reportPassages("r1", 2, 2)).willReturn(Optional.of(new ReportPassages("r1", 9, 2, 2, 4,
                List.of(TestChunks.classified("r1", 2, 9), TestChunks.classified("r1", 3, 9)))));

        mvc.perform(get("/api/reports/r1/passages?from=2&size=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reportId").value("r1"))
                .andExpect(jsonPath("$.total").value(9))
                .andExpect(jsonPath("$.next").value(4))
                .andExpect(jsonPath("$.passages[0].ordinal").value(2))
                .andExpect(jsonPath("$.passages[1].ordinal").value(3))
                .andExpect(jsonPath("$.passages[1].categories[0].id").value("torture"));
    }

    @Test
    void passagesPageDefaultsToTheFirstFifty() throws Exception {
        given(search.reportPassages("r1", 0, 50)).willReturn(Optional.of(new ReportPassages("r1", 0, 0, 50, null,
                List.of())));

        mvc.perform(get("/api/reports/r1/passages")).andExpect(status().isOk());

        verify(search).reportPassages("r1", 0, 50);
    }

    @Test
    void passagesOfAnUnknownReportAreNotFound() throws Exception {
        given(search.reportPassages("nope", 0, 50)).willReturn(Optional.empty());

        mvc.perform(get("/api/reports/nope/passages"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=101", "size=x", "from=-1", "from=x"})
    void badPassagePagingIsNamed(String paging) throws Exception {
        badParameter("/api/reports/r1/passages?" + paging, paging.substring(0, paging.indexOf('=')));
        verifyNoInteractions(search);
    }

    @Test
    void anOverlongIdIsABadRequest() throws Exception {
        badParameter("/api/passages/" + "x".repeat(600), "chunkId");
        badParameter("/api/reports/" + "x".repeat(600) + "/passages", "reportId");
        verifyNoInteractions(search);
    }
}
