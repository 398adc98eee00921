package org.rightstream.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {
    private static final String LONG = "word ".repeat(60) + "Police detained Max Bokayev in Atyrau. " + "more ".repeat(60);

    @Test
    void cutsAroundTheNameAtWordBoundaries() {
        int start = LONG.indexOf("Max Bokayev");
        String snippet = Snippets.around(LONG, "Max Bokayev", start, start + "Max Bokayev".length());

        assertThat(snippet).startsWith("…word ").endsWith(" more…").contains("Police detained Max Bokayev in Atyrau.");
        assertThat(snippet.length()).isLessThanOrEqualTo(2 * Snippets.CONTEXT_CHARS + "Max Bokayev".length() + 2);
    }

    @Test
    void findsTheNameWhenTheOffsetsDoNotPointAtIt() {
        assertThat(Snippets.around(LONG, "max bokayev", 3, 9)).contains("Police detained Max Bokayev in Atyrau.");
        assertThat(Snippets.around(LONG, "Max Bokayev", null, null)).contains("Max Bokayev");
        assertThat(Snippets.around(LONG, "Max Bokayev", 10_000, 10_005)).contains("Max Bokayev");
    }

    @Test
    void shortTextIsWholeAndMissingTextIsEmpty() {
        assertThat(Snippets.around("Max Bokayev was released.", "Max Bokayev", 0, 11)).isEqualTo("Max Bokayev was released.");
        assertThat(Snippets.around("Nobody is named.", "Max Bokayev", 0, 11)).isEqualTo("Nobody is named.");
        assertThat(Snippets.around(null, "x", 0, 1)).isEmpty();
    }
}
