package org.rightstream.query.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Taxonomy;

class WatchEntryRulesTest {
    private final WatchEntryRules rules = new WatchEntryRules(Taxonomy.get());

    private static WatchEntry entry(String id, String name, List<String> aliases, Integer minSeverity,
                                    List<String> categories, URI webhook) {
        return new WatchEntry(id, name, aliases, WatchType.PERSON, null, minSeverity, categories, List.of(), webhook,
                null, null, null);
    }

    @Test
    void normalFormTrimsAndDropsBlankAndRepeatedAliases() {
        WatchEntry e = rules.normalise(entry(null, "  Evgeniy Zhovtis ",
                List.of(" Евгений Жовтис", "", "Evgeniy Zhovtis", "Yevgeniy Zhovtis", "Yevgeniy Zhovtis"), 3,
                List.of(" arbitrary-detention "), null));

        assertThat(e.name()).isEqualTo("Evgeniy Zhovtis");
        assertThat(e.aliases()).containsExactly("Евгений Жовтис", "Yevgeniy Zhovtis");
        assertThat(e.categories()).containsExactly("arbitrary-detention");
        assertThat(e.id()).isEqualTo(WatchEntryRules.idFor(WatchType.PERSON, "Evgeniy Zhovtis"));
    }

    @Test
    void theDerivedIdIsTheSameForSpellingsOfOneName() {
        assertThat(WatchEntryRules.idFor(WatchType.PERSON, "Evgeniy Zhovtis"))
                .isEqualTo(WatchEntryRules.idFor(WatchType.PERSON, "evgeniy  ZHOVTIS"))
                .isNotEqualTo(WatchEntryRules.idFor(WatchType.ORG, "Evgeniy Zhovtis"))
                .isNotEqualTo(WatchEntryRules.idFor(WatchType.PERSON, "Lukpan Akhmediyarov"))
                .matches("w-[0-9a-f]{16}");
    }

    @Test
    void eachWrongFieldIsNamed() {
        assertField(entry(null, " ", List.of(), null, List.of(), null), "name");
        assertField(entry(null, "123 456", List.of(), null, List.of(), null), "name");
        assertField(entry(null, "A".repeat(201), List.of(), null, List.of(), null), "name");
        assertField(entry(null, "Ann Lee", List.of("!!!"), null, List.of(), null), "aliases");
        assertField(entry(null, "Ann Lee", List.of(), 0, List.of(), null), "minSeverity");
        assertField(entry(null, "Ann Lee", List.of(), 6, List.of(), null), "minSeverity");
        assertField(entry(null, "Ann Lee", List.of(), null, List.of("weather"), null), "categories");
        assertField(entry(null, "Ann Lee", List.of(), null, List.of(), URI.create("ftp://example.org/x")), "webhookUrl");
        assertField(entry(null, "Ann Lee", List.of(), null, List.of(), URI.create("/relative")), "webhookUrl");
        assertField(entry("has:colon", "Ann Lee", List.of(), null, List.of(), null), "id");
    }

    @Test
    void anUnknownCategoryIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> rules.normalise(entry(null, "Ann Lee", List.of(), null, List.of("weather"), null)))
                .hasMessageContaining("unknown category 'weather'").hasMessageContaining("arbitrary-detention");
    }

    @Test
    void aRequestWithAnUnknownTypeIsRefused() {
        WatchRequest r = new WatchRequest(null, "Ann Lee", null, "ANIMAL", null, null, null, null, null, null);
        assertThatThrownBy(r::toEntry).isInstanceOf(InvalidWatchException.class)
                .satisfies(e -> assertThat(((InvalidWatchException) e).field()).isEqualTo("type"));
    }

    @Test
    void admitsAppliesSeverityCategoryAndCountry() {
        WatchEntry e = new WatchEntry("w", "Ann Lee", List.of(), WatchType.PERSON, null, 3, List.of("arbitrary-detention"),
                List.of("Kazakhstan"), null, null, null, null);
        assertThat(e.admits(3, List.of("expression", "arbitrary-detention"), "KAZAKHSTAN")).isTrue();
        assertThat(e.admits(2, List.of("arbitrary-detention"), "Kazakhstan")).isFalse();
        assertThat(e.admits(5, List.of("expression"), "Kazakhstan")).isFalse();
        assertThat(e.admits(5, List.of("arbitrary-detention"), "Uzbekistan")).isFalse();
        assertThat(e.admits(5, List.of("arbitrary-detention"), null)).isFalse();
    }

    private void assertField(WatchEntry e, String field) {
        assertThatThrownBy(() -> rules.normalise(e)).isInstanceOf(InvalidWatchException.class)
                .satisfies(x -> assertThat(((InvalidWatchException) x).field()).isEqualTo(field));
    }
}
