package org.rightstream.query.analytics;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Parameter checking and error mapping of the analytics endpoints; the analyses are a mock. The
 * slice also loads the service-wide ProblemHandler (503 for an unavailable index).
 */
@WebMvcTest(AnalyticsController.class)
class AnalyticsControllerTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    Analytics analytics;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/compare?from=2017&to=2021                          | country         | required",
            "/api/compare?country=%20&from=2017&to=2021              | country         | required",
            "/api/compare?country=Kazakhstan&to=2021                 | from            | required",
            "/api/compare?country=Kazakhstan&from=2017               | to              | required",
            "/api/compare?country=Kazakhstan&from=2021&to=2017       | from            | before 'to'",
            "/api/compare?country=Kazakhstan&from=2021&to=2021       | from            | before 'to'",
            "/api/compare?country=Kazakhstan&from=abc&to=2021        | from            | 'abc'",
            "/api/compare?country=Kazakhstan&from=2017&to=2021.0     | to              | '2021.0'",
            "/api/compare?country=Kazakhstan&from=17&to=2021         | from            | between 1900 and 2100",
            "/api/compare?country=Kazakhstan&from=2017&to=2021&countBy=most | countBy | 'most'",
            "/api/compare?country=Kazakhstan&from=2017&to=2021&limit=0 | limit         | between 1 and 1000",
            "/api/compare?country=Kazakhstan&from=2017&to=2021&passagesPerName=21 | passagesPerName | between 1 and 20",
            "/api/trends/categories?from=2021&to=2012                | from            | 2021 > 2012",
            "/api/trends/categories?to=next                          | to              | 'next'",
            "/api/trends/categories?countBy=secondary                | countBy         | 'secondary'",
            "/api/trends/severity?from=1e3                           | from            | '1e3'",
            "/api/trends/persons?top=0                               | top             | between 1 and 100",
            "/api/trends/persons?top=101                             | top             | was 101",
            "/api/trends/persons?top=ten                             | top             | 'ten'",
            "/api/trends/persons?top=99999999999                     | top             | '99999999999'",
    })
    void badParametersAreProblemsNamingTheParameter(String url, String parameter, String detail) throws Exception {
        mvc.perform(get(URI.create(url)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid parameter"))
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.detail").value(containsString("'" + parameter + "'")))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
        verifyNoInteractions(analytics);
    }

    @Test
    void compareReadsItsParametersAndDefaults() throws Exception {
        Comparison empty = new Comparison("Kazakhstan", 2017, 2021, "all", "x",
                new Comparison.YearOverYear(new Comparison.YearFigures(1, 2.0), new Comparison.YearFigures(3, 2.5),
                        new Comparison.Change(2, 0.5)), List.of(),
                new Comparison.NewNames("m", 3, true, new Comparison.NameGroup(0, List.of()),
                        new Comparison.NameGroup(0, List.of())), List.of());
        given(analytics.compare("Kazakhstan", 2017, 2021, CountBy.ALL, 100, 3)).willReturn(empty);

        mvc.perform(get(URI.create("/api/compare?country=%20Kazakhstan&from=2017&to=%202021")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.country").value("Kazakhstan"))
                .andExpect(jsonPath("$.allPassages.change.passages").value(2))
                .andExpect(jsonPath("$.newNames.persons.total").value(0));

        verify(analytics).compare("Kazakhstan", 2017, 2021, CountBy.ALL, 100, 3);
    }

    @Test
    void compareTakesCountByLimitAndPassagesPerName() throws Exception {
        mvc.perform(get("/api/compare?country=Kazakhstan&from=2012&to=2021&countBy=primary&limit=5&passagesPerName=1"))
                .andExpect(status().isOk());

        verify(analytics).compare("Kazakhstan", 2012, 2021, CountBy.PRIMARY, 5, 1);
    }

    @Test
    void trendsTakeOptionalCountryAndYears() throws Exception {
        mvc.perform(get("/api/trends/categories")).andExpect(status().isOk());
        verify(analytics).categoryTrends(null, null, null, CountBy.ALL);

        mvc.perform(get("/api/trends/categories?country=Kazakhstan&from=2012&to=2012&countBy=primary"))
                .andExpect(status().isOk());
        verify(analytics).categoryTrends("Kazakhstan", 2012, 2012, CountBy.PRIMARY);

        mvc.perform(get("/api/trends/severity?to=2021")).andExpect(status().isOk());
        verify(analytics).severityTrends(null, null, 2021);

        mvc.perform(get("/api/trends/persons?country=Kazakhstan")).andExpect(status().isOk());
        verify(analytics).personTrends("Kazakhstan", null, null, 10);
        mvc.perform(get("/api/trends/persons?top=100")).andExpect(status().isOk());
        verify(analytics).personTrends(null, null, null, 100);
    }

    @Test
    void anUnreachableIndexIsServiceUnavailable() throws Exception {
        given(analytics.compare(any(), anyInt(), anyInt(), any(), anyInt(), anyInt()))
                .willThrow(new ConnectException("Connection refused"));

        mvc.perform(get("/api/compare?country=Kazakhstan&from=2017&to=2021"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
