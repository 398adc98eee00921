package org.rightstream.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void keysIgnoreCasePunctuationAndSpacing() {
        assertThat(Names.key("Kassym-Jomart Tokayev")).isEqualTo("kassym jomart tokayev");
        assertThat(Names.key("  KASSYM JOMART\n TOKAYEV ")).isEqualTo("kassym jomart tokayev");
        assertThat(Names.key("Tokayev’s")).isEqualTo("tokayev s");
        assertThat(Names.key("Ministry of Internal Affairs (MVD)")).isEqualTo("ministry of internal affairs mvd");
        assertThat(Names.key("Žanaözen")).isEqualTo(Names.key("Z\u030Canao\u0308zen")).isEqualTo("žanaözen");
        assertThat(Names.key(" -- ")).isEmpty();
        assertThat(Names.key(null)).isEmpty();
    }

    @Test
    void displayKeepsTheSpellingButNotStraySpace() {
        assertThat(Names.display("  Vadim\n Kuramshin ")).isEqualTo("Vadim Kuramshin");
    }

    @Test
    void textIndexFindsWholeWordsOnlyAndNeverAcrossPassages() {
        TextIndex text = new TextIndex();
        text.add("The court sentenced Vladimir Kozlov, leader of the unregistered Alga! party.");
        text.add("President Tokayev's decree. Roza");
        text.add("Tuletayeva was released.");

        assertThat(text.containsName(Names.key("VLADIMIR KOZLOV"))).isTrue();
        assertThat(text.containsName(Names.key("Alga"))).isTrue();
        assertThat(text.containsName(Names.key("Tokayev"))).isTrue();
        assertThat(text.containsName(Names.key("Tokaye"))).isFalse();
        assertThat(text.containsName(Names.key("Kozlova"))).isFalse();
        assertThat(text.containsName(Names.key("Roza Tuletayeva"))).as("spans two passages").isFalse();
        assertThat(text.containsName("")).isFalse();
    }
}
