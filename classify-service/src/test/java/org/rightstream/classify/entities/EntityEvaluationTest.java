package org.rightstream.classify.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.classify.entities.GoldSet.Annotation;
import org.rightstream.classify.entities.GoldSet.Passage;
import org.rightstream.contracts.Entity;

/**
 * Precision, recall and F1 per type and overall against the hand annotations of seed passages
 * ({@code src/test/resources/entities/gold.tsv}); exact text + type match, distinct annotations per passage.
 * "dev" passages are the ones the rules were developed on; "heldout" and "review" passages were annotated
 * before their first evaluation (see the header of passages.tsv). The floors sit about 0.03 under the figures
 * reached, so a regression fails the build.
 */
class EntityEvaluationTest {
    private static GoldSet gold;
    private static Map<String, Scores> bySet;

    /** Counts for one set of passages, per type. */
    static final class Scores {
        final Map<Entity.Type, int[]> counts = new EnumMap<>(Entity.Type.class);
        final StringBuilder errors = new StringBuilder();

        int[] of(Entity.Type type) {
            return counts.computeIfAbsent(type, k -> new int[3]);
        }

        int[] total() {
            int[] t = new int[3];
            for (int[] c : counts.values()) {
                for (int i = 0; i < 3; i++) {
                    t[i] += c[i];
                }
            }
            return t;
        }

        static double precision(int[] c) {
            return c[0] + c[1] == 0 ? 1.0 : c[0] / (double) (c[0] + c[1]);
        }

        static double recall(int[] c) {
            return c[0] + c[2] == 0 ? 1.0 : c[0] / (double) (c[0] + c[2]);
        }

        static double f1(int[] c) {
            double p = precision(c);
            double r = recall(c);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    @BeforeAll
    static void evaluate() {
        gold = GoldSet.load();
        EntityExtractor extractor = new EntityExtractor();
        bySet = new LinkedHashMap<>();
        for (Passage p : gold.passages.values()) {
            Set<Annotation> predicted = GoldSet.distinct(extractor.extract(p.text()));
            Set<Annotation> expected = gold.goldOf(p.id());
            for (String set : new String[] {p.set(), "all"}) {
                Scores s = bySet.computeIfAbsent(set, k -> new Scores());
                for (Annotation a : predicted) {
                    if (expected.contains(a)) {
                        s.of(a.type())[0]++;
                    } else {
                        s.of(a.type())[1]++;
                        if (!set.equals("all")) {
                            s.errors.append(String.format("  %s FP %-6s %s%n", p.id(), a.type(), a.text()));
                        }
                    }
                }
                for (Annotation a : expected) {
                    if (!predicted.contains(a)) {
                        s.of(a.type())[2]++;
                        if (!set.equals("all")) {
                            s.errors.append(String.format("  %s FN %-6s %s%n", p.id(), a.type(), a.text()));
                        }
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder("\nEntity extraction on hand-annotated seed passages (exact text+type)\n");
        for (Map.Entry<String, Scores> e : bySet.entrySet()) {
            long passages = e.getKey().equals("all") ? gold.passages.size()
                    : gold.passages.values().stream().filter(p -> p.set().equals(e.getKey())).count();
            table.append(String.format("%n[%s] %d passages%n%-7s %5s %5s %5s %7s %7s %7s%n", e.getKey(), passages,
                    "type", "tp", "fp", "fn", "P", "R", "F1"));
            for (Entity.Type type : Entity.Type.values()) {
                int[] c = e.getValue().of(type);
                table.append(row(type.name(), c));
            }
            table.append(row("ALL", e.getValue().total()));
        }
        for (Map.Entry<String, Scores> e : bySet.entrySet()) {
            if (!e.getValue().errors.isEmpty()) {
                table.append("\nerrors [").append(e.getKey()).append("]\n").append(e.getValue().errors);
            }
        }
        System.out.println(table);
    }

    private static String row(String name, int[] c) {
        return String.format("%-7s %5d %5d %5d %7.3f %7.3f %7.3f%n", name, c[0], c[1], c[2], Scores.precision(c),
                Scores.recall(c), Scores.f1(c));
    }

    @Test
    void goldSetIsLargeEnoughAndVaried() {
        assertThat(gold.passages).hasSizeGreaterThanOrEqualTo(40);
        long annotations = gold.gold.values().stream().mapToLong(Set::size).sum();
        assertThat(annotations).isGreaterThanOrEqualTo(250);
        for (Entity.Type type : Entity.Type.values()) {
            assertThat(gold.gold.values().stream().flatMap(Set::stream).filter(a -> a.type() == type).count())
                    .as("gold annotations of type %s", type).isGreaterThanOrEqualTo(15);
        }
        // every gold entity is really in its passage
        gold.gold.forEach((id, set) -> set.forEach(a ->
                assertThat(gold.passages.get(id).text()).as("passage %s", id).contains(a.text())));
    }

    @Test
    void devSetFloors() {
        Scores s = bySet.get("dev");
        int[] all = s.total();
        assertThat(Scores.precision(all)).isGreaterThanOrEqualTo(0.97);
        assertThat(Scores.recall(all)).isGreaterThanOrEqualTo(0.96);
        assertThat(Scores.f1(all)).isGreaterThanOrEqualTo(0.965);
        assertThat(Scores.f1(s.of(Entity.Type.PERSON))).isGreaterThanOrEqualTo(0.97);
        assertThat(Scores.f1(s.of(Entity.Type.ORG))).isGreaterThanOrEqualTo(0.96);
        assertThat(Scores.f1(s.of(Entity.Type.PLACE))).isGreaterThanOrEqualTo(0.97);
        assertThat(Scores.f1(s.of(Entity.Type.LAW))).isGreaterThanOrEqualTo(0.94);
    }

    @Test
    void heldOutSetFloors() {
        int[] all = bySet.get("heldout").total();
        assertThat(Scores.precision(all)).isGreaterThanOrEqualTo(0.95);
        assertThat(Scores.recall(all)).isGreaterThanOrEqualTo(0.89);
        assertThat(Scores.f1(all)).isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void reviewSetFloors() {
        int[] all = bySet.get("review").total();
        assertThat(Scores.precision(all)).isGreaterThanOrEqualTo(0.97);
        assertThat(Scores.recall(all)).isGreaterThanOrEqualTo(0.92);
        assertThat(Scores.f1(all)).isGreaterThanOrEqualTo(0.945);
    }

    @Test
    void overallFloors() {
        Scores s = bySet.get("all");
        int[] all = s.total();
        assertThat(Scores.precision(all)).isGreaterThanOrEqualTo(0.97);
        assertThat(Scores.recall(all)).isGreaterThanOrEqualTo(0.95);
        assertThat(Scores.f1(all)).isGreaterThanOrEqualTo(0.96);
        assertThat(Scores.f1(s.of(Entity.Type.PERSON))).isGreaterThanOrEqualTo(0.97);
        assertThat(Scores.f1(s.of(Entity.Type.ORG))).isGreaterThanOrEqualTo(0.95);
        assertThat(Scores.f1(s.of(Entity.Type.PLACE))).isGreaterThanOrEqualTo(0.97);
        assertThat(Scores.f1(s.of(Entity.Type.LAW))).isGreaterThanOrEqualTo(0.94);
    }
}
