package org.rightstream.query.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of query-service ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}). springdoc finds every controller by itself; parameters that their
 * controller does not describe get a description from {@link #DESCRIBED} here, so an endpoint is
 * documented even before its own annotations are written. A description on the controller wins.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {
    /** Path → parameter → description, for parameters whose controllers carry no annotation. */
    static final Map<String, Map<String, String>> DESCRIBED = Map.of(
            "/api/search", Map.of(
                    "q", "Words to find (all must match), \"quoted phrases\", | for OR, -word to exclude, prefix*;"
                            + " no syntax causes an error. Required, at most 1000 characters.",
                    "from", "Offset of the first hit (0 or more; from + size at most 10,000).",
                    "size", "Hits per page (1-100, default 10).",
                    "cursor", "The 'cursor' of the previous page, sent with the same q, filters and sort: the next"
                            + " page, also past 10,000 hits. A cursor page has no facets (the first page has them).",
                    "facets", "Which facet counts to return: true (the default: country, year, category, severity"
                            + " and the top entity names), false (none, the cheapest search), or a comma-separated"
                            + " list of country, year, category, severity, entity. Never on cursor pages."));

    @Bean
    OpenAPI rightstreamOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Rightstream query-service")
                .version("v1")
                .description("Search, trends and year-over-year comparison of classified human-rights report"
                        + " passages. Invalid parameters get HTTP 400 with an application/problem+json body whose"
                        + " 'parameter' names the parameter; an unavailable index gets 503."));
    }

    @Bean
    OpenApiCustomizer describeUndocumentedParameters() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            DESCRIBED.forEach((path, descriptions) -> {
                var item = openApi.getPaths().get(path);
                if (item == null) {
                    return;
                }
                item.readOperations().forEach(operation -> {
                    if (operation.getParameters() == null) {
                        return;
                    }
                    for (Parameter p : operation.getParameters()) {
                        String description = descriptions.get(p.getName());
                        if (description != null && (p.getDescription() == null || p.getDescription().isBlank())) {
                            p.setDescription(description);
                        }
                    }
                });
            });
        };
    }
}
