package org.rightstream.query.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A watch as the API shows it: everything but the webhook secret, which is shown once, in the answer to the request
 * that set or generated it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchView(String id, String name, List<String> aliases, WatchType type, String notes,
                        Integer minSeverity, List<String> categories, List<String> countries, URI webhookUrl,
                        String webhookSecret, Instant createdAt, Instant updatedAt) {

    public static WatchView of(WatchEntry e) {
        return new WatchView(e.id(), e.name(), e.aliases(), e.type(), e.notes(), e.minSeverity(), e.categories(),
                e.countries(), e.webhookUrl(), null, e.createdAt(), e.updatedAt());
    }

    /** With the secret, for the answer to a create or replace whose request did not carry the secret itself. */
    public static WatchView withSecret(WatchEntry e) {
        return new WatchView(e.id(), e.name(), e.aliases(), e.type(), e.notes(), e.minSeverity(), e.categories(),
                e.countries(), e.webhookUrl(), e.webhookSecret(), e.createdAt(), e.updatedAt());
    }
}
