package org.rightstream.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    /** The project keeps its own copy so builds work without ../shared; it must never drift from it. */
    @Test
    void projectCopyEqualsTheSharedTaxonomy() throws Exception {
        Path shared = Path.of(System.getProperty("rightstream.shared.dir", "../../shared"), "taxonomy.json");
        assumeTrue(Files.exists(shared), "shared taxonomy not found at " + shared.toAbsolutePath());
        byte[] copy;
        try (InputStream in = Taxonomy.class.getResourceAsStream(Taxonomy.RESOURCE)) {
            copy = in.readAllBytes();
        }
        assertThat(copy).isEqualTo(Files.readAllBytes(shared));
    }

    @Test
    void loadsAllCategoriesAndTheFiveLevelSeverityScale() {
        Taxonomy t = Taxonomy.get();
        assertThat(t.categories()).hasSize(29);
        assertThat(t.categories()).extracting(Taxonomy.Category::id).doesNotHaveDuplicates()
                .contains("torture", "expression", "environment");
        assertThat(t.severity().levels()).extracting(Taxonomy.Level::level).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void mapsHeadingsToCategoriesIgnoringCaseAndSpacing() {
        Taxonomy t = Taxonomy.get();
        assertThat(t.categoryForHeading("PRISON AND  DETENTION CENTER CONDITIONS")).contains("detention-conditions");
        assertThat(t.categoryForHeading("Trade unions")).contains("trade-unions");
        assertThat(t.categoryForHeading("Executive Summary")).isEmpty();
        assertThat(t.isCategory("torture")).isTrue();
        assertThat(t.isCategory("Torture")).isFalse();
    }
}
