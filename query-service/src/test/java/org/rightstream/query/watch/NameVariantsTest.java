package org.rightstream.query.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rightstream.query.watch.NameVariants.Token;

class NameVariantsTest {

    @Test
    void possessiveIsNotPartOfTheName() {
        List<Token> tokens = NameVariants.tokens("Zhovtis's sentence and Zhovtis’s appeal, Zhovtis' case");
        assertThat(tokens).filteredOn(t -> t.key().folded().equals("zhovtis")).hasSize(3)
                .allSatisfy(t -> assertThat(t.surface()).isEqualTo("Zhovtis"));
    }

    @Test
    void hyphenSeparatesNameParts() {
        assertThat(NameVariants.nameKeys("Kassym-Jomart Tokayev")).extracting(NameKey::folded)
                .containsExactly("kassym", "jomart", "tokayev");
    }

    @Test
    void initialsAreRecognisedAndTheirPeriodDoesNotEndASentence() {
        List<Token> tokens = NameVariants.tokens("He met L. Akhmediyarov and Zh. Baimukhanov.");
        assertThat(tokens.get(2).initial()).isTrue();
        assertThat(tokens.get(3).sentenceStart()).isFalse();
        assertThat(tokens.get(5).initial()).isTrue();
    }

    @Test
    void capitalisationAndSentenceStartAreRecorded() {
        List<Token> tokens = NameVariants.tokens("Said was there. He said so. SAID");
        assertThat(tokens.get(0).capitalised()).isTrue();
        assertThat(tokens.get(0).sentenceStart()).isTrue();
        assertThat(tokens.get(4).capitalised()).isFalse();
        assertThat(tokens.get(6).capitalised()).isFalse();
        assertThat(tokens.get(4).commonWord()).isTrue();
    }

    @Test
    void offsetsPointIntoTheText() {
        String text = "Activist Евгений Жовтис said";
        Token t = NameVariants.tokens(text).get(2);
        assertThat(text.substring(t.start(), t.end())).isEqualTo("Жовтис");
        assertThat(t.key().folded()).isEqualTo("zhovtis");
    }
}
