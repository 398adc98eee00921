package org.rightstream.classify.category;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.rightstream.contracts.Taxonomy;

/**
 * Trains a {@link CategoryModel} from weakly labelled passages and the taxonomy's category descriptions.
 *
 * <p>Why a learner of our own rather than a library's: the model needs one weight shared by all categories
 * (on each passage's similarity to each category description) next to the usual per-category term weights.
 * That shared weight is what carries categories with no labelled passages at all; the multiclass linear
 * models of Tribuo or liblinear have per-class weights only. The learner is plain multinomial logistic
 * regression with L2 and AdaGrad, a few dozen lines, deterministic for a given seed.
 *
 * <p>The shared weight is not fitted on the training passages (they can be separated without it, so any value
 * fits them); it is chosen by leave-one-report-out inside the training set: the value whose models label the
 * held-out report best. That is the same question the product faces with every new report. The softmax
 * temperature is fitted on the same held-out predictions, which calibrates the scores.
 */
public final class CategoryTrainer {
    /** Bump when a change here changes what the same data trains into: it is part of the model version. */
    public static final int VERSION = 1;

    public record Settings(int epochs, double learningRate, double l2, int minDocumentFrequency,
                           double[] descriptionWeights, double defaultDescriptionWeight, long seed) {
        public static Settings defaults() {
            return new Settings(30, 0.5, 1e-4, 2, new double[] {0, 5, 10, 15, 20, 25, 30, 40}, 20, 7);
        }

        String fingerprint() {
            return "epochs=" + epochs + ",lr=" + learningRate + ",l2=" + l2 + ",minDf=" + minDocumentFrequency
                    + ",betas=" + Arrays.toString(descriptionWeights) + ",beta0=" + defaultDescriptionWeight
                    + ",seed=" + seed;
        }
    }

    private final Taxonomy taxonomy;
    private final Settings settings;
    private final Clock clock;
    private final List<String> categories;

    public CategoryTrainer(Taxonomy taxonomy, Settings settings, Clock clock) {
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.clock = clock;
        this.categories = taxonomy.categories().stream().map(Taxonomy.Category::id).toList();
    }

    public CategoryTrainer(Taxonomy taxonomy) {
        this(taxonomy, Settings.defaults(), Clock.systemUTC());
    }

    /** The version a model trained on this set gets: the same data, taxonomy and trainer give the same version. */
    public String modelVersion(TrainingSet set) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, "trainer=" + VERSION + ";" + settings.fingerprint());
            for (Taxonomy.Category c : taxonomy.categories()) {
                update(sha, c.id() + "\t" + c.label() + "\t" + c.description() + "\t" + String.join("|", c.headings()));
            }
            for (LabelledPassage p : set.passages()) {
                update(sha, p.reportId() + "\t" + p.category() + "\t" + p.text());
            }
            return "cat" + VERSION + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }

    /** What came out of training: the model and how its settings were chosen. */
    public record Trained(CategoryModel model, double descriptionWeight, double heldOutMacroF1, double temperature) {
    }

    public Trained train(TrainingSet set, Consumer<String> progress) {
        if (set.passages().isEmpty()) {
            throw new IllegalArgumentException("no labelled passages to train on");
        }
        Prepared data = prepare(set);
        List<String> reports = set.reportIds();
        // One candidate means the caller fixed the weight; with one report there is nothing to hold out.
        double beta = settings.descriptionWeights().length == 1 ? settings.descriptionWeights()[0]
                : settings.defaultDescriptionWeight();
        double bestF1 = Double.NaN;
        double temperature = 1;
        if (reports.size() >= 2 && settings.descriptionWeights().length > 1) {
            List<double[]> bestLogits = null;
            List<Integer> bestGold = null;
            for (double candidate : settings.descriptionWeights()) {
                List<double[]> logits = new ArrayList<>();
                List<Integer> gold = new ArrayList<>();
                double f1Sum = 0;
                for (String heldOut : reports) {
                    boolean[] train = new boolean[data.size()];
                    for (int i = 0; i < train.length; i++) {
                        train[i] = !data.reportIds[i].equals(heldOut);
                    }
                    Fit fit = fit(data, train, candidate);
                    Confusion confusion = new Confusion();
                    for (int i = 0; i < train.length; i++) {
                        if (!train[i]) {
                            double[] z = fit.logits(data.vectors[i], data.descriptions);
                            logits.add(z);
                            gold.add(data.labels[i]);
                            confusion.add(categories.get(data.labels[i]), categories.get(argmax(z)));
                        }
                    }
                    f1Sum += confusion.macroF1();
                }
                double f1 = f1Sum / reports.size();
                progress.accept(String.format("description weight %5.1f: held-out macro-F1 %.3f (mean of %d reports)",
                        candidate, f1, reports.size()));
                if (Double.isNaN(bestF1) || f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    beta = candidate;
                    bestLogits = logits;
                    bestGold = gold;
                }
            }
            temperature = fitTemperature(bestLogits, bestGold);
        } else {
            progress.accept("one report only: description weight " + beta + " (default), temperature 1");
        }
        boolean[] all = new boolean[data.size()];
        Arrays.fill(all, true);
        Fit fit = fit(data, all, beta);
        String summary = String.format("%d passages from %d reports, %d terms; description weight %.1f chosen by"
                        + " leave-one-report-out (held-out macro-F1 %.3f), temperature %.2f",
                set.passages().size(), reports.size(), data.weighting.size(), beta, bestF1, temperature);
        progress.accept(summary);
        float[] weights = new float[fit.weights.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) fit.weights[i];
        }
        float[] bias = new float[fit.bias.length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = (float) fit.bias[i];
        }
        CategoryModel model = new CategoryModel(modelVersion(set), clock.instant(), summary, categories,
                data.weighting, weights, bias, data.descriptions, beta, temperature);
        return new Trained(model, beta, bestF1, temperature);
    }

    // ------------------------------------------------------------------------------------------ features

    private static final class Prepared {
        TermWeighting weighting;
        SparseVector[] vectors;
        int[] labels;
        String[] reportIds;
        SparseVector[] descriptions;

        int size() {
            return labels.length;
        }
    }

    private Prepared prepare(TrainingSet set) {
        List<Map<String, Integer>> passageCounts = new ArrayList<>();
        for (LabelledPassage p : set.passages()) {
            passageCounts.add(PassageTerms.count(p.text()));
        }
        List<Map<String, Integer>> descriptionCounts = new ArrayList<>();
        for (Taxonomy.Category c : taxonomy.categories()) {
            descriptionCounts.add(PassageTerms.count(descriptionText(c)));
        }
        Map<String, Integer> df = new HashMap<>();
        passageCounts.forEach(m -> m.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
        // A category's own words are always kept, however rare in the passages: they are all some categories have.
        descriptionCounts.forEach(m -> m.keySet().forEach(t -> df.merge(t, settings.minDocumentFrequency(), Integer::sum)));
        List<String> terms = df.entrySet().stream().filter(e -> e.getValue() >= settings.minDocumentFrequency())
                .map(Map.Entry::getKey).sorted().toList();
        Map<String, Integer> vocabulary = new HashMap<>();
        float[] idf = new float[terms.size()];
        int docs = passageCounts.size() + descriptionCounts.size();
        for (int i = 0; i < terms.size(); i++) {
            vocabulary.put(terms.get(i), i);
        }
        Map<String, Integer> realDf = new HashMap<>();
        passageCounts.forEach(m -> m.keySet().forEach(t -> realDf.merge(t, 1, Integer::sum)));
        descriptionCounts.forEach(m -> m.keySet().forEach(t -> realDf.merge(t, 1, Integer::sum)));
        for (int i = 0; i < terms.size(); i++) {
            idf[i] = (float) (Math.log((1.0 + docs) / (1.0 + realDf.getOrDefault(terms.get(i), 0))) + 1);
        }
        Prepared p = new Prepared();
        p.weighting = new TermWeighting(vocabulary, idf);
        p.vectors = passageCounts.stream().map(p.weighting::vector).toArray(SparseVector[]::new);
        p.descriptions = descriptionCounts.stream().map(p.weighting::vector).toArray(SparseVector[]::new);
        p.labels = set.passages().stream().mapToInt(x -> categories.indexOf(x.category())).toArray();
        p.reportIds = set.passages().stream().map(LabelledPassage::reportId).toArray(String[]::new);
        return p;
    }

    static String descriptionText(Taxonomy.Category c) {
        return c.label() + ". " + c.description() + " " + String.join(". ", c.headings()) + ".";
    }

    // --------------------------------------------------------------------------------------------- learner

    private final class Fit {
        final double[] weights;
        final double[] bias;
        final double beta;
        final int k = categories.size();

        Fit(int vocabulary, double beta) {
            this.weights = new double[vocabulary * k];
            this.bias = new double[k];
            this.beta = beta;
        }

        double[] logits(SparseVector x, SparseVector[] descriptions) {
            double[] z = new double[k];
            for (int c = 0; c < k; c++) {
                z[c] = bias[c] + beta * x.dot(descriptions[c]);
            }
            addTermScores(x, z);
            return z;
        }

        void addTermScores(SparseVector x, double[] z) {
            int[] idx = x.indices();
            float[] val = x.values();
            for (int n = 0; n < idx.length; n++) {
                int base = idx[n] * k;
                for (int c = 0; c < k; c++) {
                    z[c] += val[n] * weights[base + c];
                }
            }
        }
    }

    private Fit fit(Prepared data, boolean[] use, double beta) {
        int k = categories.size();
        Fit fit = new Fit(data.weighting.size(), beta);
        double[] squaredGradients = new double[fit.weights.length];
        double[][] offsets = new double[data.size()][];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (use[i]) {
                order.add(i);
                offsets[i] = new double[k];
                for (int c = 0; c < k; c++) {
                    offsets[i][c] = beta * data.vectors[i].dot(data.descriptions[c]);
                }
            }
        }
        Random random = new Random(settings.seed());
        double rate = settings.learningRate();
        double l2 = settings.l2();
        double[] z = new double[k];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            for (int i : order) {
                SparseVector x = data.vectors[i];
                for (int c = 0; c < k; c++) {
                    z[c] = fit.bias[c] + offsets[i][c];
                }
                fit.addTermScores(x, z);
                double[] p = CategoryModel.softmax(z, 1);
                int[] idx = x.indices();
                float[] val = x.values();
                for (int c = 0; c < k; c++) {
                    double g = p[c] - (c == data.labels[i] ? 1 : 0);
                    for (int n = 0; n < idx.length; n++) {
                        int w = idx[n] * k + c;
                        double grad = g * val[n] + l2 * fit.weights[w];
                        squaredGradients[w] += grad * grad;
                        fit.weights[w] -= rate * grad / Math.sqrt(squaredGradients[w] + 1e-8);
                    }
                    fit.bias[c] -= 0.05 * g;
                }
            }
        }
        return fit;
    }

    /** The temperature that minimises the negative log-likelihood of the held-out labels. */
    private static double fitTemperature(List<double[]> logits, List<Integer> gold) {
        double best = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int step = 0; step <= 56; step++) {
            double t = 0.2 + step * 0.05;
            double loss = 0;
            for (int i = 0; i < logits.size(); i++) {
                loss -= Math.log(Math.max(CategoryModel.softmax(logits.get(i), t)[gold.get(i)], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    static int argmax(double[] z) {
        int best = 0;
        for (int c = 1; c < z.length; c++) {
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return best;
    }
}
