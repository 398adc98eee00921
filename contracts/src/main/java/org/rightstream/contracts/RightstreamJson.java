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

    private RightstreamJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
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
            throw new InvalidMessageException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (value == null) {
            throw new InvalidMessageException("not a valid " + type.getSimpleName() + ": the message is the JSON literal null");
        }
        return value;
    }
}
