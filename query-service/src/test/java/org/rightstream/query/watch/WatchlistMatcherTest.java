package org.rightstream.query.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightstream.query.watch.WatchMatch.Form;

class WatchlistMatcherTest {

    private static final WatchlistMatcher MATCHER = WatchlistMatcher.of(List.of(
            Watch.person("akhmediyarov", "Lukpan Akhmediyarov"),
            Watch.person("zhovtis", "Evgeniy Zhovtis"),
            Watch.person("kozlov", "Vladimir Kozlov"),
            Watch.person("barlyk", "Barlyk Mendygaziyev"),
            Watch.person("tokayev", "Kassym-Jomart Tokayev"),
            Watch.person("said", "Said Bek"),
            Watch.org("adilsoz", "Adil Soz", "Әділ сөз")));

    private static List<WatchMatch> match(String text) {
        return MATCHER.match(text);
    }

    @Test
    void exactNameScoresOneWithOffsetsAndText() {
        String text = "On April 19 assailants attacked Lukpan Akhmediyarov, a journalist.";
        assertThat(match(text)).singleElement().satisfies(m -> {
            assertThat(m.watchId()).isEqualTo("akhmediyarov");
            assertThat(m.matchedText()).isEqualTo("Lukpan Akhmediyarov");
            assertThat(text.substring(m.start(), m.end())).isEqualTo("Lukpan Akhmediyarov");
            assertThat(m.score()).isEqualTo(1.0);
            assertThat(m.form()).isEqualTo(Form.FULL);
        });
    }

    @Test
    void otherRomanisationMatchesWithASlightlyLowerScore() {
        assertThat(match("attacked Lukpan Akhmedyarov, a journalist")).singleElement()
                .satisfies(m -> assertThat(m.score()).isEqualTo(0.95));
    }

    @Test
    void cyrillicMatches() {
        assertThat(match("журналист Лукпан Ахмедьяров заявил")).singleElement()
                .satisfies(m -> assertThat(m.matchedText()).isEqualTo("Лукпан Ахмедьяров"));
        assertThat(match("правозащитник Евгений Жовтис")).extracting(WatchMatch::watchId).containsExactly("zhovtis");
    }

    @Test
    void diacriticsAreFolded() {
        assertThat(match("Evgéniy Zhovtís spoke")).extracting(WatchMatch::watchId).containsExactly("zhovtis");
    }

    @Test
    void possessiveMatches() {
        assertThat(match("Evgeniy Zhovtis's sentence")).singleElement()
                .satisfies(m -> assertThat(m.matchedText()).isEqualTo("Evgeniy Zhovtis"));
    }

    @Test
    void reversedOrderMatches() {
        assertThat(match("the list named Akhmediyarov Lukpan and others")).singleElement()
                .satisfies(m -> assertThat(m.form()).isEqualTo(Form.REVERSED));
        assertThat(match("Akhmediyarov, Lukpan (journalist)")).extracting(WatchMatch::form).containsExactly(Form.REVERSED);
    }

    @Test
    void initialsMatch() {
        assertThat(match("according to L. Akhmediyarov")).singleElement()
                .satisfies(m -> {
                    assertThat(m.form()).isEqualTo(Form.INITIALS);
                    assertThat(m.matchedText()).isEqualTo("L. Akhmediyarov");
                });
        assertThat(match("Е. Жовтис")).extracting(WatchMatch::watchId).containsExactly("zhovtis");
        assertThat(match("K.-J. Tokayev said")).extracting(WatchMatch::watchId).containsExactly("tokayev");
    }

    @Test
    void watchWrittenWithInitialsMatchesTheFullName() {
        WatchlistMatcher m = WatchlistMatcher.of(List.of(Watch.person("a", "L. Akhmediyarov")));
        assertThat(m.match("Lukpan Akhmediyarov")).extracting(WatchMatch::form).containsExactly(Form.INITIALS);
        assertThat(m.match("Serik Akhmediyarov")).isEmpty();
    }

    @Test
    void patronymicBetweenGivenNameAndSurnameMatches() {
        assertThat(match("Vladimir Ivanovich Kozlov")).extracting(WatchMatch::form).containsExactly(Form.FULL);
    }

    @Test
    void watchEnteredSurnameFirstMatchesTextInEitherOrder() {
        WatchlistMatcher m = WatchlistMatcher.of(List.of(Watch.person("a", "Akhmediyarov Lukpan")));
        assertThat(m.match("Lukpan Akhmediyarov")).hasSize(1);
        assertThat(m.match("L. Akhmediyarov")).hasSize(1);
        assertThat(m.match("Akhmediyarov Lukpan")).extracting(WatchMatch::score).containsExactly(1.0);
    }

    @Test
    void organisationMatchesInEitherScriptButOnlyAsAWhole() {
        assertThat(match("Press advocacy NGO Adil Soz recorded 15 attacks")).extracting(WatchMatch::watchId)
                .containsExactly("adilsoz");
        assertThat(match("По данным Адил Соз")).extracting(WatchMatch::watchId).containsExactly("adilsoz");
        assertThat(match("Adil Bekov wrote")).isEmpty();
    }

    @Test
    void aliasMatches() {
        assertThat(match("фонд «Әділ сөз»")).extracting(WatchMatch::watchId).containsExactly("adilsoz");
    }

    @Test
    void surnameAloneIsBelowTheDefaultThreshold() {
        assertThat(match("Zhovtis struck and killed a pedestrian")).isEmpty();
        WatchlistMatcher lenient = WatchlistMatcher.of(List.of(Watch.person("zhovtis", "Evgeniy Zhovtis")), 0.4);
        assertThat(lenient.match("Zhovtis struck and killed a pedestrian")).singleElement()
                .satisfies(m -> assertThat(m.form()).isEqualTo(Form.SURNAME_ONLY));
    }

    @Test
    void namesNotPresentDoNotMatch() {
        assertThat(match("The government restricted freedom of assembly in Almaty and Astana.")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Erik Mendygaziyev and Arman Mendygaziyev were detained", // same surname, other given name
            "Natalia Kozlova testified",                               // same surname, feminine, other given name
            "Vladimir Kozlovsky was released",                         // surname is a prefix of another
            "Vladimir Putin met Kozlov's lawyer",                      // given name and surname of different people
            "Kozlov. Vladimir Ivanov said",                            // sentence boundary between the parts
            "Lukpan Akhmetov and Evgeniy Zhovtyak",                    // partial surname collisions
    })
    void otherPeopleDoNotMatch(String text) {
        assertThat(match(text)).extracting(WatchMatch::watchId)
                .doesNotContain("kozlov", "barlyk", "akhmediyarov", "zhovtis");
    }

    @Test
    void commonWordMatchesOnlyWhereWrittenAsAName() {
        WatchlistMatcher m = WatchlistMatcher.of(List.of(Watch.person("rose", "Rose")));
        assertThat(m.match("the number of cases rose sharply")).isEmpty();
        assertThat(m.match("the activist Rose was detained")).extracting(WatchMatch::watchId).containsExactly("rose");
        // At the start of a sentence a capital says nothing: below the default threshold.
        assertThat(m.match("Rose was detained")).isEmpty();
        assertThat(m.match("the activist said Said Bek")).isEmpty();
        assertThat(match("he said Bek would come")).isEmpty();
        assertThat(match("the lawyer of Said Bek")).extracting(WatchMatch::watchId).containsExactly("said");
    }

    @Test
    void nameAtSentenceStartThatIsNoCommonWordMatches() {
        assertThat(match("was a problem. Adil Soz cited 16 cases")).extracting(WatchMatch::watchId).containsExactly("adilsoz");
    }

    @Test
    void twoWatchesCanMatchTheSamePassage() {
        assertThat(match("Evgeniy Zhovtis and Vladimir Kozlov")).extracting(WatchMatch::watchId)
                .containsExactly("zhovtis", "kozlov");
    }

    @Test
    void thresholdIsConfigurable() {
        WatchlistMatcher strict = WatchlistMatcher.of(List.of(Watch.person("a", "Lukpan Akhmediyarov")), 0.99);
        assertThat(strict.match("Lukpan Akhmediyarov")).hasSize(1);
        assertThat(strict.match("Lukpan Akhmedyarov")).isEmpty();
        assertThatThrownBy(() -> WatchlistMatcher.of(List.of(), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
