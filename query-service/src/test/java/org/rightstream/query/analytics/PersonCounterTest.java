package org.rightstream.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rightstream.query.analytics.Passages.passage;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonCounterTest {

    @Test
    void countsPassagesPerPersonAndYearTopFirst() {
        PersonCounter c = new PersonCounter();
        c.add(passage("a-00001", 2012, "Vladimir Kozlov and Vladimir Kozlov again; Nur Otan.",
                "PERSON:Vladimir Kozlov", "PERSON:Vladimir Kozlov", "ORG:Nur Otan"));
        c.add(passage("a-00002", 2012, "VLADIMIR KOZLOV appealed; Roza Tuletayeva too.",
                "PERSON:VLADIMIR KOZLOV", "PERSON:Roza Tuletayeva"));
        c.add(passage("a-00003", 2012, "Aron Atabek was held.", "PERSON:Aron Atabek"));
        c.add(passage("a-00004", 2012, "Only a place: Almaty.", "PLACE:Almaty"));
        c.add(passage("b-00001", 2021, "Max Bokayev was released.", "PERSON:Max Bokayev"));
        c.add(new ScannedPassage("x-00001", "x", null, "no year", List.of()));

        List<PersonTrends.PersonYear> years = c.top(2);

        assertThat(years).extracting(PersonTrends.PersonYear::year).containsExactly(2012, 2021);
        PersonTrends.PersonYear y2012 = years.get(0);
        assertThat(y2012.passagesNamingPersons()).isEqualTo(3);
        assertThat(y2012.distinctPersons()).isEqualTo(3);
        assertThat(y2012.persons()).extracting(PersonTrends.PersonCount::name)
                .containsExactly("Vladimir Kozlov", "Aron Atabek");
        assertThat(y2012.persons()).extracting(PersonTrends.PersonCount::passages).containsExactly(2L, 1L);
        assertThat(years.get(1).persons()).extracting(PersonTrends.PersonCount::name).containsExactly("Max Bokayev");
    }
}
