package org.rightstream.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fixed category ids and severity scale (a copy of ../shared/taxonomy.json, checked by a test). */
public record Taxonomy(String version, List<Category> categories, SeverityScale severity) {
    public static final String RESOURCE = "/rightstream/taxonomy.json";

    public record Category(String id, String label, String description, List<String> headings) {
    }

    public record SeverityScale(List<Level> levels) {
    }

    public record Level(int level, String name, String description) {
    }

    private static final class Holder {
        static final Taxonomy INSTANCE = load();
    }

    public static Taxonomy get() {
        return Holder.INSTANCE;
    }

    private static Taxonomy load() {
        try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return RightstreamJson.read(in.readAllBytes(), Taxonomy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isCategory(String id) {
        return byId().containsKey(id);
    }

    public Optional<Category> category(String id) {
        return Optional.ofNullable(byId().get(id));
    }

    /** The category whose heading list names this heading (case and spacing ignored), if any. */
    public Optional<String> categoryForHeading(String heading) {
        String key = headingKey(heading);
        return categories.stream()
                .filter(c -> c.headings().stream().anyMatch(h -> headingKey(h).equals(key)))
                .map(Category::id)
                .findFirst();
    }

    private Map<String, Category> byId() {
        return categories.stream().collect(Collectors.toMap(Category::id, Function.identity()));
    }

    static String headingKey(String heading) {
        return heading == null ? "" : heading.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }
}
