package org.rightstream.query.search;

import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search?q=}: passages matching a query, with highlighted snippets. */
@RestController
class SearchController {
    static final int MAX_SIZE = 100;
    static final int MAX_WINDOW = 10_000;

    private final PassageSearch search;

    SearchController(PassageSearch search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    SearchResult search(@RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int from,
                        @RequestParam(defaultValue = "10") int size) throws IOException {
        if (q == null || q.isBlank()) {
            throw new BadParameterException("q", "is required: the words or \"phrase\" to search for");
        }
        if (q.length() > 1000) {
            throw new BadParameterException("q", "is longer than 1000 characters");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameterException("size", "must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        // Written without from + size, which overflows int for a huge from and would let it through.
        if (from < 0 || from > MAX_WINDOW - size) {
            throw new BadParameterException("from", "must be >= 0 with from + size <= " + MAX_WINDOW + ", was " + from);
        }
        return search.search(q.strip(), from, size);
    }
}
