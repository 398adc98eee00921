package org.rightstream.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyticsParametersTest {

    private static void rejects(Runnable call, String parameter, String detail) {
        assertThatThrownBy(call::run)
                .isInstanceOf(AnalyticsParameterException.class)
                .hasMessageContaining("'" + parameter + "'")
                .hasMessageContaining(detail)
                .extracting(e -> ((AnalyticsParameterException) e).parameter()).isEqualTo(parameter);
    }

    @Test
    void countryIsStrippedAndRequiredWhereNeeded() {
        assertThat(AnalyticsParameters.requiredCountry("  Kazakhstan ")).isEqualTo("Kazakhstan");
        assertThat(AnalyticsParameters.optionalCountry(" ")).isNull();
        assertThat(AnalyticsParameters.optionalCountry(null)).isNull();
        rejects(() -> AnalyticsParameters.requiredCountry(null), "country", "required");
        rejects(() -> AnalyticsParameters.requiredCountry(" \t"), "country", "required");
        rejects(() -> AnalyticsParameters.optionalCountry("x".repeat(101)), "country", "100");
    }

    @Test
    void yearsAreWholeNumbersInAPlausibleRange() {
        assertThat(AnalyticsParameters.requiredYear("from", " 2017 ")).isEqualTo(2017);
        assertThat(AnalyticsParameters.optionalYear("to", "")).isNull();
        rejects(() -> AnalyticsParameters.requiredYear("from", null), "from", "required");
        rejects(() -> AnalyticsParameters.requiredYear("to", "twenty"), "to", "was 'twenty'");
        rejects(() -> AnalyticsParameters.optionalYear("to", "2017.5"), "to", "a year");
        rejects(() -> AnalyticsParameters.optionalYear("from", "99999999999"), "from", "a year");
        rejects(() -> AnalyticsParameters.optionalYear("from", "17"), "from", "between 1900 and 2100, was 17");
        rejects(() -> AnalyticsParameters.optionalYear("to", "-2017"), "to", "between 1900 and 2100");
    }

    @Test
    void aRangeMayBeOneYearButNotBackwards() {
        AnalyticsParameters.requireOrdered(2017, 2017);
        AnalyticsParameters.requireOrdered(null, 2017);
        AnalyticsParameters.requireOrdered(2017, null);
        rejects(() -> AnalyticsParameters.requireOrdered(2021, 2017), "from", "2021 > 2017");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "1e3"})
    void numbersOutsideTheirRangeAreRejected(String value) {
        rejects(() -> AnalyticsParameters.intInRange("top", value, 10, 1, 100), "top", value);
    }

    @Test
    void numbersDefaultWhenAbsent() {
        assertThat(AnalyticsParameters.intInRange("top", null, 10, 1, 100)).isEqualTo(10);
        assertThat(AnalyticsParameters.intInRange("top", " 100 ", 10, 1, 100)).isEqualTo(100);
    }

    @Test
    void countByIsAllUnlessPrimaryIsAskedFor() {
        assertThat(AnalyticsParameters.countBy(null)).isEqualTo(CountBy.ALL);
        assertThat(AnalyticsParameters.countBy("ALL")).isEqualTo(CountBy.ALL);
        assertThat(AnalyticsParameters.countBy(" primary")).isEqualTo(CountBy.PRIMARY);
        rejects(() -> AnalyticsParameters.countBy("secondary"), "countBy", "'secondary'");
    }
}
