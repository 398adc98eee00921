package org.rightstream.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MessagesTest {

    static ChunkMessage chunk(int ordinal) {
        String reportId = Ids.reportId("some normalised report text");
        return new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, ordinal), ordinal, 3,
                new Source("kz-2012.txt", "ab12", "text/plain", "US Department of State"),
                "Kazakhstan", 2012, "KAZAKHSTAN 2012 HUMAN RIGHTS REPORT",
                List.of("Section 1", "c. Torture"), "torture", "Police beat detainees.", 10, 32, 4,
                List.of("12"), true, Instant.parse("2026-11-23T08:00:00Z"));
    }

    @Test
    void chunkRoundTripsWithTheContractFieldNames() {
        ChunkMessage c = chunk(1);
        byte[] json = RightstreamJson.write(c);
        JsonNode node = RightstreamJson.mapper().readTree(json);
        assertThat(node.propertyNames()).contains("schemaVersion", "reportId", "chunkId", "ordinal", "totalChunks",
                "source", "country", "year", "title", "sectionPath", "headingCategory", "text", "charStart",
                "charEnd", "page", "paragraphNumbers", "isRecommendation", "ingestedAt");
        assertThat(node.get("ingestedAt").asString()).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(node.get("isRecommendation").asBoolean()).isTrue();
        assertThat(RightstreamJson.read(json, ChunkMessage.class)).isEqualTo(c);
    }

    @Test
    void classifiedChunkCarriesTheChunkAndItsLabels() {
        ChunkMessage c = chunk(2);
        ClassifiedChunk cc = ClassifiedChunk.of(c, List.of(new CategoryScore("torture", 0.9)),
                new Severity(4, List.of(new Severity.Indicator("beat", "ill-treatment"))),
                List.of(new Entity("Almaty", Entity.Type.PLACE, 0, 6)), "baseline-0", Instant.EPOCH);
        ClassifiedChunk back = RightstreamJson.read(RightstreamJson.write(cc), ClassifiedChunk.class);
        assertThat(back).isEqualTo(cc);
        assertThat(back.chunk()).isEqualTo(c);
        assertThat(back.validate()).isSameAs(back);
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() {
        String json = new String(RightstreamJson.write(chunk(0)), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\":42,");
        assertThat(RightstreamJson.read(json.getBytes(StandardCharsets.UTF_8), ChunkMessage.class).ordinal()).isZero();
    }

    @Test
    void brokenMessagesAreRejectedWithAReason() {
        assertThatThrownBy(() -> RightstreamJson.read("{not json".getBytes(StandardCharsets.UTF_8), ChunkMessage.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("not a valid ChunkMessage");
        assertThatThrownBy(() -> RightstreamJson.read("null".getBytes(StandardCharsets.UTF_8), ChunkMessage.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("JSON literal null");
        assertThatThrownBy(() -> RightstreamJson.read(new byte[0], ChunkMessage.class))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("empty message");
        ChunkMessage noText = RightstreamJson.read("{\"schemaVersion\":1,\"reportId\":\"r\",\"chunkId\":\"r-00000\",\"ordinal\":0,\"totalChunks\":1,\"charStart\":0,\"charEnd\":0,\"isRecommendation\":false}"
                .getBytes(StandardCharsets.UTF_8), ChunkMessage.class);
        assertThatThrownBy(noText::validate).isInstanceOf(InvalidMessageException.class).hasMessageContaining("text is missing");
        ChunkMessage c = chunk(1);
        ChunkMessage wrongId = new ChunkMessage(1, c.reportId(), "other-00001", 1, 3, null, null, null, null, null,
                null, "x", 0, 1, null, null, false, null);
        assertThatThrownBy(wrongId::validate).hasMessageContaining("does not match");
    }

    @Test
    void aMissingOrMistypedFieldIsNamedInTheReason() {
        assertThatThrownBy(() -> RightstreamJson.read("{\"schemaVersion\": 1, \"reportId\": \"r\"}"
                .getBytes(StandardCharsets.UTF_8), ChunkMessage.class))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("not a valid ChunkMessage: Cannot map `null` into type `int` (field ordinal)");
        assertThatThrownBy(() -> RightstreamJson.read("{\"schemaVersion\": \"one\"}".getBytes(StandardCharsets.UTF_8),
                ChunkMessage.class)).hasMessageContaining("(field schemaVersion)");
    }

    @Test
    void categoriesOutsideTheTaxonomyAreRejectedByName() {
        ChunkMessage c = chunk(1);
        ChunkMessage unknownHeading = new ChunkMessage(1, c.reportId(), c.chunkId(), 1, 3, null, null, null, null, null,
                "astrology", "x", 0, 1, null, null, false, null);
        assertThatThrownBy(unknownHeading::validate).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("'astrology' is not a category");
        ClassifiedChunk unknownLabel = ClassifiedChunk.of(c, List.of(new CategoryScore("torture", 0.9),
                new CategoryScore("no-such-category", 0.5)), new Severity(2, List.of()), List.of(), "m", Instant.EPOCH);
        assertThatThrownBy(unknownLabel::validate).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("'no-such-category' is not a category");
    }

    @Test
    void aPassageOverTheTopicLimitIsRejectedAndNotCopiedWholeToADeadLetter() {
        byte[] limit = new byte[PassageSize.MAX_BYTES];
        PassageSize.requireWithinLimit(limit, "message");
        assertThatThrownBy(() -> PassageSize.requireWithinLimit(new byte[PassageSize.MAX_BYTES + 1], "message"))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("the message has 1048577 bytes, more than the limit of 1048576 bytes for a passage");
        assertThat(PassageSize.fitsADeadLetter(new byte[1000])).isTrue();
        assertThat(PassageSize.fitsADeadLetter(limit)).isFalse();
        assertThat(PassageSize.omittedValue(limit, "report.chunks", 2, 17L))
                .contains("1048576 bytes", "report.chunks partition 2 at offset 17");
    }

    @Test
    void idsAreDeterministicAndSortInReadingOrder() {
        String a = Ids.reportId("text");
        assertThat(a).isEqualTo(Ids.reportId("text")).hasSize(20).isNotEqualTo(Ids.reportId("text."));
        assertThat(Ids.chunkId(a, 2).compareTo(Ids.chunkId(a, 10))).isNegative();
        assertThat(Ids.alertId("w1", Ids.chunkId(a, 2))).isEqualTo("w1:" + a + "-00002");
    }
}
