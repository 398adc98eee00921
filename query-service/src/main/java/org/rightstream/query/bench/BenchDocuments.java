package org.rightstream.query.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.rightstream.contracts.CategoryScore;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Entity;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Severity;
import org.rightstream.contracts.Source;
import org.rightstream.contracts.Taxonomy;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark's documents: the seeds' real passages, repeated as distinct reports and labelled so that they
 * look like the classifier's output (so the index, its postings and its facets are shaped like production's).
 * The labels are made up by fixed rules here; query-service must not depend on classify-service.
 */
final class BenchDocuments {
    static final String MODEL_VERSION = "benchmark-labels-1";
    private static final Instant MODEL_TRAINED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> CATEGORY_IDS =
            Taxonomy.get().categories().stream().map(Taxonomy.Category::id).toList();

    /** Severity rules, most severe first: the first that matches decides, as the real rules report one reason. */
    private static final List<Rule> SEVERITY_RULES = List.of(
            new Rule(5, "loss of life", Pattern.compile("\\b(killed|killings?|died|deaths?)\\b", Pattern.CASE_INSENSITIVE)),
            new Rule(4, "physical ill-treatment", Pattern.compile("\\b(tortur\\w*|beat(en|ings?)?|abuse[sd]?)\\b", Pattern.CASE_INSENSITIVE)),
            new Rule(3, "deprivation of liberty", Pattern.compile("\\b(detained|arrested|imprisoned|sentenced)\\b", Pattern.CASE_INSENSITIVE)),
            new Rule(2, "restriction", Pattern.compile("\\b(restrict\\w*|harass\\w*|censor\\w*|pressure)\\b", Pattern.CASE_INSENSITIVE)));
    /** Capitalised word runs ("Nursultan Nazarbayev", "Ministry of Internal Affairs") stand in for named entities. */
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}\\p{Ll}+(?:\\s+(?:of\\s+(?:the\\s+)?)?\\p{Lu}\\p{Ll}+)+");
    private static final Pattern ORG_WORD = Pattern.compile("\\b(Ministry|Committee|Party|Office|Organization|Court|Service|Agency|Council|Commission|Union|Bureau)\\b");
    private static final Pattern LAW_WORD = Pattern.compile("\\b(Law|Code|Act|Constitution)\\b");

    private record Rule(int level, String name, Pattern pattern) {
    }

    private BenchDocuments() {
    }

    /** Every passage in the JSON-lines files ({@code ChunkMessage}) of a folder, files in name order. */
    static List<ChunkMessage> readPassages(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        List<ChunkMessage> passages = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    passages.add(RightstreamJson.read(line.getBytes(StandardCharsets.UTF_8), ChunkMessage.class).validate());
                }
            }
        }
        return passages;
    }

    /**
     * The passages {@code repetitions} times, each repetition of a report a new report: its own reportId (from the
     * run, the repetition and the original id, so runs never overwrite each other) and chunkIds, same ordinals.
     */
    static List<ClassifiedChunk> repeat(List<ChunkMessage> passages, int repetitions, String run) {
        Instant now = Instant.now();
        List<ClassifiedChunk> docs = new ArrayList<>(passages.size() * repetitions);
        for (int r = 0; r < repetitions; r++) {
            Map<String, String> reportIds = new LinkedHashMap<>();
            for (ChunkMessage m : passages) {
                int rep = r;
                String reportId = reportIds.computeIfAbsent(m.reportId(),
                        orig -> Ids.reportId("benchmark " + run + " repetition " + rep + " of " + orig));
                Source s = m.source();
                Source source = new Source("benchmark-" + r + "-" + (s == null ? "report" : s.fileName()),
                        s == null ? null : s.sha256(), s == null ? "text/plain" : s.contentType(),
                        s == null ? null : s.publisher());
                ChunkMessage copy = new ChunkMessage(m.schemaVersion(), reportId, Ids.chunkId(reportId, m.ordinal()),
                        m.ordinal(), m.totalChunks(), source, m.country(), m.year(), m.title(), m.sectionPath(),
                        m.headingCategory(), m.text(), m.charStart(), m.charEnd(), m.page(), m.paragraphNumbers(),
                        m.isRecommendation(), now);
                docs.add(label(copy, now));
            }
        }
        return docs;
    }

    /** Labels that depend only on the text, so every repetition of a passage gets the same ones, as a model would. */
    static ClassifiedChunk label(ChunkMessage m, Instant classifiedAt) {
        int h = m.text().hashCode();
        String primary = m.headingCategory() != null ? m.headingCategory()
                : CATEGORY_IDS.get(Math.floorMod(h, CATEGORY_IDS.size()));
        String secondary = CATEGORY_IDS.get(Math.floorMod(h >>> 7, CATEGORY_IDS.size()));
        List<CategoryScore> categories = new ArrayList<>();
        categories.add(new CategoryScore(primary, 0.55 + Math.floorMod(h, 40) / 100.0));
        if (!secondary.equals(primary)) {
            categories.add(new CategoryScore(secondary, 0.05 + Math.floorMod(h >>> 3, 30) / 100.0));
        }
        Severity severity = new Severity(1, List.of());
        for (Rule rule : SEVERITY_RULES) {
            Matcher found = rule.pattern().matcher(m.text());
            if (found.find()) {
                severity = new Severity(rule.level(), List.of(new Severity.Indicator(found.group(), rule.name())));
                break;
            }
        }
        return ClassifiedChunk.of(m, categories, severity, entities(m), MODEL_VERSION, classifiedAt, MODEL_TRAINED_AT);
    }

    private static List<Entity> entities(ChunkMessage m) {
        List<Entity> entities = new ArrayList<>();
        if (m.country() != null) {
            int at = m.text().indexOf(m.country());
            if (at >= 0) {
                entities.add(new Entity(m.country(), Entity.Type.PLACE, at, at + m.country().length()));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        Matcher name = NAME.matcher(m.text());
        while (entities.size() < 4 && name.find()) {
            String text = name.group();
            if (seen.add(text) && !text.equals(m.country())) {
                Entity.Type type = LAW_WORD.matcher(text).find() ? Entity.Type.LAW
                        : ORG_WORD.matcher(text).find() ? Entity.Type.ORG : Entity.Type.PERSON;
                entities.add(new Entity(text, type, name.start(), name.end()));
            }
        }
        return entities;
    }

    /**
     * The stored document exactly as query-service's ChunkIndexer.document(...) builds it (the message plus the
     * fields derived for dashboards), so the raw bulk indexes the same bytes; a test checks that the two agree.
     */
    static byte[] document(ClassifiedChunk c, String indexedAt) {
        ObjectNode node = RightstreamJson.mapper().valueToTree(c);
        node.put("primaryCategory", c.categories().isEmpty() ? null : c.categories().get(0).id());
        node.put("sectionText", String.join(" / ", c.sectionPath()));
        node.put("indexedAt", indexedAt);
        return RightstreamJson.write(node);
    }

    /** The severity levels' counts, to show that the labels spread over the scale. */
    static String severitySpread(List<ClassifiedChunk> docs) {
        int[] counts = new int[6];
        docs.forEach(d -> counts[d.severity().level()]++);
        return String.format(Locale.ROOT, "1:%d 2:%d 3:%d 4:%d 5:%d", counts[1], counts[2], counts[3], counts[4], counts[5]);
    }
}
