package org.rightstream.classify.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.rightstream.classify.BaselineClassifier;
import org.rightstream.classify.TestChunks;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.InvalidMessageException;
import org.rightstream.contracts.RightstreamJson;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.node.ObjectNode;

class ClassifyFunctionTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private final ClassifyFunction function =
            new ClassifyFunction(new BaselineClassifier(Clock.fixed(NOW, ZoneOffset.UTC)));

    private static Message<byte[]> message(byte[] payload) {
        return MessageBuilder.withPayload(payload).build();
    }

    private static Message<byte[]> message(String json) {
        return message(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON of a valid passage with one field replaced. */
    private static String withField(ChunkMessage chunk, String field, Object value) {
        ObjectNode node = RightstreamJson.mapper().valueToTree(chunk);
        if (value == null) {
            node.putNull(field);
        } else {
            node.set(field, RightstreamJson.mapper().valueToTree(value));
        }
        return new String(RightstreamJson.write(node), StandardCharsets.UTF_8);
    }

    @Test
    void classifiesAValidPassageAndKeysItByReport() {
        String reportId = TestChunks.reportId("fn");
        ChunkMessage in = TestChunks.chunk(reportId, 3, 7);

        Message<byte[]> out = function.apply(message(RightstreamJson.write(in)));

        ClassifiedChunk classified = RightstreamJson.read(out.getPayload(), ClassifiedChunk.class);
        assertThat(classified.chunk()).isEqualTo(in);
        assertThat(classified.modelVersion()).isEqualTo(BaselineClassifier.MODEL_VERSION);
        assertThat(classified.classifiedAt()).isEqualTo(NOW);
        assertThat(classified.validate()).isSameAs(classified);
        assertThat(out.getHeaders().get(KafkaHeaders.KEY)).isEqualTo(reportId);
        assertThat(out.getHeaders().get("contentType")).hasToString("application/json");
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThatThrownBy(() -> function.apply(message("{this is not json")))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("not a valid ChunkMessage");
        assertThatThrownBy(() -> function.apply(message("[1, 2, 3]")))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("not a valid ChunkMessage");
        assertThatThrownBy(() -> function.apply(message(new byte[0])))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("empty message");
    }

    @Test
    void rejectsTheJsonLiteralNullAsAnInvalidMessage() {
        // Valid JSON but no passage: must be rejected as invalid (straight to the DLQ, not retried).
        assertThatThrownBy(() -> function.apply(message("null")))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("ChunkMessage");
    }

    @Test
    void rejectsAPassageWhoseChunkIdDoesNotMatchReportAndOrdinal() {
        ChunkMessage valid = TestChunks.chunk(TestChunks.reportId("id"), 1, 3);

        assertThatThrownBy(() -> function.apply(message(withField(valid, "chunkId", valid.reportId() + "-00002"))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("chunkId")
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> function.apply(message(withField(valid, "ordinal", 2))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("chunkId")
                .hasMessageContaining("ordinal 2");
    }

    @Test
    void rejectsAPassageWithoutText() {
        ChunkMessage valid = TestChunks.chunk(TestChunks.reportId("text"), 0, 1);

        assertThatThrownBy(() -> function.apply(message(withField(valid, "text", "  \n\t "))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("text is missing or blank");
        assertThatThrownBy(() -> function.apply(message(withField(valid, "text", null))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("text is missing or blank");
    }

    @Test
    void rejectsAPassageWithoutReportIdOrWithAnOrdinalOutsideTheReport() {
        ChunkMessage valid = TestChunks.chunk(TestChunks.reportId("more"), 0, 1);

        assertThatThrownBy(() -> function.apply(message(withField(valid, "reportId", ""))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("reportId is missing or blank");
        assertThatThrownBy(() -> function.apply(message(withField(valid, "totalChunks", 0))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("ordinal 0 outside");
        assertThatThrownBy(() -> function.apply(message(withField(valid, "ordinal", null))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("not a valid ChunkMessage");
    }
}
