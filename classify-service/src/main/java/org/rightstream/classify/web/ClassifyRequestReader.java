package org.rightstream.classify.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import org.rightstream.classify.web.ClassifyRequestRejectedException.Reason;
import org.rightstream.contracts.RightstreamJson;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Turns the raw body of {@code POST /api/classify} into a {@link ClassifyRequest}, or rejects it saying
 * what is wrong. It reads the body itself rather than letting Spring bind it, so that no body larger
 * than the limit is ever held in memory, whether its length is declared or not (chunked), and so that
 * each kind of bad input gets a message of its own instead of a generic binding error.
 */
final class ClassifyRequestReader {
    private static final String EXAMPLE = "{\"text\": \"...\", \"isRecommendation\": false}";

    /**
     * The shared mapper's parser settings, made strict where a lenient reading would guess: a second
     * document after the first, or a field given twice, is an error rather than silently dropped.
     */
    private static final ObjectReader JSON = RightstreamJson.mapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private final int maxBytes;

    ClassifyRequestReader(int maxBytes) {
        // Below MAX_VALUE so that reading one byte past the limit cannot overflow.
        if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 1) + ", was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /**
     * @param contentType   the request's Content-Type header, null when absent
     * @param contentLength the declared length, -1 when unknown (chunked)
     */
    ClassifyRequest read(String contentType, long contentLength, InputStream body) {
        requireJson(contentType);
        // Refused before a byte is read: the client learns at once, and the body never reaches memory.
        if (contentLength > maxBytes) {
            throw tooLarge("the request body is " + contentLength + " bytes, larger than the limit of " + maxBytes + " bytes");
        }
        return parse(readAtMost(body));
    }

    private static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new ClassifyRequestRejectedException(Reason.UNSUPPORTED_TYPE,
                    "the request has no Content-Type; send the body as application/json");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new ClassifyRequestRejectedException(Reason.UNSUPPORTED_TYPE,
                    "Content-Type '" + contentType + "' is not a valid media type; send the body as application/json");
        }
        // application/*+json too (e.g. a vendor type): the body is JSON all the same. Wildcards are not a type.
        boolean json = "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (!json) {
            throw new ClassifyRequestRejectedException(Reason.UNSUPPORTED_TYPE,
                    "Content-Type '" + contentType + "' is not supported; send the body as application/json");
        }
    }

    private byte[] readAtMost(InputStream body) {
        byte[] bytes;
        try {
            // One byte past the limit is enough to know the body is too large; nothing after it is read.
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new ClassifyRequestRejectedException(Reason.UNREADABLE,
                    "the request body could not be read to its end: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge("the request body is larger than the limit of " + maxBytes + " bytes");
        }
        return bytes;
    }

    private static ClassifyRequest parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new ClassifyRequestRejectedException(Reason.INVALID_JSON,
                    "the request body is not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
        }
        if (root == null || root.isMissingNode()) {
            throw new ClassifyRequestRejectedException(Reason.EMPTY,
                    "the request body is empty; send a JSON object such as " + EXAMPLE);
        }
        if (!root.isObject()) {
            throw new ClassifyRequestRejectedException(Reason.INVALID_JSON,
                    "the request body is " + describe(root) + "; send a JSON object such as " + EXAMPLE);
        }
        return new ClassifyRequest(text(root.get("text")), isRecommendation(root.get("isRecommendation")));
    }

    private static String text(JsonNode text) {
        if (text == null) {
            throw invalidField("text", "'text' is missing: give the passage to classify as a JSON string");
        }
        if (!text.isString()) {
            throw invalidField("text", "'text' must be a JSON string, not " + describe(text));
        }
        if (text.stringValue().isBlank()) {
            throw invalidField("text", "'text' is blank: give the passage to classify");
        }
        // Passed on as sent, not stripped: entity offsets in the answer index into exactly this string.
        return text.stringValue();
    }

    private static boolean isRecommendation(JsonNode flag) {
        if (flag == null) {
            return false;
        }
        // null is refused, not read as false: the shared mapper fails on null for a primitive as well.
        if (!flag.isBoolean()) {
            throw invalidField("isRecommendation", "'isRecommendation' must be true or false, not " + describe(flag));
        }
        return flag.booleanValue();
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case NULL -> "the JSON literal null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static ClassifyRequestRejectedException invalidField(String field, String message) {
        return new ClassifyRequestRejectedException(Reason.INVALID_FIELD, field, message);
    }

    private ClassifyRequestRejectedException tooLarge(String message) {
        return new ClassifyRequestRejectedException(Reason.TOO_LARGE, message);
    }
}
