package org.rightstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Severity;

class BaselineClassifierTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private final BaselineClassifier classifier = new BaselineClassifier(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void keepsEveryFieldOfThePassage() {
        ChunkMessage in = TestChunks.chunk(TestChunks.reportId("a"), 2, 5);

        ClassifiedChunk out = classifier.classify(in);

        assertThat(out.chunk()).isEqualTo(in);
        assertThat(out.validate()).isSameAs(out);
    }

    @Test
    void saysItIsAPlaceholder() {
        ClassifiedChunk out = classifier.classify(TestChunks.chunk(TestChunks.reportId("b"), 0, 1));

        assertThat(out.modelVersion()).isEqualTo("baseline-0").isEqualTo(classifier.modelVersion());
        assertThat(out.classifiedAt()).isEqualTo(NOW);
        assertThat(out.severity().level()).isEqualTo(1);
        assertThat(out.severity().indicators()).singleElement()
                .extracting(Severity.Indicator::rule).asString().contains("placeholder");
        assertThat(out.categories()).isEmpty();
        assertThat(out.entities()).isEmpty();
    }

    @Test
    void doesNotLabelFromTheHeading() {
        String reportId = TestChunks.reportId("c");
        ChunkMessage withHeading = TestChunks.chunk(reportId, 1, 3, "torture");
        ChunkMessage withoutHeading = TestChunks.chunk(reportId, 1, 3, null);

        ClassifiedChunk a = classifier.classify(withHeading);
        ClassifiedChunk b = classifier.classify(withoutHeading);

        assertThat(a.categories()).isEqualTo(b.categories()).isEmpty();
        assertThat(a.severity()).isEqualTo(b.severity());
        assertThat(a.entities()).isEqualTo(b.entities());
        assertThat(a.modelVersion()).isEqualTo(b.modelVersion());
        // The heading itself is passed through untouched, it is just not used as a label.
        assertThat(a.headingCategory()).isEqualTo("torture");
        assertThat(b.headingCategory()).isNull();
    }
}
