package org.rightstream.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {
    private static final SearchSort YEAR = SearchSort.parse("year:desc");

    private static void refused(String token, String fingerprint, SearchSort sort) {
        assertThatThrownBy(() -> Cursor.decode(token, fingerprint, sort))
                .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
    }

    private static String token(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsTheSortValuesAndOffset() {
        Cursor relevance = new Cursor(10_040, "fp1", List.of(FieldValue.of(12.345678), FieldValue.of("abc-00012")));
        String token = relevance.encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        Cursor back = Cursor.decode(token, "fp1", SearchSort.RELEVANCE);
        assertThat(back.offset()).isEqualTo(10_040);
        assertThat(back.after()).extracting(FieldValue::_get).containsExactly(12.345678, "abc-00012");

        Cursor year = new Cursor(5, "fp2", List.of(FieldValue.of(Long.MIN_VALUE), FieldValue.of("x-00001")));
        assertThat(Cursor.decode(year.encode(), "fp2", YEAR).after()).extracting(FieldValue::_get)
                .containsExactly(Long.MIN_VALUE, "x-00001");
    }

    @Test
    void aWholeNumberScoreIsStillAScore() {
        Cursor c = new Cursor(10, "fp", List.of(FieldValue.of(1.0), FieldValue.of("x-00001")));
        FieldValue score = Cursor.decode(c.encode(), "fp", SearchSort.RELEVANCE).after().get(0);
        assertThat(score.isDouble()).isTrue();
        assertThat(score.doubleValue()).isEqualTo(1.0);
    }

    @Test
    void refusesTokensThatAreNotCursors() {
        refused("", "fp", YEAR);
        refused("not base64 !", "fp", YEAR);
        refused(token("not json"), "fp", YEAR);
        refused(token("[1,2]"), "fp", YEAR);
        refused(token("null"), "fp", YEAR);
        refused(token("{\"v\":2,\"f\":\"fp\",\"o\":1,\"a\":[1,\"x\"]}"), "fp", YEAR);
        refused(token("{\"v\":1,\"f\":\"fp\",\"o\":-1,\"a\":[1,\"x\"]}"), "fp", YEAR);
        refused(token("{\"v\":1,\"f\":\"fp\",\"o\":1}"), "fp", YEAR);
        refused("A".repeat(Cursor.MAX_LENGTH + 1), "fp", YEAR);
    }

    @Test
    void refusesACursorOfAnotherSearch() {
        String token = new Cursor(10, "fp", List.of(FieldValue.of(2012L), FieldValue.of("x-00001"))).encode();
        assertThatThrownBy(() -> Cursor.decode(token, "other", YEAR)).hasMessageContaining("different query");
    }

    @Test
    void refusesSortValuesOfTheWrongKindOrNumber() {
        refused(token("{\"v\":1,\"f\":\"fp\",\"o\":1,\"a\":[\"2012\",\"x\"]}"), "fp", YEAR);
        refused(token("{\"v\":1,\"f\":\"fp\",\"o\":1,\"a\":[2012.5,\"x\"]}"), "fp", YEAR);
        refused(token("{\"v\":1,\"f\":\"fp\",\"o\":1,\"a\":[2012,7]}"), "fp", YEAR);
        refused(token("{\"v\":1,\"f\":\"fp\",\"o\":1,\"a\":[2012]}"), "fp", YEAR);
        refused(token("{\"v\":1,\"f\":\"fp\",\"o\":1,\"a\":[2012,\"x\",\"y\"]}"), "fp", YEAR);
        refused(token("{\"v\":1,\"f\":\"fp\",\"o\":1,\"a\":[\"high\",\"x\"]}"), "fp", SearchSort.RELEVANCE);
    }

    @Test
    void theFingerprintCoversQueryFiltersAndSortButNotThePage() {
        SearchCriteria a = new SearchCriteria("torture", List.of("Kazakhstan", "Kyrgyzstan"), 2012, null,
                List.of("torture"), 3, List.of(), List.of(), YEAR, 0, 10, null, true);
        SearchCriteria samePageless = new SearchCriteria(" torture ", List.of("kyrgyzstan", "KAZAKHSTAN"), 2012, null,
                List.of("torture"), 3, List.of(), List.of(), YEAR, 40, 25, null, false);
        assertThat(samePageless.fingerprint()).isEqualTo(a.fingerprint());

        assertThat(List.of(
                new SearchCriteria("torture police", a.countries(), 2012, null, a.categories(), 3, List.of(), List.of(),
                        YEAR, 0, 10, null, true),
                new SearchCriteria("torture", List.of("Kazakhstan"), 2012, null, a.categories(), 3, List.of(),
                        List.of(), YEAR, 0, 10, null, true),
                new SearchCriteria("torture", a.countries(), 2013, null, a.categories(), 3, List.of(), List.of(), YEAR,
                        0, 10, null, true),
                new SearchCriteria("torture", a.countries(), 2012, 2012, a.categories(), 3, List.of(), List.of(), YEAR,
                        0, 10, null, true),
                new SearchCriteria("torture", a.countries(), 2012, null, List.of(), 3, List.of(), List.of(), YEAR, 0,
                        10, null, true),
                new SearchCriteria("torture", a.countries(), 2012, null, a.categories(), 4, List.of(), List.of(), YEAR,
                        0, 10, null, true),
                new SearchCriteria("torture", a.countries(), 2012, null, a.categories(), 3, List.of("r"), List.of(),
                        YEAR, 0, 10, null, true),
                new SearchCriteria("torture", a.countries(), 2012, null, a.categories(), 3, List.of(), List.of("e"),
                        YEAR, 0, 10, null, true),
                new SearchCriteria("torture", a.countries(), 2012, null, a.categories(), 3, List.of(), List.of(),
                        SearchSort.parse("year:asc"), 0, 10, null, true)))
                .extracting(SearchCriteria::fingerprint)
                .doesNotContain(a.fingerprint())
                .doesNotHaveDuplicates();
    }
}
