package org.rightstream.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rightstream.query.openapi.OpenApiConfiguration;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springdoc.webmvc.ui.SwaggerConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** springdoc's description of the analytics endpoints, and the Swagger UI page. */
@WebMvcTest(AnalyticsController.class)
@Import(OpenApiConfiguration.class)
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebMvcConfiguration.class, SwaggerConfig.class, SwaggerUiConfigProperties.class,
        SwaggerUiOAuthProperties.class})
class ApiDocsTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    Analytics analytics;

    private JsonNode apiDocs() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return new ObjectMapper().readTree(body);
    }

    @Test
    void apiDocsListTheAnalyticsPathsWithDescribedParameters() throws Exception {
        JsonNode docs = apiDocs();

        assertThat(docs.path("info").path("title").asText()).isEqualTo("Rightstream query-service");
        JsonNode paths = docs.path("paths");
        assertThat(paths.has("/api/trends/categories")).isTrue();
        assertThat(paths.has("/api/trends/severity")).isTrue();
        assertThat(paths.has("/api/trends/persons")).isTrue();
        assertThat(paths.has("/api/compare")).isTrue();

        JsonNode compare = paths.path("/api/compare").path("get");
        assertThat(compare.path("description").asText()).contains("case-insensitively");
        assertThat(compare.path("responses").has("400")).isTrue();
        for (JsonNode p : compare.path("parameters")) {
            assertThat(p.path("description").asText()).as(p.path("name").asText()).isNotBlank();
        }
        assertThat(compare.path("parameters").findValuesAsText("name"))
                .contains("country", "from", "to", "countBy", "limit", "passagesPerName");
        JsonNode from = parameter(compare, "from");
        assertThat(from.path("required").asBoolean()).isTrue();
        assertThat(from.path("schema").path("type").asText()).isEqualTo("integer");

        JsonNode categories = paths.path("/api/trends/categories").path("get");
        assertThat(categories.path("description").asText()).contains("EACH of its categories");
        assertThat(parameter(categories, "countBy").path("schema").path("enum").toString()).contains("all", "primary");
        assertThat(parameter(paths.path("/api/trends/persons").path("get"), "top").path("schema").path("maximum").asInt())
                .isEqualTo(100);
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }
}
