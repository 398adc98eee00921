package org.rightstream.query.search;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search}: passages matching a query and filters, sorted and paged, with highlighted
 * snippets and facet counts.
 *
 * <p>The parameters are declared for the API description; their values are read from the raw query
 * string by {@link SearchParameters}, so a comma inside a country or entity name is kept and every
 * invalid value is reported by parameter name (never as a framework conversion error).
 */
@RestController
class SearchController {
    private final SearchParameters parameters;
    private final PassageSearch search;

    SearchController(SearchParameters parameters, PassageSearch search) {
        this.parameters = parameters;
        this.search = search;
    }

    @GetMapping("/api/search")
    @SuppressWarnings("unused")
    SearchResult search(@RequestParam(required = false) String q,
                        @RequestParam(required = false) List<String> country,
                        @RequestParam(required = false) String yearFrom,
                        @RequestParam(required = false) String yearTo,
                        @RequestParam(required = false) List<String> category,
                        @RequestParam(required = false) String minSeverity,
                        @RequestParam(required = false) String report,
                        @RequestParam(required = false) List<String> entity,
                        @RequestParam(required = false) String sort,
                        @RequestParam(required = false) String from,
                        @RequestParam(required = false) String size,
                        @RequestParam(required = false) String cursor,
                        @RequestParam(required = false) String facets,
                        HttpServletRequest request) throws IOException {
        return search.search(parameters.search(params(request)));
    }

    static Map<String, List<String>> params(HttpServletRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, Arrays.asList(values)));
        return params;
    }
}
