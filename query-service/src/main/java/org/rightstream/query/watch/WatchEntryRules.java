package org.rightstream.query.watch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.regex.Pattern;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Taxonomy;

/**
 * What makes a watchlist entry acceptable, and its normal form: trimmed text, aliases without blanks or repeats,
 * known category ids only. Used by the API and by CSV import alike, so both reject the same things with the same words.
 */
public final class WatchEntryRules {
    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_ALIASES = 50;
    public static final int MAX_NOTES_CHARS = 4_000;
    public static final int MAX_FILTER_VALUES = 50;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Taxonomy taxonomy;
    private final Function<URI, Optional<String>> webhookRefusal;

    public WatchEntryRules(Taxonomy taxonomy) {
        this(taxonomy, url -> Optional.empty());
    }

    /** {@code webhookRefusal} says why a webhook URL may not be used (an internal address), or nothing. */
    public WatchEntryRules(Taxonomy taxonomy, Function<URI, Optional<String>> webhookRefusal) {
        this.taxonomy = taxonomy;
        this.webhookRefusal = webhookRefusal;
    }

    /**
     * The id a new entry gets when none is given: derived from its type and name key, so importing the same list
     * twice updates the entries instead of duplicating them.
     */
    public static String idFor(WatchType type, String name) {
        String key = type + ":" + String.join(" ", NameVariants.nameKeys(name).stream().map(NameKey::phonetic).toList());
        return "w-" + Ids.sha256Hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The entry in normal form; throws {@link InvalidWatchException} naming the first field that is wrong. */
    public WatchEntry normalise(WatchEntry e) {
        String name = trim(e.name());
        if (name == null || name.isEmpty()) {
            throw new InvalidWatchException("name", "is required");
        }
        if (name.length() > MAX_NAME_CHARS) {
            throw new InvalidWatchException("name", "is longer than " + MAX_NAME_CHARS + " characters");
        }
        if (!hasLetter(name)) {
            throw new InvalidWatchException("name", "has no letters to match: '" + name + "'");
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (String alias : e.aliases()) {
            String a = trim(alias);
            if (a == null || a.isEmpty() || a.equals(name)) {
                continue;
            }
            if (a.length() > MAX_NAME_CHARS) {
                throw new InvalidWatchException("aliases", "an alias is longer than " + MAX_NAME_CHARS + " characters");
            }
            if (a.contains("|")) {
                throw new InvalidWatchException("aliases", "an alias may not contain '|' (it separates values in CSV): '"
                        + a + "'");
            }
            if (!hasLetter(a)) {
                throw new InvalidWatchException("aliases", "alias has no letters to match: '" + a + "'");
            }
            aliases.add(a);
        }
        if (aliases.size() > MAX_ALIASES) {
            throw new InvalidWatchException("aliases", "more than " + MAX_ALIASES + " aliases");
        }
        String notes = trim(e.notes());
        if (notes != null && notes.length() > MAX_NOTES_CHARS) {
            throw new InvalidWatchException("notes", "is longer than " + MAX_NOTES_CHARS + " characters");
        }
        Integer minSeverity = e.minSeverity();
        if (minSeverity != null && (minSeverity < 1 || minSeverity > 5)) {
            throw new InvalidWatchException("minSeverity", "must be 1-5, was " + minSeverity);
        }
        List<String> categories = new ArrayList<>();
        for (String c : distinctTrimmed(e.categories(), "categories")) {
            if (!taxonomy.isCategory(c)) {
                throw new InvalidWatchException("categories", "unknown category '" + c + "'; known: "
                        + String.join(", ", taxonomy.categories().stream().map(Taxonomy.Category::id).toList()));
            }
            categories.add(c);
        }
        List<String> countries = distinctTrimmed(e.countries(), "countries");
        if (countries.stream().anyMatch(c -> c.contains("|"))) {
            throw new InvalidWatchException("countries", "a country may not contain '|' (it separates values in CSV)");
        }
        URI webhook = e.webhookUrl();
        if (webhook != null) {
            String scheme = webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
            if (!webhook.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || webhook.getHost() == null) {
                throw new InvalidWatchException("webhookUrl", "must be an absolute http or https URL, was '" + webhook + "'");
            }
            Optional<String> refusal = webhookRefusal.apply(webhook);
            if (refusal.isPresent()) {
                throw new InvalidWatchException("webhookUrl", refusal.get());
            }
        }
        String id = e.id();
        if (id == null || id.isBlank()) {
            id = idFor(e.type(), name);
        } else if (!isValidId(id)) {
            throw new InvalidWatchException("id", "must be 1-64 letters, digits, '-' or '_', was '" + id + "'");
        }
        return new WatchEntry(id, name, List.copyOf(aliases), e.type(), notes == null || notes.isEmpty() ? null : notes,
                minSeverity, categories, countries, webhook, e.webhookSecret(), e.createdAt(), e.updatedAt());
    }

    private static List<String> distinctTrimmed(List<String> values, String field) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String t = trim(v);
            if (t != null && !t.isEmpty()) {
                out.add(t);
            }
        }
        if (out.size() > MAX_FILTER_VALUES) {
            throw new InvalidWatchException(field, "more than " + MAX_FILTER_VALUES + " values");
        }
        return List.copyOf(out);
    }

    /** A name to match needs letters: digits and punctuation alone would match numbers anywhere. */
    private static boolean hasLetter(String s) {
        return s.codePoints().anyMatch(Character::isLetter) && !NameVariants.nameKeys(s).isEmpty();
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
