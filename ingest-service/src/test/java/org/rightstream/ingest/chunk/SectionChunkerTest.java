package org.rightstream.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.ingest.clean.CleanDocument;
import org.rightstream.ingest.clean.ReportCleaner;

class SectionChunkerTest {
    private final HeadingCategories categories = new HeadingCategories(Taxonomy.get());
    private final SectionChunker chunker = new SectionChunker(categories, 60, 90);

    private List<SectionChunk> chunk(String text, String title) {
        CleanDocument doc = new ReportCleaner(categories::isKnownHeading).clean(text, false);
        List<SectionChunk> chunks = chunker.chunk(doc, title);
        for (SectionChunk c : chunks) {
            assertThat(doc.text().substring(c.charStart(), c.charEnd())).isEqualTo(c.text());
        }
        return chunks;
    }

    private static String sentences(String subject, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(subject).append(" case number ").append(i).append(" was reported to the office this year. ");
        }
        return b.toString().strip();
    }

    @Test
    void passagesFollowTheHeadingHierarchyAndNeverSpanTwoSections() {
        String text = "ATLANTIS 2031 HUMAN RIGHTS REPORT\n\nEXECUTIVE SUMMARY\n\n" + sentences("Summary", 3)
                + "\n\nSection 1. Respect for the Integrity of the Person\n\nc. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment\n\n"
                + sentences("Beating", 2) + "\n\nPrison and Detention Center Conditions\n\n" + sentences("Overcrowding", 2)
                + "\n\nPhysical Conditions: " + sentences("Heat", 2)
                + "\n\nSection 2. Respect for Civil Liberties\n\na. Freedom of Expression\n\n" + sentences("Blogger", 2);
        List<SectionChunk> chunks = chunk(text, "ATLANTIS 2031 HUMAN RIGHTS REPORT");
        assertThat(chunks).extracting(SectionChunk::sectionPath).containsExactly(
                List.of("EXECUTIVE SUMMARY"),
                List.of("Section 1. Respect for the Integrity of the Person",
                        "c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment"),
                List.of("Section 1. Respect for the Integrity of the Person",
                        "c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment",
                        "Prison and Detention Center Conditions"),
                List.of("Section 1. Respect for the Integrity of the Person",
                        "c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment",
                        "Prison and Detention Center Conditions", "Physical Conditions"),
                List.of("Section 2. Respect for Civil Liberties", "a. Freedom of Expression"));
        assertThat(chunks).extracting(SectionChunk::headingCategory)
                .containsExactly(null, "torture", "detention-conditions", "detention-conditions", "expression");
        assertThat(chunks.get(0).text()).doesNotContain("HUMAN RIGHTS REPORT").doesNotContain("EXECUTIVE SUMMARY");
    }

    @Test
    void longSectionsSplitAtParagraphsThenSentencesWithinTheSizeLimit() {
        String text = "I. FREEDOM OF PEACEFUL ASSEMBLY\n\n" + sentences("Dispersal", 4) + "\n\n" + sentences("Fine", 4) + "\n\n"
                + sentences("Arrest", 12);
        List<SectionChunk> chunks = chunk(text, null);
        assertThat(chunks).hasSizeGreaterThan(3);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.text().split("\\s+").length).isLessThanOrEqualTo(90);
            assertThat(c.sectionPath()).containsExactly("I. FREEDOM OF PEACEFUL ASSEMBLY");
            assertThat(c.headingCategory()).isEqualTo("assembly-association");
        });
    }

    @Test
    void numberedParagraphsAndRecommendationBlocksAreMarked() {
        String text = """
                II. TRADE UNIONS

                5. The government refused to register two independent unions this year.

                6. Union leaders were prosecuted for calling a strike.

                Recommendations:

                • Register independent unions;

                • End prosecutions of union leaders.

                III. THE RIGHT TO ENVIRONMENT

                7. Public hearings on mining projects were not held.
                """;
        List<SectionChunk> chunks = chunk(text, null);
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).paragraphNumbers()).containsExactly("5", "6");
        assertThat(chunks.get(0).isRecommendation()).isFalse();
        assertThat(chunks.get(1).isRecommendation()).isTrue();
        assertThat(chunks.get(1).sectionPath()).containsExactly("II. TRADE UNIONS", "Recommendations:");
        assertThat(chunks.get(1).headingCategory()).isEqualTo("trade-unions");
        assertThat(chunks.get(2).isRecommendation()).isFalse();
        assertThat(chunks.get(2).headingCategory()).isEqualTo("environment");
        assertThat(chunks.get(2).paragraphNumbers()).containsExactly("7");
    }

    @Test
    void aTableOfContentsMakesNoPassagesAndADocumentWithoutHeadingsStillChunks() {
        String toc = """
                SUBMISSION

                • I. The right to adequate housing

                • II. Trade unions

                I. THE RIGHT TO ADEQUATE HOUSING

                1. Evictions continued without alternative accommodation being offered.
                """;
        List<SectionChunk> chunks = chunk(toc, null);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).sectionPath()).containsExactly("I. THE RIGHT TO ADEQUATE HOUSING");

        List<SectionChunk> plain = chunk(sentences("Observers said that", 3) + "\n\n" + sentences("Monitors noted", 3), null);
        assertThat(plain).isNotEmpty().allSatisfy(c -> {
            assertThat(c.sectionPath()).isEmpty();
            assertThat(c.headingCategory()).isNull();
        });
    }

    @Test
    void textWithoutSpacesIsCutSoNoPassageOutgrowsAMessage() {
        String blob = "A".repeat(SectionChunker.MAX_PASSAGE_CHARS * 3 + 17);
        List<SectionChunk> chunks = chunk("I. ANNEX\n\n" + blob, null);
        assertThat(chunks).hasSize(4);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(SectionChunker.MAX_PASSAGE_CHARS));
        assertThat(String.join("", chunks.stream().map(SectionChunk::text).toList())).isEqualTo(blob);
    }
}
