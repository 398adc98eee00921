package org.rightstream.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TopologyTest {

    @Test
    void everyDataTopicHasItsDeadLetterTopic() {
        assertThat(Topics.ALL).extracting(Topics.TopicSpec::name).doesNotHaveDuplicates()
                .contains(Topics.REPORTS_INCOMING, Topics.dlq(Topics.REPORTS_INCOMING), Topics.REPORT_CHUNKS,
                        Topics.dlq(Topics.REPORT_CHUNKS), Topics.REPORT_CHUNKS_CLASSIFIED,
                        Topics.dlq(Topics.REPORT_CHUNKS_CLASSIFIED), Topics.ALERTS);
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(t.partitions()).isPositive());
    }

    @Test
    void everyIndexTemplateMatchesItsVersionedIndexAndIsStrict() {
        for (Indices.IndexSpec spec : Indices.ALL) {
            JsonNode template = RightstreamJson.mapper().readTree(spec.templateJson());
            String pattern = template.get("index_patterns").get(0).asString();
            assertThat(spec.index()).startsWith(pattern.replace("*", ""));
            assertThat(template.at("/template/mappings/dynamic").asString()).isEqualTo("strict");
            assertThat(template.at("/template/settings/number_of_replicas").asInt()).isZero();
        }
    }

    @Test
    void reportChunkMappingCoversEveryClassifiedChunkField() {
        JsonNode props = RightstreamJson.mapper().readTree(Indices.REPORT_CHUNKS.templateJson())
                .at("/template/mappings/properties");
        for (var component : ClassifiedChunk.class.getRecordComponents()) {
            assertThat(props.has(component.getName())).as("mapping has " + component.getName()).isTrue();
        }
    }
}
