package org.rightstream.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may do what on a service's HTTP API ({@code rightstream.security.*}).
 *
 * @param apiKey      the key every write needs (upload, watchlist changes, acknowledgements, actuator writes),
 *                    sent as {@code X-Api-Key} or {@code Authorization: Bearer};
 *                    {@code ./rightstream up} generates one. Without a key, writes are refused: a service never
 *                    runs open by accident
 * @param openReads   whether reading (search, analytics, lists, the alert stream, metrics) needs no key
 * @param openPosts   POST paths that only compute and change nothing (e.g. {@code /api/classify}), open like reads
 * @param corsOrigins origins allowed to call the API from a browser page of theirs; none by default
 */
@ConfigurationProperties("rightstream.security")
public record ApiSecurityProperties(
        String apiKey,
        @DefaultValue("true") boolean openReads,
        @DefaultValue List<String> openPosts,
        @DefaultValue List<String> corsOrigins) {

    /** Shorter keys are guessable; the generated ones are 43 characters. */
    static final int MIN_KEY_LENGTH = 16;

    public ApiSecurityProperties {
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (apiKey != null && apiKey.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("rightstream.security.api-key must be at least " + MIN_KEY_LENGTH
                    + " characters (./rightstream up generates one)");
        }
        apiKey = apiKey == null ? null : apiKey.strip();
        openPosts = List.copyOf(openPosts);
        corsOrigins = List.copyOf(corsOrigins);
    }

    public boolean hasKey() {
        return apiKey != null;
    }
}
