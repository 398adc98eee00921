package org.rightstream.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rightstream.query.analytics.Passages.passage;

import org.junit.jupiter.api.Test;

class NewNamesFinderTest {

    private static NewNamesFinder seeded() {
        NewNamesFinder f = new NewNamesFinder();
        f.addEarlier(passage("a-00001", 2012, "President Nursultan Nazarbayev and the Nur Otan Party dominate.",
                "PERSON:Nursultan Nazarbayev", "ORG:Nur Otan Party"));
        f.addEarlier(passage("a-00002", 2012, "Police in Zhanaozen detained Vladimir Kozlov's associates.",
                "PLACE:Zhanaozen"));
        f.addLater(passage("b-00001", 2021, "Kassym-Jomart Tokayev became president; NURSULTAN NAZARBAYEV kept power.",
                "PERSON:Kassym-Jomart Tokayev", "PERSON:NURSULTAN NAZARBAYEV"));
        f.addLater(passage("b-00002", 2021, "Authorities fined Kassym Jomart Tokayev's critics and Vladimir Kozlov.",
                "PERSON:Kassym Jomart Tokayev", "PERSON:Vladimir Kozlov"));
        f.addLater(passage("b-00003", 2021, "The Democratic Party of Kazakhstan was denied registration; Tokayev.",
                "ORG:Democratic Party of Kazakhstan", "ORG:Nur Otan party", "PLACE:Kazakhstan"));
        f.addLater(passage("b-00004", 2021, "Aigerim Tleuzhan and the Democratic Party of Kazakhstan protested.",
                "PERSON:Aigerim Tleuzhan", "ORG:Democratic Party of Kazakhstan"));
        return f;
    }

    @Test
    void listsOnlyNamesTheEarlierYearNeitherNamesNorMentions() {
        NewNamesFinder f = seeded();

        Comparison.NameGroup persons = f.newPersons(10, 3);
        // Nazarbayev: an entity in 2012 (other case). Kozlov: not an entity in 2012 but in its text ("Kozlov's").
        assertThat(persons.names()).extracting(Comparison.NewName::name)
                .containsExactly("Kassym Jomart Tokayev", "Aigerim Tleuzhan");
        assertThat(persons.total()).isEqualTo(2);
        assertThat(f.newOrganisations(10, 3).names()).extracting(Comparison.NewName::name)
                .containsExactly("Democratic Party of Kazakhstan");
        assertThat(f.isNew("nur otan PARTY")).isFalse();
        assertThat(f.isNew("Vladimir Kozlov")).isFalse();
    }

    @Test
    void aNameWrittenTwoWaysIsOneNameWithItsPassagesInOrder() {
        Comparison.NewName tokayev = seeded().newPersons(10, 3).names().get(0);

        assertThat(tokayev.passages()).isEqualTo(2);
        // Two spellings once each: the first in display order is shown.
        assertThat(tokayev.name()).isEqualTo("Kassym Jomart Tokayev");
        assertThat(tokayev.examples()).extracting(Comparison.PassageRef::chunkId).containsExactly("b-00001", "b-00002");
        assertThat(tokayev.examples()).extracting(Comparison.PassageRef::reportId).containsOnly("b");
        assertThat(tokayev.examples().get(0).snippet()).contains("Kassym-Jomart Tokayev became president");
    }

    @Test
    void limitsNamesAndPassagesButCountsThemAll() {
        Comparison.NameGroup persons = seeded().newPersons(1, 1);

        assertThat(persons.total()).isEqualTo(2);
        assertThat(persons.names()).hasSize(1);
        assertThat(persons.names().get(0).passages()).isEqualTo(2);
        assertThat(persons.names().get(0).examples()).hasSize(1);
    }

    @Test
    void withNoEarlierPassagesEveryNameIsNew() {
        NewNamesFinder f = new NewNamesFinder();
        f.addLater(passage("b-00001", 2021, "Max Bokayev was released.", "PERSON:Max Bokayev", "PLACE:Atyrau"));

        assertThat(f.newPersons(10, 3).names()).extracting(Comparison.NewName::name).containsExactly("Max Bokayev");
        assertThat(f.newOrganisations(10, 3).total()).isZero();
    }
}
