package org.rightstream.classify.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightstream.contracts.Entity;

/** The hand-annotated seed passages of {@code src/test/resources/entities/}. */
final class GoldSet {
    record Passage(String id, String set, String text) {
    }

    /** One gold or predicted annotation: exact text and type. */
    record Annotation(String text, Entity.Type type) {
    }

    final Map<String, Passage> passages = new LinkedHashMap<>();
    final Map<String, Set<Annotation>> gold = new LinkedHashMap<>();

    static GoldSet load() {
        GoldSet g = new GoldSet();
        for (String line : lines("/entities/passages.tsv")) {
            String[] p = line.split("\t", 3);
            g.passages.put(p[0], new Passage(p[0], p[1], p[2]));
        }
        for (String line : lines("/entities/gold.tsv")) {
            String[] p = line.split("\t");
            if (p.length != 3 || !g.passages.containsKey(p[0])) {
                throw new IllegalStateException("bad gold line: " + line);
            }
            g.gold.computeIfAbsent(p[0], k -> new LinkedHashSet<>())
                    .add(new Annotation(p[1], Entity.Type.valueOf(p[2])));
        }
        return g;
    }

    Set<Annotation> goldOf(String id) {
        return gold.getOrDefault(id, Set.of());
    }

    static Set<Annotation> distinct(List<Entity> entities) {
        Set<Annotation> out = new LinkedHashSet<>();
        for (Entity e : entities) {
            out.add(new Annotation(e.text(), e.type()));
        }
        return out;
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = GoldSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
