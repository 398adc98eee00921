package org.rightstream.query.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Precision and recall of watch-to-passage matching over the seed passages (issue 7's quality set).
 *
 * <p>Every name of {@code quality-present.tsv} is watched five times, each watch written differently: as in the
 * reports, in Cyrillic, in another romanisation, with initials and surname first; each should find exactly the
 * passages its gold pattern marks. The names of {@code quality-absent.tsv} should find nothing. All watches share
 * one matcher, as in production. A (watch, passage) pair is the unit counted.
 *
 * <p>Run: {@code mvn -o -q test-compile -pl query-service} then
 * {@code java -cp "$(cat query-service/target/watch.classpath):query-service/target/classes:query-service/target/test-classes" org.rightstream.query.watch.WatchlistEvaluation}
 * (see docs/watchlist.md).
 */
public final class WatchlistEvaluation {

    /** The figures and the pairs that went wrong, for reading. */
    public record Result(int passages, int watches, int truePositives, int falsePositives, int falseNegatives,
                         List<String> misses, List<String> falseAlarms) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    private record QualityName(WatchType type, Pattern gold, List<String> spellings) {
    }

    private WatchlistEvaluation() {
    }

    public static void main(String[] args) {
        Path root = args.length > 0 ? Path.of(args[0]) : projectRoot();
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : WatchlistMatcher.DEFAULT_THRESHOLD;
        Result r = evaluate(root, threshold);
        System.out.printf("passages %d, watches %d, threshold %.2f%n", r.passages(), r.watches(), threshold);
        System.out.printf("true positives %d, false positives %d, false negatives %d%n",
                r.truePositives(), r.falsePositives(), r.falseNegatives());
        System.out.printf("precision %.3f, recall %.3f%n", r.precision(), r.recall());
        r.misses().forEach(m -> System.out.println("missed: " + m));
        r.falseAlarms().forEach(m -> System.out.println("false alarm: " + m));
    }

    /** The repository root, from the module directory (Maven runs tests there) or the root itself. */
    static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("seeds")) ? here : here.getParent();
    }

    public static Result evaluate(Path root, double threshold) {
        List<String> passages = seedPassages(root);
        List<QualityName> present = readNames("quality-present.tsv", true);
        List<QualityName> absent = readNames("quality-absent.tsv", false);

        List<Watch> watches = new ArrayList<>();
        Map<String, Pattern> goldByWatch = new HashMap<>();
        int n = 0;
        for (QualityName name : present) {
            n++;
            for (String spelling : variants(name)) {
                String id = n + ":" + spelling;
                watches.add(new Watch(id, spelling, List.of(), name.type()));
                goldByWatch.put(id, name.gold());
            }
        }
        for (QualityName name : absent) {
            String id = "absent:" + name.spellings().get(0);
            watches.add(new Watch(id, name.spellings().get(0), List.of(), name.type()));
        }
        WatchlistMatcher matcher = WatchlistMatcher.of(watches, threshold);

        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> misses = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            String text = passages.get(p);
            String flat = text.replaceAll("\\s+", " ");
            Set<String> matched = matcher.match(text).stream().map(WatchMatch::watchId).collect(Collectors.toSet());
            for (Watch w : watches) {
                Pattern gold = goldByWatch.get(w.id());
                boolean expected = gold != null && gold.matcher(flat).find();
                boolean got = matched.contains(w.id());
                if (expected && got) {
                    tp++;
                } else if (got) {
                    fp++;
                    falseAlarms.add(w.id() + " in passage " + p + ": " + matcher.match(text).stream()
                            .filter(m -> m.watchId().equals(w.id())).map(WatchMatch::matchedText).toList());
                } else if (expected) {
                    fn++;
                    misses.add(w.id() + " in passage " + p);
                }
            }
        }
        return new Result(passages.size(), watches.size(), tp, fp, fn, misses, falseAlarms);
    }

    /** As in the reports, in Cyrillic, another romanisation, and for persons with initials and surname first. */
    private static List<String> variants(QualityName name) {
        List<String> spellings = new ArrayList<>(name.spellings());
        if (name.type() == WatchType.PERSON) {
            String reported = name.spellings().get(0);
            List<String> words = Arrays.asList(reported.split(" "));
            String surname = words.get(words.size() - 1);
            List<String> given = words.subList(0, words.size() - 1);
            String initials = given.stream()
                    .map(g -> Arrays.stream(g.split("-")).map(part -> part.charAt(0) + ".").collect(Collectors.joining("-")))
                    .collect(Collectors.joining(" "));
            spellings.add(initials + " " + surname);
            spellings.add(surname + " " + String.join(" ", given));
        }
        return spellings;
    }

    private static List<QualityName> readNames(String resource, boolean withGold) {
        try (var in = WatchlistEvaluation.class.getResourceAsStream("/watch/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /watch/" + resource);
            }
            List<QualityName> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                WatchType type = WatchType.valueOf(cols[0].strip());
                if (withGold) {
                    names.add(new QualityName(type, Pattern.compile(cols[1].strip()),
                            Arrays.stream(cols, 2, cols.length).map(String::strip).toList()));
                } else {
                    names.add(new QualityName(type, null, List.of(cols[1].strip())));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed passages: the chunks of the classifier's training set (seeds 000-002 and 004), and seed 003, which has
     * none there, split at blank lines.
     */
    static List<String> seedPassages(Path root) {
        ObjectMapper json = new ObjectMapper();
        List<String> passages = new ArrayList<>();
        Set<String> chunkedSeeds = new HashSet<>();
        try (Stream<Path> files = Files.list(root.resolve("classify-service/training/passages"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                chunkedSeeds.add(file.getFileName().toString().replace(".jsonl", ""));
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        passages.add(json.readTree(line).path("text").asText());
                    }
                }
            }
            try (Stream<Path> seeds = Files.list(root.resolve("seeds"))) {
                for (Path seed : seeds.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    if (!chunkedSeeds.contains(seed.getFileName().toString().replace(".txt", ""))) {
                        for (String paragraph : Files.readString(seed, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                            if (!paragraph.isBlank()) {
                                passages.add(paragraph.strip());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passages;
    }
}
