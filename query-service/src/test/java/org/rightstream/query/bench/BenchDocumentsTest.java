package org.rightstream.query.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.query.index.ChunkIndexer;

class BenchDocumentsTest {
    private static final Path PASSAGES = Path.of("../classify-service/training/passages");

    @Test
    void repetitionsAreDistinctValidReportsOfTheSamePassages() throws Exception {
        List<ChunkMessage> passages = BenchDocuments.readPassages(PASSAGES);

        List<ClassifiedChunk> docs = BenchDocuments.repeat(passages, 3, "test run");

        assertThat(docs).hasSize(passages.size() * 3);
        docs.forEach(ClassifiedChunk::validate);
        assertThat(docs.stream().map(ClassifiedChunk::chunkId).distinct()).hasSize(docs.size());
        long reports = passages.stream().map(ChunkMessage::reportId).distinct().count();
        assertThat(docs.stream().map(ClassifiedChunk::reportId).distinct()).hasSize((int) reports * 3);
        assertThat(docs.get(passages.size()).text()).isEqualTo(passages.get(0).text());
        assertThat(BenchDocuments.repeat(passages, 1, "another run").get(0).reportId()).isNotEqualTo(docs.get(0).reportId());
    }

    @Test
    void labelsLookLikeTheClassifiers() throws Exception {
        List<ClassifiedChunk> docs = BenchDocuments.repeat(BenchDocuments.readPassages(PASSAGES), 1, "labels");

        Set<Integer> levels = docs.stream().map(d -> d.severity().level()).collect(Collectors.toSet());
        assertThat(levels).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.categories()).isNotEmpty().allSatisfy(c -> assertThat(Taxonomy.get().isCategory(c.id())).isTrue());
            d.entities().forEach(e -> assertThat(d.text().substring(e.start(), e.end())).isEqualTo(e.text()));
        });
        assertThat(docs.stream().filter(d -> !d.entities().isEmpty()).count()).isGreaterThan(docs.size() / 2);
    }

    /** The raw bulk must index what the service indexes, or the comparison is not of the same work. */
    @Test
    void rawDocumentIsTheServicesDocument() throws Exception {
        ClassifiedChunk c = BenchDocuments.repeat(BenchDocuments.readPassages(PASSAGES), 1, "shape").get(5);
        Method serviceDocument = ChunkIndexer.class.getDeclaredMethod("document", ClassifiedChunk.class, String.class);
        serviceDocument.setAccessible(true);

        byte[] expected = (byte[]) serviceDocument.invoke(null, c, "2026-11-23T09:00:00Z");

        assertThat(BenchDocuments.document(c, "2026-11-23T09:00:00Z")).isEqualTo(expected);
    }
}
