package org.rightstream.query.watch;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A watchlist entry as users manage it: the watched name with its aliases, plus the filters that decide which
 * matching passages raise an alert, and an optional webhook. {@link #toWatch()} is what the matcher sees.
 *
 * @param id            stable id; letters, digits, '-' and '_' (it is part of alert ids); null until
 *                      {@link WatchEntryRules#normalise} derives one from the name
 * @param minSeverity   alert only on passages of at least this severity (1-5); null = any
 * @param categories    alert only on passages with one of these categories (primary or secondary); empty = any
 * @param countries     alert only on passages from reports on these countries (case-insensitive); empty = any
 * @param webhookUrl    where each notification for this watch is POSTed, signed; null = none
 * @param webhookSecret the HMAC key for the webhook's signature; stored, never shown by the API
 */
public record WatchEntry(
        String id,
        String name,
        List<String> aliases,
        WatchType type,
        String notes,
        Integer minSeverity,
        List<String> categories,
        List<String> countries,
        URI webhookUrl,
        String webhookSecret,
        Instant createdAt,
        Instant updatedAt) {

    public WatchEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        type = type == null ? WatchType.PERSON : type;
        categories = categories == null ? List.of() : List.copyOf(categories);
        countries = countries == null ? List.of() : List.copyOf(countries);
    }

    public Watch toWatch() {
        return new Watch(id, name, aliases, type);
    }

    /** Whether a passage with these labels, from a report on {@code country}, is one this watch wants alerts for. */
    public boolean admits(int severity, List<String> passageCategories, String country) {
        if (minSeverity != null && severity < minSeverity) {
            return false;
        }
        if (!categories.isEmpty() && passageCategories.stream().noneMatch(categories::contains)) {
            return false;
        }
        if (!countries.isEmpty()) {
            String c = country == null ? "" : country.toLowerCase(Locale.ROOT);
            return countries.stream().anyMatch(w -> w.toLowerCase(Locale.ROOT).equals(c));
        }
        return true;
    }

    public WatchEntry withId(String newId) {
        return new WatchEntry(newId, name, aliases, type, notes, minSeverity, categories, countries, webhookUrl,
                webhookSecret, createdAt, updatedAt);
    }

    public WatchEntry withTimes(Instant created, Instant updated) {
        return new WatchEntry(id, name, aliases, type, notes, minSeverity, categories, countries, webhookUrl,
                webhookSecret, created, updated);
    }

    public WatchEntry withWebhookSecret(String secret) {
        return new WatchEntry(id, name, aliases, type, notes, minSeverity, categories, countries, webhookUrl,
                secret, createdAt, updatedAt);
    }
}
