package org.rightstream.classify.category;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Taxonomy;

/**
 * Labelled passages read from JSON-lines files of {@code report.chunks} messages (what
 * {@code ./rightstream passages} writes). A passage counts when its section heading mapped to a category;
 * the same text seen twice (one report in two formats) counts once, so no report weighs double.
 */
public record TrainingSet(List<LabelledPassage> passages) {

    public TrainingSet {
        passages = List.copyOf(passages);
    }

    /** The files themselves, or every {@code *.jsonl} file of a folder, in name order. */
    public static List<Path> files(List<Path> filesOrFolders) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : filesOrFolders) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    out.addAll(s.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList());
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Reads the files; a line that is not a valid passage, or names a category the taxonomy does not know,
     * fails the whole load with the file and line, because training on half a file would go unnoticed.
     */
    public static TrainingSet read(List<Path> files, Taxonomy taxonomy) throws IOException {
        Set<String> known = new HashSet<>();
        taxonomy.categories().forEach(c -> known.add(c.id()));
        Set<String> seenTexts = new HashSet<>();
        List<LabelledPassage> passages = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isBlank()) {
                        continue;
                    }
                    ChunkMessage m;
                    try {
                        m = RightstreamJson.read(line.getBytes(StandardCharsets.UTF_8), ChunkMessage.class).validate();
                    } catch (RuntimeException e) {
                        throw new IOException(file + ":" + n + ": not a report.chunks message: " + e.getMessage(), e);
                    }
                    if (m.headingCategory() == null) {
                        continue;
                    }
                    if (!known.contains(m.headingCategory())) {
                        throw new IOException(file + ":" + n + ": unknown category '" + m.headingCategory()
                                + "' (not in taxonomy.json)");
                    }
                    if (seenTexts.add(m.text().strip())) {
                        passages.add(new LabelledPassage(m.reportId(), m.headingCategory(), m.text()));
                    }
                }
            }
        }
        return new TrainingSet(passages);
    }

    public List<String> reportIds() {
        Set<String> ids = new LinkedHashSet<>();
        passages.forEach(p -> ids.add(p.reportId()));
        return List.copyOf(ids);
    }

    public TrainingSet only(Set<String> reportIds) {
        return new TrainingSet(passages.stream().filter(p -> reportIds.contains(p.reportId())).toList());
    }

    public TrainingSet without(String reportId) {
        return new TrainingSet(passages.stream().filter(p -> !p.reportId().equals(reportId)).toList());
    }

    public TrainingSet plus(TrainingSet other) {
        List<LabelledPassage> all = new ArrayList<>(passages);
        all.addAll(other.passages);
        return new TrainingSet(all);
    }
}
