package org.rightstream.query.search;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightstream.contracts.CategoryScore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Parameter validation and error mapping of {@code GET /api/search}. The slice loads the controller
 * and the {@code @RestControllerAdvice} ProblemHandler only; the search itself is a mock.
 */
@WebMvcTest(SearchController.class)
class SearchControllerTest {
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

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

    @Test
    void missingQueryIsABadRequest() throws Exception {
        badParameter("/api/search", "q");
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \t "})
    void blankQueryIsABadRequest(String q) throws Exception {
        badParameter(get("/api/search").param("q", q), "q");
        verifyNoInteractions(search);
    }

    @Test
    void overlongQueryIsABadRequest() throws Exception {
        badParameter("/api/search?q=" + "a".repeat(1001), "q")
                .andExpect(jsonPath("$.detail").value(containsString("1000")));
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-5"})
    void sizeOutOfRangeIsABadRequest(String size) throws Exception {
        badParameter("/api/search?q=torture&size=" + size, "size")
                .andExpect(jsonPath("$.detail").value(containsString("was " + size)));
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "99999999999"})
    void sizeThatIsNotANumberIsABadRequest(String size) throws Exception {
        badParameter("/api/search?q=torture&size=" + size, "size")
                .andExpect(jsonPath("$.detail").value(containsString(size)));
        verifyNoInteractions(search);
    }

    @Test
    void fromThatIsNotANumberIsABadRequest() throws Exception {
        badParameter("/api/search?q=torture&from=first", "from");
        verifyNoInteractions(search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=-1", "from=9991&size=10", "from=10000&size=1", "from=2147483647&size=10",
            "from=2147483600&size=100"})
    void fromOutsideTheResultWindowIsABadRequest(String paging) throws Exception {
        badParameter("/api/search?q=torture&" + paging, "from");
        verifyNoInteractions(search);
    }

    @Test
    void lastPageOfTheResultWindowIsAllowed() throws Exception {
        given(search.search(anyString(), anyInt(), anyInt())).willReturn(new SearchResult("torture", 0, 9990, 10, List.of()));

        mvc.perform(get("/api/search?q=torture&from=9990&size=10")).andExpect(status().isOk());

        verify(search).search("torture", 9990, 10);
    }

    @Test
    void unreachableIndexIsServiceUnavailableNotAServerError() throws Exception {
        given(search.search(anyString(), anyInt(), anyInt())).willThrow(new ConnectException("Connection refused"));

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
        given(search.search(anyString(), anyInt(), anyInt())).willThrow(new IOException("listener timeout"));

        mvc.perform(get("/api/search?q=torture"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Search unavailable"));
    }

    @Test
    void elasticsearchErrorIsServiceUnavailable() throws Exception {
        given(search.search(anyString(), anyInt(), anyInt())).willThrow(new ElasticsearchException("search",
                ErrorResponse.of(e -> e.status(503).error(c -> c.type("no_shard_available_action_exception")
                        .reason("no shard available")))));

        mvc.perform(get("/api/search?q=torture"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Search unavailable"));
    }

    @Test
    void validRequestPassesTheStrippedQueryAndPagingThrough() throws Exception {
        SearchHit hit = new SearchHit("r-00001", "r", 1, "Kazakhstan", 2012, "KAZAKHSTAN 2012",
                List.of("Section 1", "c. Torture"), List.of(new CategoryScore("torture", 0.9)), 4, "model-7",
                List.of("police <mark>beat</mark> detainees"), 3.5);
        given(search.search("police beat", 20, 5)).willReturn(new SearchResult("police beat", 42, 20, 5, List.of(hit)));

        mvc.perform(get("/api/search").param("q", "  police beat \t").param("from", "20").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.query").value("police beat"))
                .andExpect(jsonPath("$.total").value(42))
                .andExpect(jsonPath("$.from").value(20))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.hits[0].chunkId").value("r-00001"))
                .andExpect(jsonPath("$.hits[0].categories[0].id").value("torture"))
                .andExpect(jsonPath("$.hits[0].snippets[0]").value("police <mark>beat</mark> detainees"));

        verify(search).search("police beat", 20, 5);
    }

    @Test
    void pagingDefaultsToTheFirstTenHits() throws Exception {
        given(search.search(anyString(), anyInt(), anyInt())).willReturn(new SearchResult("torture", 0, 0, 10, List.of()));

        mvc.perform(get("/api/search?q=torture")).andExpect(status().isOk());

        verify(search).search("torture", 0, 10);
    }
}
