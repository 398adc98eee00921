package org.rightstream.classify.category;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.rightstream.contracts.CategoryScore;

/**
 * The trained category model: a multinomial logistic regression over the passage's terms plus one shared
 * weight ({@code descriptionWeight}) on the passage's similarity to each category's own description in the
 * taxonomy. The second part is what lets the model name a category it saw few or no labelled passages of
 * (a category whose heading the training reports never used). Scores are softmax probabilities divided by a
 * temperature fitted on held-out reports, so a score of 0.7 means about 70 % of such calls were right there.
 *
 * <p>Immutable and thread-safe; {@link #read}/{@link #write} give the versioned artifact the service loads.
 */
public final class CategoryModel {
    private static final int MAGIC = 0x5253434d; // "RSCM"
    private static final int FORMAT = 1;

    private final String modelVersion;
    private final Instant trainedAt;
    private final String trainingSummary;
    private final List<String> categories;
    private final TermWeighting weighting;
    /** Term-major: the weights of term j for all categories are {@code weights[j*K .. j*K+K)}. */
    private final float[] weights;
    private final float[] bias;
    private final SparseVector[] descriptions;
    private final double descriptionWeight;
    private final double temperature;

    CategoryModel(String modelVersion, Instant trainedAt, String trainingSummary, List<String> categories,
                  TermWeighting weighting, float[] weights, float[] bias, SparseVector[] descriptions,
                  double descriptionWeight, double temperature) {
        if (weights.length != categories.size() * weighting.size() || bias.length != categories.size()
                || descriptions.length != categories.size()) {
            throw new IllegalArgumentException("model dimensions do not match its categories and vocabulary");
        }
        this.modelVersion = modelVersion;
        this.trainedAt = trainedAt;
        this.trainingSummary = trainingSummary;
        this.categories = List.copyOf(categories);
        this.weighting = weighting;
        this.weights = weights;
        this.bias = bias;
        this.descriptions = descriptions;
        this.descriptionWeight = descriptionWeight;
        this.temperature = temperature;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    public String trainingSummary() {
        return trainingSummary;
    }

    public List<String> categories() {
        return categories;
    }

    public double descriptionWeight() {
        return descriptionWeight;
    }

    public double temperature() {
        return temperature;
    }

    public int vocabularySize() {
        return weighting.size();
    }

    /** Calibrated probability per category, in {@link #categories()} order; they sum to 1. */
    public double[] probabilities(String text) {
        return softmax(logits(weighting.vector(text)), temperature);
    }

    /**
     * The primary category and every other one whose probability reaches {@code secondaryThreshold}, highest
     * first. Empty text has no category.
     */
    public List<CategoryScore> categorise(String text, double secondaryThreshold) {
        SparseVector x = weighting.vector(text);
        if (x.size() == 0) {
            return List.of();
        }
        double[] p = softmax(logits(x), temperature);
        Integer[] order = new Integer[p.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        List<CategoryScore> out = new ArrayList<>();
        for (int rank = 0; rank < order.length; rank++) {
            int k = order[rank];
            if (rank > 0 && p[k] < secondaryThreshold) {
                break;
            }
            out.add(new CategoryScore(categories.get(k), Math.round(p[k] * 10_000) / 10_000.0));
        }
        return out;
    }

    double[] logits(SparseVector x) {
        int k = categories.size();
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            z[c] = bias[c] + descriptionWeight * x.dot(descriptions[c]);
        }
        int[] idx = x.indices();
        float[] val = x.values();
        for (int n = 0; n < idx.length; n++) {
            int base = idx[n] * k;
            float v = val[n];
            for (int c = 0; c < k; c++) {
                z[c] += v * weights[base + c];
            }
        }
        return z;
    }

    static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp((logits[k] - max) / temperature);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    public void write(OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(modelVersion);
        out.writeLong(trainedAt.toEpochMilli());
        out.writeUTF(trainingSummary);
        out.writeInt(categories.size());
        for (String c : categories) {
            out.writeUTF(c);
        }
        String[] terms = new String[weighting.size()];
        weighting.vocabulary().forEach((t, i) -> terms[i] = t);
        float[] idf = weighting.idf();
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeFloat(idf[i]);
        }
        for (float w : weights) {
            out.writeFloat(w);
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
        for (SparseVector d : descriptions) {
            out.writeInt(d.size());
            for (int n = 0; n < d.size(); n++) {
                out.writeInt(d.indices()[n]);
                out.writeFloat(d.values()[n]);
            }
        }
        out.writeDouble(descriptionWeight);
        out.writeDouble(temperature);
        out.flush();
        gzip.finish(); // the trailer, without closing the caller's stream
    }

    /** Reads a model written by {@link #write}; a wrong or truncated file fails with a message saying so. */
    public static CategoryModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source)));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Rightstream category model");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("category model format " + format + " is not supported (expected " + FORMAT + ")");
        }
        String version = in.readUTF();
        Instant trainedAt = Instant.ofEpochMilli(in.readLong());
        String summary = in.readUTF();
        int k = in.readInt();
        List<String> categories = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            categories.add(in.readUTF());
        }
        int v = in.readInt();
        Map<String, Integer> vocabulary = new HashMap<>(v * 2);
        float[] idf = new float[v];
        for (int i = 0; i < v; i++) {
            vocabulary.put(in.readUTF(), i);
            idf[i] = in.readFloat();
        }
        float[] weights = new float[k * v];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            bias[c] = in.readFloat();
        }
        SparseVector[] descriptions = new SparseVector[k];
        for (int c = 0; c < k; c++) {
            int n = in.readInt();
            int[] idx = new int[n];
            float[] val = new float[n];
            for (int j = 0; j < n; j++) {
                idx[j] = in.readInt();
                val[j] = in.readFloat();
            }
            descriptions[c] = new SparseVector(idx, val);
        }
        double descriptionWeight = in.readDouble();
        double temperature = in.readDouble();
        return new CategoryModel(version, trainedAt, summary, categories, new TermWeighting(vocabulary, idf), weights,
                bias, descriptions, descriptionWeight, temperature);
    }
}
