package org.rightstream.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnicodeNormaliserTest {

    @Test
    void quotesDashesSpacesLigaturesAndBulletsGetOneSpelling() {
        assertThat(UnicodeNormaliser.normalise("\u201CQuoted\u201D and \u2018single\u2019 \u2014 dash \u2013 en"))
                .isEqualTo("\"Quoted\" and 'single' - dash - en");
        assertThat(UnicodeNormaliser.normalise("of\uFB01cial\u00A0text")).isEqualTo("official text");
        assertThat(UnicodeNormaliser.normalise("\uF0B7 item")).isEqualTo("• item");
        assertThat(UnicodeNormaliser.normalise("soft\u00ADhyphen zero\u200Bwidth")).isEqualTo("softhyphen zerowidth");
        assertThat(UnicodeNormaliser.normalise("a\r\nb\rc\fd")).isEqualTo("a\nb\nc\nd");
    }
}
