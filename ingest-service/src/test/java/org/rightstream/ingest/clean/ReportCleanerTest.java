package org.rightstream.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCleanerTest {
    private final ReportCleaner cleaner = new ReportCleaner();

    private List<String> paragraphs(String text) {
        return cleaner.clean(text, false).blocks().stream().map(Block::text).toList();
    }

    @Test
    void blankLineSeparatedParagraphsAreJoinedAndDehyphenated() {
        String text = """
                The commission found that the inter-
                national standards were not met in
                three regions.

                A second paragraph follows here.
                """;
        assertThat(paragraphs(text)).containsExactly(
                "The commission found that the international standards were not met in three regions.",
                "A second paragraph follows here.");
    }

    @Test
    void withoutBlankLinesAParagraphEndsWithAShortSentenceEndingLine() {
        String text = """
                The national preventive mechanism visited forty places of detention during the
                year and reported overcrowding in most of them, as well as poor medical care.
                Its report was published.
                Officials disputed the findings of the mechanism and said that conditions had
                improved since the previous inspection cycle had ended in the spring.
                """;
        assertThat(paragraphs(text)).hasSize(2);
        assertThat(paragraphs(text).get(0)).endsWith("Its report was published.");
    }

    @Test
    void doubleSpacedExtractionKeepsLinesOfAParagraphTogether() {
        StringBuilder b = new StringBuilder();
        for (int p = 1; p <= 8; p++) {
            b.append(p).append(". The government did not respond to the concerns raised by the\n\n");
            b.append("coalition about forced evictions in the capital and in several\n\n");
            b.append("districts, ").append("x".repeat(p)).append(" among them, and in\n\n");
            b.append("regional centres during the reporting period.\n\n \n\n");
        }
        List<String> out = paragraphs(b.toString());
        assertThat(out).hasSize(8);
        assertThat(out).allSatisfy(p -> assertThat(p).contains("capital and in several districts"));
        assertThat(out).allSatisfy(p -> assertThat(p).endsWith("and in regional centres during the reporting period."));
        assertThat(out.get(1)).startsWith("2. The government");
    }

    @Test
    void aHeadingThatWrapsOntoASecondLineIsOneParagraph() {
        String text = """
                c. Freedom of Association, Including the Right to Form and Join
                Independent Organizations
                The law restricts registration of associations.
                """;
        assertThat(paragraphs(text)).containsExactly(
                "c. Freedom of Association, Including the Right to Form and Join Independent Organizations",
                "The law restricts registration of associations.");
    }

    @Test
    void headingsBulletsAndNumberedParagraphsStartNewParagraphs() {
        String text = """
                IV. RIGHTS OF PERSONS WITH DISABILITIES
                12. Schools remain inaccessible to children who use wheelchairs and the
                ministry has no plan to change this.
                Recommendations:
                • Adopt an accessibility plan;
                • Train teachers.
                """;
        assertThat(paragraphs(text)).containsExactly("IV. RIGHTS OF PERSONS WITH DISABILITIES",
                "12. Schools remain inaccessible to children who use wheelchairs and the ministry has no plan to change this.",
                "Recommendations:", "• Adopt an accessibility plan;", "• Train teachers.");
    }

    @Test
    void markdownIsStrippedAndOffsetsPointIntoTheCleanedText() {
        String text = """
                # **Submission on Civic Space**

                ## I. Freedom of assembly

                1. **Peaceful** protesters were [detained](http://example.org) in May.
                - Release them.
                """;
        CleanDocument doc = cleaner.clean(text, false);
        assertThat(doc.blocks()).extracting(Block::text).containsExactly("Submission on Civic Space",
                "I. Freedom of assembly", "1. Peaceful protesters were detained in May.", "• Release them.");
        for (Block b : doc.blocks()) {
            assertThat(doc.text().substring(b.start(), b.end())).isEqualTo(b.text());
        }
    }

    @Test
    void pagesAreCountedFromFormFeeds() {
        CleanDocument doc = cleaner.clean("First page text.\n\n\fSecond page text.\n\n\fThird page text.", true);
        assertThat(doc.blocks()).extracting(Block::page).containsExactly(1, 2, 3);
        assertThat(cleaner.clean("No pages here.", false).blocks().get(0).page()).isZero();
    }
}
