package org.rightstream.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Finds the API key in a request's headers and compares it with the configured one in constant time.
 * Accepted forms: {@code X-Api-Key: KEY} and {@code Authorization: Bearer KEY}. Basic auth is not taken on
 * purpose: browsers cache it and attach it to other sites' form posts, which would open the writes to
 * cross-site request forgery; a header a page has to set itself cannot be forged that way.
 */
public final class ApiKeyCheck {
    public static final String HEADER = "X-Api-Key";

    private final byte[] expected;

    public ApiKeyCheck(String apiKey) {
        this.expected = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The key as sent, or null when the request carries none. */
    public static String presented(String apiKeyHeader, String authorization) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return apiKeyHeader.strip();
        }
        if (authorization == null) {
            return null;
        }
        String a = authorization.strip();
        if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return a.substring(7).strip();
        }
        return null;
    }

    public boolean matches(String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }
}
