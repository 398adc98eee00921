package org.rightstream.classify.category;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gold versus predicted primary category over a set of passages, and the scores derived from it. Macro
 * averages run over every category that occurs as gold or as prediction (a category predicted but never
 * gold scores 0, as in scikit-learn); micro-F1 of single-label predictions equals accuracy.
 */
public final class Confusion {
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private int total;
    private int correct;

    public void add(String gold, String predicted) {
        counts.computeIfAbsent(gold, g -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
        total++;
        if (gold.equals(predicted)) {
            correct++;
        }
    }

    public void addAll(Confusion other) {
        other.counts.forEach((g, row) -> row.forEach((p, n) -> {
            counts.computeIfAbsent(g, x -> new TreeMap<>()).merge(p, n, Integer::sum);
            total += n;
            if (g.equals(p)) {
                correct += n;
            }
        }));
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        return total == 0 ? 0 : correct / (double) total;
    }

    public double microF1() {
        return accuracy();
    }

    public record CategoryScores(String category, double precision, double recall, double f1, int support) {
    }

    public List<CategoryScores> perCategory() {
        TreeSet<String> labels = new TreeSet<>(counts.keySet());
        counts.values().forEach(row -> labels.addAll(row.keySet()));
        List<CategoryScores> out = new ArrayList<>();
        for (String c : labels) {
            int tp = counts.getOrDefault(c, Map.of()).getOrDefault(c, 0);
            int support = counts.getOrDefault(c, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            int predicted = counts.values().stream().mapToInt(row -> row.getOrDefault(c, 0)).sum();
            double p = predicted == 0 ? 0 : tp / (double) predicted;
            double r = support == 0 ? 0 : tp / (double) support;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            out.add(new CategoryScores(c, p, r, f, support));
        }
        return out;
    }

    public double macroF1() {
        return perCategory().stream().mapToDouble(CategoryScores::f1).average().orElse(0);
    }

    public record Mistake(String gold, String predicted, int count) {
    }

    /** The most frequent wrong calls, most frequent first. */
    public List<Mistake> topConfusions(int limit) {
        List<Mistake> all = new ArrayList<>();
        counts.forEach((g, row) -> row.forEach((p, n) -> {
            if (!g.equals(p)) {
                all.add(new Mistake(g, p, n));
            }
        }));
        all.sort(Comparator.comparingInt(Mistake::count).reversed().thenComparing(Mistake::gold)
                .thenComparing(Mistake::predicted));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** The table the evaluation command prints. */
    public String format(String title) {
        StringBuilder s = new StringBuilder();
        s.append(title).append('\n');
        s.append(String.format("%-28s %9s %9s %9s %8s%n", "category", "precision", "recall", "F1", "support"));
        for (CategoryScores c : perCategory()) {
            s.append(String.format("%-28s %9.3f %9.3f %9.3f %8d%n", c.category(), c.precision(), c.recall(), c.f1(),
                    c.support()));
        }
        s.append(String.format("passages %d, accuracy (= micro-F1) %.3f, macro-F1 %.3f%n", total, accuracy(),
                macroF1()));
        List<Mistake> top = topConfusions(8);
        if (!top.isEmpty()) {
            s.append("most frequent confusions (heading category -> predicted):\n");
            top.forEach(m -> s.append(String.format("  %3d  %s -> %s%n", m.count(), m.gold(), m.predicted())));
        }
        return s.toString();
    }
}
