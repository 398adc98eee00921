package org.rightstream.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON configuration every service uses for messages, so all agree byte for byte. */
public final class RightstreamJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Newer producers may add fields; older consumers must still read the message.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final java.util.regex.Pattern CONFIGURATION_ADVICE =
            java.util.regex.Pattern.compile(" \\(set `[^`]+` to '[^']+' to allow\\)");

    private RightstreamJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /**
     * Jackson's message for an operator reading a dead letter: with the field it concerns (Jackson says "Cannot
     * map `null` into type `int`" for a missing field, without naming it) and without its advice on how to
     * configure Jackson.
     */
    static String reason(JacksonException e) {
        String message = CONFIGURATION_ADVICE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                field.append('[').append(r.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? message : message + " (field " + field + ")";
    }

    /** Parses a message, turning any parse error into an {@link InvalidMessageException} that says why. */
    public static <T> T read(byte[] bytes, Class<T> type) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidMessageException("empty message, expected a JSON " + type.getSimpleName());
        }
        T value;
        try {
            value = MAPPER.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new InvalidMessageException("not a valid " + type.getSimpleName() + ": " + reason(e), e);
        }
        if (value == null) {
            throw new InvalidMessageException("not a valid " + type.getSimpleName() + ": the message is the JSON literal null");
        }
        return value;
    }
}
