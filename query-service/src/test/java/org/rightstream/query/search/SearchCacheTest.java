package org.rightstream.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache of search answers, on a clock the test moves and an index generation the test sets. */
class SearchCacheTest {
    private static final Duration STALENESS = Duration.ofSeconds(1);
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SearchCache cache = new SearchCache(1_000_000, STALENESS, now::get);
    private String generation = "report-chunks-v1/u1:7;";
    private final List<SearchCriteria> searched = new ArrayList<>();
    private int answers;

    /** The "index": every search gets a new answer, so a served copy is told from a fresh one. */
    private SearchResult search(SearchCriteria c) throws IOException {
        return cache.search(c, criteria -> {
            searched.add(criteria);
            return result(criteria.q(), ++answers);
        });
    }

    private static SearchResult result(String q, long total) {
        return new SearchResult(q, total, 0, 10, "relevance:desc", List.of(), null, null);
    }

    private void check() {
        cache.check(() -> generation, IDLE);
    }

    private void later(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aRepeatedSearchIsAnsweredFromMemoryWhileTheIndexIsUnchanged() throws IOException {
        search(SearchCriteria.query("torture", 10)); // first use: the checker has not confirmed anything yet
        check();
        SearchResult first = search(SearchCriteria.query("torture", 10));
        later(Duration.ofMillis(200));
        check();
        SearchResult again = search(SearchCriteria.query("torture", 10));

        assertThat(again).isSameAs(first);
        assertThat(searched).hasSize(2);
        assertThat(search(SearchCriteria.query("torture", 20)).total()).as("another page size").isEqualTo(3);
        assertThat(search(SearchCriteria.query("beating", 10)).total()).as("another query").isEqualTo(4);
        assertThat(cache.statistics()).containsEntry("hits", 1L).containsEntry("entries", 3L);
    }

    @Test
    void aChangedIndexEmptiesTheCacheSoANewDocumentIsFound() throws IOException {
        search(SearchCriteria.query("torture", 10));
        check();
        long before = search(SearchCriteria.query("torture", 10)).total();

        generation = "report-chunks-v1/u1:8;"; // a refresh made a new document visible
        later(Duration.ofMillis(200));
        check();

        assertThat(search(SearchCriteria.query("torture", 10)).total()).isNotEqualTo(before);
        assertThat(cache.statistics()).containsEntry("entries", 1L);
    }

    @Test
    void nothingIsServedOnceTheLastConfirmationIsOlderThanTheStalenessBound() throws IOException {
        search(SearchCriteria.query("torture", 10));
        check();
        SearchResult cached = search(SearchCriteria.query("torture", 10));
        later(STALENESS); // the checker could not reach Elasticsearch meanwhile
        cache.check(() -> {
            throw new IOException("connection refused");
        }, IDLE);

        assertThat(search(SearchCriteria.query("torture", 10))).isNotSameAs(cached);
        assertThat(searched).hasSize(3);
    }

    @Test
    void anAnswerFromASearchDuringWhichTheIndexChangedIsNotKept() throws IOException {
        search(SearchCriteria.query("x", 10));
        check();
        cache.search(SearchCriteria.query("torture", 10), c -> {
            generation = "report-chunks-v2/u2:1;"; // reindexed: the alias moved while this search ran
            check();
            return result("torture", 99);
        });

        assertThat(search(SearchCriteria.query("torture", 10)).total()).isNotEqualTo(99);
    }

    @Test
    void cursorPagesAreNotCached() throws IOException {
        check();
        search(SearchCriteria.query("", 10));
        SearchCriteria page = SearchCriteria.query("torture", 10);
        Cursor cursor = new Cursor(10, page.fingerprint(), List.of(
                co.elastic.clients.elasticsearch._types.FieldValue.of(1.0),
                co.elastic.clients.elasticsearch._types.FieldValue.of("r1-00010")));
        SearchCriteria next = new SearchCriteria("torture", List.of(), null, null, List.of(), null, List.of(),
                List.of(), null, 0, 10, cursor, false);
        search(next);
        check();
        search(next);
        assertThat(searched).hasSize(3);
    }

    @Test
    void theLeastRecentlyUsedAnswersGoWhenTheSizeBoundIsReached() throws IOException {
        long one = SearchCache.bytes(result("q0", 1));
        SearchCache small = new SearchCache(one * 5, STALENESS, now::get);
        small.check(() -> generation, IDLE); // never used yet: idle, nothing asked
        small.search(SearchCriteria.query("q", 10), c -> result("q", 0));
        small.check(() -> generation, IDLE);
        for (int i = 0; i < 20; i++) {
            String q = "q" + i;
            small.search(SearchCriteria.query(q, 10), c -> result(q, 1));
        }
        assertThat(small.statistics().get("entries")).isBetween(1L, 5L);
        assertThat(small.statistics().get("bytes")).isLessThanOrEqualTo(one * 5);
        AtomicLong misses = new AtomicLong();
        small.search(SearchCriteria.query("q19", 10), c -> {
            misses.incrementAndGet();
            return result("q19", 1);
        });
        small.search(SearchCriteria.query("q0", 10), c -> {
            misses.incrementAndGet();
            return result("q0", 1);
        });
        assertThat(misses).as("the newest is kept, the oldest was evicted").hasValue(1);
    }

    @Test
    void theSizeEstimateGrowsWithTheAnswer() {
        SearchHit hit = new SearchHit("r1-00001", "r1", 1, "Kazakhstan", 2021, "Title", List.of("a", "b"), List.of(),
                3, "m1", List.of("x".repeat(200)), 1.0);
        SearchResult ten = new SearchResult("q", 10, 0, 10, "relevance:desc", java.util.Collections.nCopies(10, hit),
                null, null);
        assertThat(SearchCache.bytes(ten)).isGreaterThan(10 * 400L).isLessThan(10 * 2000L);
    }
}
