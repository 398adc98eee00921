package org.rightstream.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupStripperTest {

    @Test
    void markdownSyntaxIsRemovedAndTheWordsStay() {
        assertThat(MarkupStripper.stripMarkdown("## **II. LABOUR RIGHTS**")).isEqualTo("II. LABOUR RIGHTS");
        assertThat(MarkupStripper.stripMarkdown("### ***Recommendations:***")).isEqualTo("Recommendations:");
        assertThat(MarkupStripper.stripMarkdown("- Repeal article 174**")).isEqualTo("• Repeal article 174");
        assertThat(MarkupStripper.stripMarkdown("See [the report](http://x.org/r) and ![chart](c.png)."))
                .isEqualTo("See the report and chart.");
        assertThat(MarkupStripper.stripMarkdown("an *emphasised* word and snake_case_name"))
                .isEqualTo("an emphasised word and snake_case_name");
        assertThat(MarkupStripper.stripMarkdown("> quoted `code`")).isEqualTo("quoted code");
        assertThat(MarkupStripper.stripMarkdown("---")).isEmpty();
    }

    @Test
    void markdownIsRecognisedByItsSyntaxNotByTheFileName() {
        assertThat(MarkupStripper.looksLikeMarkdown(List.of("# Title", "", "Some text.", "- item", "**bold**")))
                .isTrue();
        assertThat(MarkupStripper.looksLikeMarkdown(List.of("Plain report text.", "More text - with a dash.",
                "Another line.", "And one more."))).isFalse();
    }

    @Test
    void tagsAndEntitiesAreRemoved() {
        assertThat(MarkupStripper.stripTags("<p>Police &amp; courts <b>ignored</b> it</p>"))
                .isEqualTo(" Police & courts  ignored  it ");
    }
}
