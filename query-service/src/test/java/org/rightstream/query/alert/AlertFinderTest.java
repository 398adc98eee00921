package org.rightstream.query.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.rightstream.contracts.Alert;
import org.rightstream.contracts.CategoryScore;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Severity;
import org.junit.jupiter.api.Test;
import org.rightstream.query.TestChunks;
import org.rightstream.query.watch.WatchEntry;
import org.rightstream.query.watch.WatchType;
import org.rightstream.query.watch.Watchlist;

class AlertFinderTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static ClassifiedChunk passage(String text, int severity, String country, String... categories) {
        ClassifiedChunk c = TestChunks.classified("r1", 3, 10);
        List<CategoryScore> cats = java.util.Arrays.stream(categories).map(id -> new CategoryScore(id, 0.5)).toList();
        return new ClassifiedChunk(c.schemaVersion(), c.reportId(), c.chunkId(), c.ordinal(), c.totalChunks(),
                c.source(), country, c.year(), c.title(), c.sectionPath(), c.headingCategory(), text, 0, text.length(),
                c.page(), c.paragraphNumbers(), c.isRecommendation(), c.ingestedAt(), cats,
                new Severity(severity, List.of()), c.entities(), c.modelVersion(), c.classifiedAt(), c.modelTrainedAt());
    }

    static WatchEntry watch(String id, String name, Integer minSeverity, List<String> categories, List<String> countries) {
        return new WatchEntry(id, name, List.of(), WatchType.PERSON, null, minSeverity, categories, countries, null,
                null, null, null);
    }

    @Test
    void anAlertCarriesThePassageLabelsAndTheNameMarkedInAnEscapedSnippet() {
        Watchlist list = Watchlist.of(List.of(watch("w1", "Lukpan Akhmediyarov", null, List.of(), List.of())), 0.7);
        ClassifiedChunk p = passage("Unknown men attacked <b>journalist</b> Lukpan Akhmediyarov & his son.", 5,
                "Kazakhstan", "expression", "torture");

        List<Alert> alerts = AlertFinder.find(p, list, false, NOW);

        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.alertId()).isEqualTo("w1:" + p.chunkId());
        assertThat(a.matchedText()).isEqualTo("Lukpan Akhmediyarov");
        assertThat(a.category()).isEqualTo("expression");
        assertThat(a.categories()).containsExactly("expression", "torture");
        assertThat(a.severity()).isEqualTo(5);
        assertThat(a.country()).isEqualTo("Kazakhstan");
        assertThat(a.sectionPath()).isEqualTo(p.sectionPath());
        assertThat(a.retroactive()).isFalse();
        assertThat(a.snippet()).isEqualTo(
                "Unknown men attacked &lt;b&gt;journalist&lt;/b&gt; <mark>Lukpan Akhmediyarov</mark> &amp; his son.");
    }

    @Test
    void aLongPassageIsCutAroundTheNameAtSpaces() {
        String before = "word ".repeat(60);
        String after = " other".repeat(60);
        Watchlist list = Watchlist.of(List.of(watch("w1", "Evgeniy Zhovtis", null, List.of(), List.of())), 0.7);

        Alert a = AlertFinder.find(passage(before + "Evgeniy Zhovtis" + after, 3, "Kazakhstan", "arbitrary-detention"),
                list, false, NOW).get(0);

        assertThat(a.snippet()).startsWith("…word ").endsWith("other…").contains("<mark>Evgeniy Zhovtis</mark>");
        assertThat(a.snippet().length()).isLessThan(2 * AlertFinder.CONTEXT_CHARS + 40);
    }

    @Test
    void filtersOfTheWatchDecideWhetherAMatchRaisesAnAlert() {
        String text = "Evgeniy Zhovtis remained in the settlement colony.";
        Watchlist list = Watchlist.of(List.of(
                watch("severe", "Evgeniy Zhovtis", 4, List.of(), List.of()),
                watch("arbitrary-detention", "Evgeniy Zhovtis", null, List.of("arbitrary-detention"), List.of()),
                watch("elsewhere", "Evgeniy Zhovtis", null, List.of(), List.of("Uzbekistan")),
                watch("here", "Evgeniy Zhovtis", null, List.of(), List.of("kazakhstan"))), 0.7);

        List<Alert> alerts = AlertFinder.find(passage(text, 3, "Kazakhstan", "fair-trial", "arbitrary-detention"), list, true, NOW);

        assertThat(alerts).extracting(Alert::watchId).containsExactlyInAnyOrder("arbitrary-detention", "here");
        assertThat(alerts).allMatch(Alert::retroactive);
    }

    @Test
    void aNameNamedTwiceMakesOneAlertForTheSurestMatch() {
        Watchlist list = Watchlist.of(List.of(watch("w1", "Evgeniy Zhovtis", null, List.of(), List.of())), 0.7);

        List<Alert> alerts = AlertFinder.find(passage(
                "Zhovtis Evgeniy appealed. Later Evgeniy Zhovtis was released.", 2, "Kazakhstan", "arbitrary-detention"),
                list, false, NOW);

        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).matchedText()).isEqualTo("Evgeniy Zhovtis");
        assertThat(alerts.get(0).score()).isEqualTo(1.0);
    }

    @Test
    void noWatchedNameNoAlert() {
        Watchlist list = Watchlist.of(List.of(watch("w1", "Evgeniy Zhovtis", null, List.of(), List.of())), 0.7);

        assertThat(AlertFinder.find(passage("The court fined the newspaper.", 2, "Kazakhstan", "expression"),
                list, false, NOW)).isEmpty();
        assertThat(AlertFinder.find(passage("Evgeniy Zhovtis", 2, "Kazakhstan"), Watchlist.empty(0.7), false, NOW))
                .isEmpty();
    }
}
