package org.rightstream.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchSortTest {

    @Test
    void namesWithOptionalDirectionDescendingByDefault() {
        assertThat(SearchSort.parse("relevance")).isEqualTo(SearchSort.RELEVANCE);
        assertThat(SearchSort.parse("relevance:desc")).isEqualTo(SearchSort.RELEVANCE);
        assertThat(SearchSort.parse("year")).isEqualTo(new SearchSort(SearchSort.Key.YEAR, false));
        assertThat(SearchSort.parse(" Year:ASC ")).isEqualTo(new SearchSort(SearchSort.Key.YEAR, true));
        assertThat(SearchSort.parse("severity:asc")).isEqualTo(new SearchSort(SearchSort.Key.SEVERITY, true));
        assertThat(SearchSort.parse("severity").toString()).isEqualTo("severity:desc");
    }

    @Test
    void anythingElseIsNoSort() {
        for (String s : new String[] {"", "date", "relevance:asc", "year:", "year:up", "year:asc:desc", "_score",
                "severity.level"}) {
            assertThat(SearchSort.parse(s)).as(s).isNull();
        }
    }
}
