package org.rightstream.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.ingest.clean.CleanDocument;
import org.rightstream.ingest.clean.ReportCleaner;
import org.rightstream.ingest.report.ReportMetadata;

/**
 * Golden results of cleaning and chunking the five seed reports. The rules under test are general
 * (see the unit tests of each rule); these figures pin down what they produce on real reports, so a
 * change that moves them is seen and judged.
 */
class SeedChunkingGoldenTest {
    private static final HeadingCategories CATEGORIES = new HeadingCategories(Taxonomy.get());
    private static final Pattern PAGE_FURNITURE = Pattern.compile(
            "Country Reports on Human Rights Practices|Bureau of Democracy|KAZAKHSTAN \\d{1,3}\\b(?! (HUMAN|percent))");

    static List<SectionChunk> chunks(String prefix) throws Exception {
        Path seed;
        try (var files = Files.list(Path.of("../seeds"))) {
            seed = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
        CleanDocument doc = new ReportCleaner(CATEGORIES::isKnownHeading).clean(Files.readString(seed), false);
        return new SectionChunker(CATEGORIES, 180, 250).chunk(doc, ReportMetadata.detect(doc.text()).title());
    }

    private static Map<String, Integer> countsPerTopLevelSection(List<SectionChunk> chunks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SectionChunk c : chunks) {
            String top = c.sectionPath().isEmpty() ? "" : c.sectionPath().get(0);
            counts.merge(top.replaceAll("^(Section \\d|[IVX]+\\.).*", "$1"), 1, Integer::sum);
        }
        return counts;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "000_|EXECUTIVE SUMMARY=2, Section 1=33, Section 2=39, Section 3=9, Section 4=3, Section 5=7, Section 6=27, Section 7=15",
            "001_|EXECUTIVE SUMMARY=3, Section 1=35, Section 2=40, Section 3=5, Section 4=4, Section 5=4, Section 6=24, Section 7=21",
            "002_|EXECUTIVE SUMMARY=3, Section 1=35, Section 2=41, Section 3=10, Section 4=3, Section 5=4, Section 6=33, Section 7=27",
            "003_|I.=3, II.=5, III.=3, IV.=4, V.=7, VI.=4, VII.=4, VIII.=4, IX.=5",
            "004_|I.=3, II.=5, III.=3, IV.=4, V.=7, VI.=4, VII.=4, VIII.=4, IX.=5"})
    void chunkCountsPerTopLevelSection(String seed, String expected) throws Exception {
        assertThat(countsPerTopLevelSection(chunks(seed)).toString()).isEqualTo("{" + expected + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_", "001_", "002_", "003_", "004_"})
    void noPassageCarriesPageFurnitureOrBreaksMidSentence(String seed) throws Exception {
        for (SectionChunk c : chunks(seed)) {
            assertThat(PAGE_FURNITURE.matcher(c.text()).find()).as(c.text()).isFalse();
            assertThat(Character.isLowerCase(c.text().codePointAt(0))).as("starts mid-sentence: " + c.text()).isFalse();
            assertThat(c.text().split("\\s+").length).isLessThanOrEqualTo(250);
        }
    }

    @Test
    void sampledSectionPathsAndLabelsOfTheStateDepartmentReports() throws Exception {
        List<SectionChunk> y2012 = chunks("000_");
        SectionChunk prison = y2012.stream().filter(c -> c.text().startsWith("Prison conditions were harsh")).findFirst().orElseThrow();
        assertThat(prison.sectionPath()).containsExactly(
                "Section 1. Respect for the Integrity of the Person, Including Freedom from:",
                "c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment",
                "Prison and Detention Center Conditions");
        assertThat(prison.headingCategory()).isEqualTo("detention-conditions");
        assertThat(y2012.get(0).sectionPath()).containsExactly("EXECUTIVE SUMMARY");

        // A heading wrapped onto a second line is one heading.
        assertThat(chunks("001_")).anySatisfy(c -> assertThat(c.sectionPath()).contains(
                "a. Arbitrary Deprivation of Life and Other Unlawful or Politically Motivated Killings"));
        assertThat(chunks("002_")).anySatisfy(c -> assertThat(c.sectionPath()).contains(
                "Section 5. Governmental Posture Towards International and Nongovernmental Investigation of Alleged Abuses of Human Rights"));
        long labelled = y2012.stream().filter(c -> c.headingCategory() != null).count();
        assertThat(labelled).isGreaterThan(y2012.size() * 8L / 10);
    }

    @Test
    void theNgoSubmissionHasNumberedParagraphsAndRecommendationBlocksInBothFormats() throws Exception {
        for (String seed : List.of("003_", "004_")) {
            List<SectionChunk> chunks = chunks(seed);
            SectionChunk first = chunks.get(0);
            assertThat(first.sectionPath()).containsExactly("I. THE RIGHT TO ADEQUATE HOUSING");
            assertThat(first.paragraphNumbers()).startsWith("1", "2");
            assertThat(first.headingCategory()).isEqualTo("housing");
            List<SectionChunk> recommendations = chunks.stream().filter(SectionChunk::isRecommendation).toList();
            assertThat(recommendations).hasSize(9);
            assertThat(recommendations).allSatisfy(c -> assertThat(c.text()).startsWith("•"));
            assertThat(chunks.stream().filter(c -> !c.isRecommendation()))
                    .allSatisfy(c -> assertThat(c.paragraphNumbers()).isNotEmpty());
        }
    }
}
