package org.rightstream.query.search;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.rightstream.contracts.ClassifiedChunk;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/{reportId}/passages} (a report's passages in reading order, with their labels)
 * and {@code GET /api/passages/{chunkId}} (one passage). Unknown ids get 404.
 */
@RestController
class PassageController {
    static final int MAX_ID_LENGTH = 512;

    private final SearchParameters parameters;
    private final PassageSearch search;

    PassageController(SearchParameters parameters, PassageSearch search) {
        this.parameters = parameters;
        this.search = search;
    }

    @GetMapping("/api/reports/{reportId}/passages")
    @SuppressWarnings("unused")
    ReportPassages reportPassages(@PathVariable String reportId,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String size,
                                  HttpServletRequest request) throws IOException {
        checkId("reportId", reportId);
        SearchParameters.Paging paging = parameters.passages(SearchController.params(request));
        return search.reportPassages(reportId, paging.from(), paging.size())
                .orElseThrow(() -> new NotFoundException("no passages of report '" + reportId + "' are indexed"));
    }

    @GetMapping("/api/passages/{chunkId}")
    ClassifiedChunk passage(@PathVariable String chunkId) throws IOException {
        checkId("chunkId", chunkId);
        return search.passage(chunkId)
                .orElseThrow(() -> new NotFoundException("no passage with chunkId '" + chunkId + "' is indexed"));
    }

    private static void checkId(String name, String id) {
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new BadParameterException(name, "must be 1 to " + MAX_ID_LENGTH + " characters long");
        }
    }
}
