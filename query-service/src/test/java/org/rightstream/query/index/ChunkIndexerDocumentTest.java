package org.rightstream.query.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Severity;
import org.rightstream.query.TestChunks;
import tools.jackson.databind.JsonNode;

class ChunkIndexerDocumentTest {
    private static final String INDEXED_AT = "2026-11-23T09:00:00.456Z";
    private static final String REPORT_ID = Ids.reportId("document test report");

    private static JsonNode document(ClassifiedChunk c) {
        return RightstreamJson.mapper().readTree(ChunkIndexer.document(c, INDEXED_AT));
    }

    /** A passage with no labels and every optional field empty. */
    private static ClassifiedChunk unlabelled() {
        ClassifiedChunk full = TestChunks.classified(REPORT_ID, 0, 1);
        return new ClassifiedChunk(full.schemaVersion(), full.reportId(), full.chunkId(), 0, 1, null, null, null,
                null, List.of(), null, full.text(), 0, 10, null, List.of(), false, full.ingestedAt(), List.of(),
                new Severity(1, List.of()), List.of(), "baseline-0", full.classifiedAt(), null);
    }

    @Test
    void containsEveryFieldOfTheMessageUnchanged() {
        ClassifiedChunk c = TestChunks.classified(REPORT_ID, 2, 5);

        JsonNode doc = document(c);

        List<String> components = Arrays.stream(ClassifiedChunk.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertThat(doc.propertyNames()).containsAll(components);
        assertThat(RightstreamJson.read(ChunkIndexer.document(c, INDEXED_AT), ClassifiedChunk.class)).isEqualTo(c);
        assertThat(doc.get("isRecommendation").asBoolean()).isTrue();
        assertThat(doc.get("ingestedAt").asString()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(doc.get("classifiedAt").asString()).isEqualTo("2026-11-23T08:00:05.123Z");
    }

    @Test
    void addsTheFieldsDerivedForDashboards() {
        ClassifiedChunk c = TestChunks.classified(REPORT_ID, 2, 5);

        JsonNode doc = document(c);

        assertThat(doc.get("primaryCategory").asString()).isEqualTo("torture");
        assertThat(doc.get("sectionText").asString()).isEqualTo(
                "Section 1. Respect for the Integrity of the Person / c. Torture / Prison and Detention Center Conditions");
        assertThat(doc.get("indexedAt").asString()).isEqualTo(INDEXED_AT);
        assertThat(Instant.parse(doc.get("indexedAt").asString())).isEqualTo(Instant.parse(INDEXED_AT));
    }

    @Test
    void aPassageWithoutCategoriesHasNoPrimaryCategory() {
        JsonNode doc = document(unlabelled());

        assertThat(doc.has("primaryCategory")).isTrue();
        assertThat(doc.get("primaryCategory").isNull()).isTrue();
        assertThat(doc.get("sectionText").asString()).isEmpty();
    }

    @Test
    void everyFieldIsMappedSoTheStrictMappingAcceptsTheDocument() {
        JsonNode template = RightstreamJson.mapper().readTree(Indices.REPORT_CHUNKS.templateJson());
        JsonNode mappings = template.path("template").path("mappings");
        assertThat(mappings.path("dynamic").asString()).isEqualTo("strict");

        for (ClassifiedChunk c : List.of(TestChunks.classified(REPORT_ID, 2, 5), unlabelled())) {
            JsonNode doc = document(c);
            assertThat(mappings.path("properties").propertyNames())
                    .as("top-level fields of the document").containsAll(doc.propertyNames());
            List<String> unmapped = new ArrayList<>();
            collectUnmapped("", doc, mappings, unmapped);
            assertThat(unmapped).as("fields the strict mapping would reject").isEmpty();
        }
    }

    @Test
    void theMappingTypesFitTheValues() {
        JsonNode properties = RightstreamJson.mapper().readTree(Indices.REPORT_CHUNKS.templateJson())
                .path("template").path("mappings").path("properties");
        JsonNode doc = document(TestChunks.classified(REPORT_ID, 2, 5));

        for (Map.Entry<String, JsonNode> field : doc.properties()) {
            String type = properties.path(field.getKey()).path("type").asString("object");
            JsonNode value = field.getValue().isArray() && !field.getValue().isEmpty() ? field.getValue().get(0) : field.getValue();
            switch (type) {
                case "integer" -> assertThat(value.isInt()).as(field.getKey()).isTrue();
                case "float" -> assertThat(value.isNumber()).as(field.getKey()).isTrue();
                case "boolean" -> assertThat(value.isBoolean()).as(field.getKey()).isTrue();
                case "date" -> assertThat(Instant.parse(value.asString())).as(field.getKey()).isNotNull();
                case "keyword", "text" -> assertThat(value.isString()).as(field.getKey()).isTrue();
                case "object" -> assertThat(value.isObject()).as(field.getKey()).isTrue();
                default -> throw new AssertionError("unexpected mapping type " + type + " for " + field.getKey());
            }
        }
    }

    /** Walks the document and lists every field (at any depth) the mapping does not declare. */
    private static void collectUnmapped(String path, JsonNode value, JsonNode mapping, List<String> unmapped) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                collectUnmapped(path, element, mapping, unmapped);
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        JsonNode properties = mapping.path("properties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode fieldMapping = properties.get(field.getKey());
            if (fieldMapping == null) {
                unmapped.add(name);
            } else {
                collectUnmapped(name, field.getValue(), fieldMapping, unmapped);
            }
        }
    }
}
