package org.rightstream.classify.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightstream.classify.PassageClassifier;
import org.rightstream.classify.TestChunks;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.RightstreamJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/classify} through Spring MVC: the controller, its problem handler and settings, and
 * the classifier the application itself wires (ClassifyConfiguration), never a stand-in, so the answer
 * is compared with what that classifier gives the stream.
 */
@WebMvcTest(controllers = ClassifyController.class, includeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "org\\.rightstream\\.classify\\.ClassifyConfiguration"))
@Import(ClassifyApiConfiguration.class)
class ClassifyControllerTest {
    private static final int LIMIT = 102_400;
    private static final String PASSAGE = "Police in Almaty beat and tortured detainees held in pretrial detention, "
            + "Human Rights Watch reported; the Prosecutor General's Office opened no investigation.";
    private static final String EXAMPLE = "send a JSON object such as {\"text\": \"...\", \"isRecommendation\": false}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PassageClassifier classifier;

    // ---- 200 ----

    @Test
    void answersWithTheLabelsOfTheApplicationsClassifier() {
        Instant before = Instant.now();
        MvcTestResult result = post("{\"text\": " + quote(PASSAGE) + "}");
        Instant after = Instant.now();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        ObjectNode answer = (ObjectNode) json(result);
        assertThat(answer.propertyNames())
                .containsExactlyInAnyOrder("categories", "severity", "entities", "modelVersion", "classifiedAt",
                        "modelTrainedAt");
        assertThat(answer.get("modelVersion").stringValue()).isEqualTo(classifier.modelVersion());
        assertThat(answer.get("severity").get("level").intValue()).isBetween(1, 5);
        assertThat(answer.get("severity").get("indicators").isArray()).isTrue();
        assertThat(answer.get("categories").isArray()).isTrue();
        assertThat(answer.get("entities").isArray()).isTrue();
        assertThat(Instant.parse(answer.get("classifiedAt").stringValue())).isBetween(before, after);
        assertThat(withoutTime(answer)).isEqualTo(withoutTime(
                RightstreamJson.mapper().valueToTree(classifier.classifyText(PASSAGE, false))));
    }

    @Test
    void passesTheRecommendationFlagOn() {
        MvcTestResult result = post("{\"text\": " + quote(PASSAGE) + ", \"isRecommendation\": true}");

        assertThat(result).hasStatusOk();
        assertThat(withoutTime(json(result))).isEqualTo(withoutTime(
                RightstreamJson.mapper().valueToTree(classifier.classifyText(PASSAGE, true))));
    }

    @Test
    void aPassageAsPublishedOnReportChunksGetsTheLabelsTheStreamGivesIt() {
        // Ordinal 1 is a recommendation; every other field of the message is ignored, as the shared mapper ignores
        // fields it does not know.
        ChunkMessage chunk = TestChunks.chunk(TestChunks.reportId("api"), 1, 3);
        ClassifiedChunk streamed = classifier.classify(chunk);

        MvcTestResult result = post(new String(RightstreamJson.write(chunk), StandardCharsets.UTF_8));

        assertThat(result).hasStatusOk();
        JsonNode answer = json(result);
        assertThat(answer.get("categories")).isEqualTo(RightstreamJson.mapper().valueToTree(streamed.categories()));
        assertThat(answer.get("severity")).isEqualTo(RightstreamJson.mapper().valueToTree(streamed.severity()));
        assertThat(answer.get("entities")).isEqualTo(RightstreamJson.mapper().valueToTree(streamed.entities()));
        assertThat(answer.get("modelVersion").stringValue()).isEqualTo(streamed.modelVersion());
    }

    @Test
    void textIsClassifiedAsSentNotStripped() {
        String padded = "\n  " + PASSAGE + "  \n";

        MvcTestResult result = post("{\"text\": " + quote(padded) + "}");

        // Entity offsets must index into the text the client sent, so the classifier sees exactly that text.
        assertThat(result).hasStatusOk();
        assertThat(withoutTime(json(result))).isEqualTo(withoutTime(
                RightstreamJson.mapper().valueToTree(classifier.classifyText(padded, false))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json;charset=UTF-8", "application/json; charset=utf-8",
            "APPLICATION/JSON", "application/vnd.rightstream.classify+json"})
    void anyJsonContentTypeIsTaken(String contentType) {
        assertThat(mvc.post().uri("/api/classify").contentType(contentType).content("{\"text\": \"detainees\"}"))
                .hasStatusOk();
    }

    @Test
    void aBodyOfExactlyTheLimitIsTaken() {
        String body = jsonOfLength(LIMIT);

        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        assertThat(post(body)).hasStatusOk();
    }

    @Test
    void aBodyOfUnknownLengthUnderTheLimitIsTaken() {
        byte[] body = ("{\"text\": " + quote(PASSAGE) + "}").getBytes(StandardCharsets.UTF_8);

        assertThat(mvc.perform(new StreamedPost(-1, new ByteArrayInputStream(body)))).hasStatusOk();
    }

    // ---- 413 ----

    @Test
    void aDeclaredLengthOverTheLimitIs413() {
        JsonNode p = problem(post(jsonOfLength(LIMIT + 1)), HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE");

        assertThat(p.get("detail").stringValue())
                .isEqualTo("the request body is 102401 bytes, larger than the limit of 102400 bytes");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
        MvcTestResult result = mvc.perform(new StreamedPost(10_000_000, new UnreadableBody()));

        JsonNode p = problem(result, HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE");
        assertThat(p.get("detail").stringValue())
                .isEqualTo("the request body is 10000000 bytes, larger than the limit of 102400 bytes");
    }

    @Test
    void aBodyOfUnknownLengthIsReadOnlyUpToTheLimit() {
        EndlessBody body = new EndlessBody();

        MvcTestResult result = mvc.perform(new StreamedPost(-1, body));

        JsonNode p = problem(result, HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE");
        assertThat(p.get("detail").stringValue()).isEqualTo("the request body is larger than the limit of 102400 bytes");
        assertThat(body.bytesRead).isEqualTo(LIMIT + 1);
    }

    // ---- 400 ----

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("empty body", "", "EMPTY", null, "the request body is empty; " + EXAMPLE),
                Arguments.of("only white space", " \n\t ", "EMPTY", null, "the request body is empty; " + EXAMPLE),
                Arguments.of("JSON null", "null", "INVALID_JSON", null,
                        "the request body is the JSON literal null; " + EXAMPLE),
                Arguments.of("array", "[{\"text\": \"a\"}]", "INVALID_JSON", null,
                        "the request body is an array; " + EXAMPLE),
                Arguments.of("bare string", "\"police beat detainees\"", "INVALID_JSON", null,
                        "the request body is a string; " + EXAMPLE),
                Arguments.of("number", "42", "INVALID_JSON", null, "the request body is a number; " + EXAMPLE),
                Arguments.of("no text", "{}", "INVALID_FIELD", "text",
                        "'text' is missing: give the passage to classify as a JSON string"),
                Arguments.of("only the flag", "{\"isRecommendation\": true}", "INVALID_FIELD", "text",
                        "'text' is missing: give the passage to classify as a JSON string"),
                Arguments.of("text null", "{\"text\": null}", "INVALID_FIELD", "text",
                        "'text' must be a JSON string, not the JSON literal null"),
                Arguments.of("text empty", "{\"text\": \"\"}", "INVALID_FIELD", "text",
                        "'text' is blank: give the passage to classify"),
                Arguments.of("text blank", "{\"text\": \" \\n\\t \"}", "INVALID_FIELD", "text",
                        "'text' is blank: give the passage to classify"),
                Arguments.of("text number", "{\"text\": 42}", "INVALID_FIELD", "text",
                        "'text' must be a JSON string, not a number"),
                Arguments.of("text boolean", "{\"text\": true}", "INVALID_FIELD", "text",
                        "'text' must be a JSON string, not a boolean"),
                Arguments.of("text array", "{\"text\": [\"a\"]}", "INVALID_FIELD", "text",
                        "'text' must be a JSON string, not an array"),
                Arguments.of("text object", "{\"text\": {\"en\": \"a\"}}", "INVALID_FIELD", "text",
                        "'text' must be a JSON string, not an object"),
                Arguments.of("flag string", "{\"text\": \"a\", \"isRecommendation\": \"true\"}", "INVALID_FIELD",
                        "isRecommendation", "'isRecommendation' must be true or false, not a string"),
                Arguments.of("flag number", "{\"text\": \"a\", \"isRecommendation\": 1}", "INVALID_FIELD",
                        "isRecommendation", "'isRecommendation' must be true or false, not a number"),
                Arguments.of("flag null", "{\"text\": \"a\", \"isRecommendation\": null}", "INVALID_FIELD",
                        "isRecommendation", "'isRecommendation' must be true or false, not the JSON literal null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badBodyIs400SayingWhatIsWrong(String name, String body, String reason, String field, String detail) {
        JsonNode p = problem(post(body), HttpStatus.BAD_REQUEST, reason);

        assertThat(p.get("detail").stringValue()).isEqualTo(detail);
        if (field == null) {
            assertThat(p.has("field")).isFalse();
        } else {
            assertThat(p.get("field").stringValue()).isEqualTo(field);
        }
    }

    static Stream<Arguments> invalidJson() {
        return Stream.of(
                Arguments.of("missing value", "{\"text\": }".getBytes(StandardCharsets.UTF_8), "line 1, column 10"),
                Arguments.of("unterminated string", "{\"text\": \"police".getBytes(StandardCharsets.UTF_8), "end-of-input"),
                Arguments.of("unclosed object", "{\"text\": \"a\"".getBytes(StandardCharsets.UTF_8), "end-of-input"),
                Arguments.of("single quotes", "{'text': 'a'}".getBytes(StandardCharsets.UTF_8), "'''"),
                Arguments.of("second document", "{\"text\": \"a\"} {\"text\": \"b\"}".getBytes(StandardCharsets.UTF_8),
                        "Trailing token"),
                Arguments.of("field given twice", "{\"text\": \"a\", \"text\": \"b\"}".getBytes(StandardCharsets.UTF_8),
                        "Duplicate Object property \"text\""),
                Arguments.of("not UTF-8", new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '(', '"', '}'},
                        "Invalid UTF-8"),
                Arguments.of("nested too deep", "[".repeat(5_000).getBytes(StandardCharsets.UTF_8), "nesting depth"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidJson")
    void invalidJsonIs400WithTheParsersReason(String name, byte[] body, String reasonFragment) {
        MvcTestResult result = mvc.post().uri("/api/classify").contentType(MediaType.APPLICATION_JSON).content(body).exchange();

        JsonNode p = problem(result, HttpStatus.BAD_REQUEST, "INVALID_JSON");
        assertThat(p.get("detail").stringValue()).startsWith("the request body is not valid JSON: ").contains(reasonFragment);
    }

    @Test
    void aBodyThatBreaksOffIs400() {
        InputStream breaksOff = new SequenceInputStream(
                new ByteArrayInputStream("{\"text\": \"pol".getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Connection reset by peer");
                    }
                });

        JsonNode p = problem(mvc.perform(new StreamedPost(-1, breaksOff)), HttpStatus.BAD_REQUEST, "UNREADABLE");

        assertThat(p.get("detail").stringValue())
                .isEqualTo("the request body could not be read to its end: Connection reset by peer");
    }

    // ---- 415 ----

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/octet-stream", "*/*", "application/*"})
    void aBodyThatIsNotJsonIs415(String contentType) {
        MvcTestResult result = mvc.post().uri("/api/classify").contentType(contentType)
                .content("{\"text\": \"detainees\"}").exchange();

        JsonNode p = problem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_TYPE");
        assertThat(p.get("detail").stringValue()).startsWith("Content-Type '" + contentType)
                .endsWith("' is not supported; send the body as application/json");
    }

    @Test
    void noContentTypeIs415() {
        MvcTestResult result = mvc.post().uri("/api/classify").content("{\"text\": \"detainees\"}").exchange();

        JsonNode p = problem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_TYPE");
        assertThat(p.get("detail").stringValue()).isEqualTo("the request has no Content-Type; send the body as application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json please", "application/json; charset=no-such-charset"})
    void aContentTypeThatIsNotAMediaTypeIs415(String contentType) {
        MvcTestResult result = mvc.post().uri("/api/classify").header("Content-Type", contentType)
                .content("{\"text\": \"detainees\"}").exchange();

        JsonNode p = problem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_TYPE");
        assertThat(p.get("detail").stringValue()).startsWith("Content-Type '" + contentType)
                .endsWith("' is not a valid media type; send the body as application/json");
    }

    @Test
    void aWrongContentTypeIsRefusedWithoutReadingTheBody() {
        StreamedPost request = new StreamedPost(-1, new UnreadableBody());
        request.contentType(MediaType.TEXT_PLAIN);

        problem(mvc.perform(request), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_TYPE");
    }

    @Test
    void otherMethodsAre405NotAServerError() {
        assertThat(mvc.get().uri("/api/classify")).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
    }

    // ---- helpers ----

    private MvcTestResult post(String body) {
        return mvc.post().uri("/api/classify").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static JsonNode problem(MvcTestResult result, HttpStatus status, String reason) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode p = json(result);
        assertThat(p.get("status").intValue()).isEqualTo(status.value());
        assertThat(p.get("reason").stringValue()).isEqualTo(reason);
        assertThat(p.get("title").stringValue()).isEqualTo("Classify request rejected: " + reason);
        assertThat(p.get("detail").stringValue()).isNotBlank();
        return p;
    }

    private static JsonNode json(MvcTestResult result) {
        return RightstreamJson.mapper().readTree(result.getResponse().getContentAsByteArray());
    }

    private static JsonNode withoutTime(JsonNode labels) {
        ObjectNode copy = ((ObjectNode) labels).deepCopy();
        assertThat(copy.remove("classifiedAt")).isNotNull();
        return copy;
    }

    private static String quote(String text) {
        return RightstreamJson.mapper().writeValueAsString(text);
    }

    /** A valid request of exactly {@code bytes} bytes (ASCII, so characters are bytes). */
    private static String jsonOfLength(int bytes) {
        String frame = "{\"text\": \"\"}";
        return "{\"text\": \"" + "a".repeat(bytes - frame.length()) + "\"}";
    }

    /**
     * A POST whose body is a stream with a declared length: -1 is what the container reports for a
     * chunked body. MockMvc otherwise always knows the length of the bytes it was given.
     */
    private static final class StreamedPost extends AbstractMockHttpServletRequestBuilder<StreamedPost> {
        private final long declaredLength;
        private final InputStream body;

        StreamedPost(long declaredLength, InputStream body) {
            super(HttpMethod.POST);
            this.declaredLength = declaredLength;
            this.body = body;
            uri("/api/classify");
            contentType(MediaType.APPLICATION_JSON);
        }

        @Override
        protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
            return new MockHttpServletRequest(servletContext) {
                @Override
                public int getContentLength() {
                    return declaredLength > Integer.MAX_VALUE ? -1 : (int) declaredLength;
                }

                @Override
                public long getContentLengthLong() {
                    return declaredLength;
                }

                @Override
                public ServletInputStream getInputStream() {
                    return new DelegatingServletInputStream(body);
                }
            };
        }
    }

    /** The start of a valid request that never ends. */
    private static final class EndlessBody extends InputStream {
        private static final byte[] START = "{\"text\": \"".getBytes(StandardCharsets.UTF_8);
        long bytesRead;

        @Override
        public int read() {
            int b = bytesRead < START.length ? START[(int) bytesRead] : 'a';
            bytesRead++;
            return b;
        }
    }

    /** A body the test forbids reading: the request must be refused on its headers alone. */
    private static final class UnreadableBody extends InputStream {
        @Override
        public int read() {
            throw new AssertionError("the body was read although the headers alone decide the answer");
        }
    }
}
