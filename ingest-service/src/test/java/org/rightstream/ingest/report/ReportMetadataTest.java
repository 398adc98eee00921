package org.rightstream.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rightstream.ingest.Seeds;

class ReportMetadataTest {

    private static final String BODY = "\n\nEXECUTIVE SUMMARY\n\nThe constitution concentrates power in the presidency.";

    @Test
    void stateDepartmentTitleLineGivesCountryYearAndTitle() {
        ReportMetadata m = ReportMetadata.detect("KAZAKHSTAN 2012 HUMAN RIGHTS REPORT" + BODY);

        assertThat(m.country()).isEqualTo("Kazakhstan");
        assertThat(m.year()).isEqualTo(2012);
        assertThat(m.title()).isEqualTo("KAZAKHSTAN 2012 HUMAN RIGHTS REPORT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "UZBEKISTAN 2019 HUMAN RIGHTS REPORT      | Uzbekistan      | 2019",
            "KYRGYZ REPUBLIC 2020 HUMAN RIGHTS REPORT | Kyrgyz Republic | 2020",
            "TIMOR-LESTE 2015 HUMAN RIGHTS REPORT     | Timor-Leste     | 2015",
            "TAJIKISTAN 1999 COUNTRY REPORT           | Tajikistan      | 1999",
            "Turkmenistan 2022 Human Rights Report    | Turkmenistan    | 2022"})
    void otherCountriesAndYearsInTheSameForm(String titleLine, String country, int year) {
        ReportMetadata m = ReportMetadata.detect(titleLine + BODY);

        assertThat(m.country()).isEqualTo(country);
        assertThat(m.year()).isEqualTo(year);
        assertThat(m.title()).isEqualTo(titleLine);
    }

    @Test
    void titleLineAfterACoverLineIsStillFound() {
        ReportMetadata m = ReportMetadata.detect("Country Reports on Human Rights Practices\n\n"
                + "UZBEKISTAN 2019 HUMAN RIGHTS REPORT" + BODY);

        assertThat(m.country()).isEqualTo("Uzbekistan");
        assertThat(m.year()).isEqualTo(2019);
        assertThat(m.title()).isEqualTo("UZBEKISTAN 2019 HUMAN RIGHTS REPORT");
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"000, 2012", "001, 2017", "002, 2021"})
    void stateDepartmentSeedsAreKazakhstanOfTheirYear(String seed, int year) {
        ReportMetadata m = ReportMetadata.detect(TextDecoder.decode(Seeds.bytes(seed)));

        assertThat(m.country()).isEqualTo("Kazakhstan");
        assertThat(m.year()).isEqualTo(year);
        assertThat(m.title()).isEqualTo("KAZAKHSTAN " + year + " HUMAN RIGHTS REPORT");
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"003", "004"})
    void ngoSubmissionThatStatesNoYearLeavesCountryAndYearEmpty(String seed) {
        String text = TextDecoder.decode(Seeds.bytes(seed));
        // the submission is about Kazakhstan and mentions years in its body: neither may be guessed from that
        assertThat(text).contains("Kazakhstan").containsPattern("\\b20\\d\\d\\b");

        ReportMetadata m = ReportMetadata.detect(text);

        assertThat(m.country()).isNull();
        assertThat(m.year()).isNull();
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow().strip();
        assertThat(m.title()).isEqualTo(firstLine);
    }

    @Test
    void aYearFurtherIntoTheTextIsNotUsed() {
        String text = "Alternative report to the Committee\n\n" + "x ".repeat(400)
                + "\n\nKAZAKHSTAN 2012 HUMAN RIGHTS REPORT";

        ReportMetadata m = ReportMetadata.detect(text);

        assertThat(m.country()).isNull();
        assertThat(m.year()).isNull();
        assertThat(m.title()).isEqualTo("Alternative report to the Committee");
    }

    @Test
    void sentenceCitingAnotherReportIsNotTakenForTheTitleLine() {
        String text = "Submission to the UN Committee on Economic, Social and Cultural Rights\n\n"
                + "This submission comments on the 2019 Human Rights Report of the State Department and on\n"
                + "the government's reply.";

        ReportMetadata m = ReportMetadata.detect(text);

        assertThat(m.country()).isNull();
        assertThat(m.year()).isNull();
        assertThat(m.title()).isEqualTo("Submission to the UN Committee on Economic, Social and Cultural Rights");
    }

    @Test
    void fourDigitNumberThatIsNoPlausibleYearIsNotAYear() {
        ReportMetadata m = ReportMetadata.detect("TASK FORCE 7300 HUMAN RIGHTS REPORT" + BODY);

        assertThat(m.country()).isNull();
        assertThat(m.year()).isNull();
    }

    @Test
    void titleWithoutAYearGivesNoCountry() {
        ReportMetadata m = ReportMetadata.detect("KAZAKHSTAN HUMAN RIGHTS REPORT" + BODY);

        assertThat(m.country()).isNull();
        assertThat(m.year()).isNull();
        assertThat(m.title()).isEqualTo("KAZAKHSTAN HUMAN RIGHTS REPORT");
    }

    @Test
    void veryLongFirstLineIsCutForTheTitle() {
        String line = "A".repeat(300);

        ReportMetadata m = ReportMetadata.detect(line + BODY);

        assertThat(m.title()).hasSize(200).isEqualTo(line.substring(0, 200));
        assertThat(m.country()).isNull();
    }

    @Test
    void emptyTextHasNoMetadata() {
        assertThat(ReportMetadata.detect("")).isEqualTo(new ReportMetadata(null, null, null));
    }
}
