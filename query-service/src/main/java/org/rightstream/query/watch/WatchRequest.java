package org.rightstream.query.watch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** The body of a create or replace request, before {@link WatchEntryRules} has checked it. */
public record WatchRequest(String id, String name, List<String> aliases, String type, String notes,
                           Integer minSeverity, List<String> categories, List<String> countries, String webhookUrl,
                           String webhookSecret) {

    public WatchEntry toEntry() {
        WatchType t;
        try {
            t = type == null || type.isBlank() ? WatchType.PERSON : WatchType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidWatchException("type", "must be PERSON or ORG, was '" + type + "'");
        }
        URI webhook = null;
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            try {
                webhook = new URI(webhookUrl.strip());
            } catch (URISyntaxException e) {
                throw new InvalidWatchException("webhookUrl", "is not a URL: " + e.getMessage());
            }
        }
        return new WatchEntry(id, name, aliases, t, notes, minSeverity, categories, countries, webhook,
                webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret, null, null);
    }
}
