package org.rightstream.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Taxonomy;

class HeadingCategoriesTest {
    private final HeadingCategories categories = new HeadingCategories(Taxonomy.get());

    @Test
    void enumeratorsCaseAndColonsAreIgnored() {
        assertThat(categories.categoryOf("c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment"))
                .contains("torture");
        assertThat(categories.categoryOf("II. TRADE UNIONS")).contains("trade-unions");
        assertThat(categories.categoryOf("Section 4. Corruption and Lack of Transparency in Government")).contains("corruption");
        assertThat(categories.categoryOf("Sexual Harassment:")).contains("women");
    }

    @Test
    void aLengthenedOrRewordedHeadingKeepsItsCategoryButShortHeadingsMustMatchWhole() {
        assertThat(categories.categoryOf("Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment, and Other Related Abuses"))
                .contains("torture");
        assertThat(categories.categoryOf("f. Arbitrary Interference with Privacy, Family, Home, or Correspondence"))
                .contains("privacy");
        assertThat(categories.categoryOf("Discrimination, Societal Abuses, and Trafficking in Persons")).isEmpty();
        assertThat(categories.categoryOf("Executive Summary")).isEmpty();
    }

    @Test
    void theDeepestHeadingThatNamesACategoryWins() {
        assertThat(categories.categoryOfPath(List.of("Section 6. Discrimination and Societal Abuses", "Children",
                "Child Abuse"))).contains("children");
        assertThat(categories.categoryOfPath(List.of("c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment",
                "Prison and Detention Center Conditions"))).contains("detention-conditions");
        assertThat(categories.categoryOfPath(List.of("Introduction"))).isEmpty();
        assertThat(categories.isKnownHeading("Women")).isTrue();
        assertThat(categories.isKnownHeading("Rights")).isFalse();
    }
}
