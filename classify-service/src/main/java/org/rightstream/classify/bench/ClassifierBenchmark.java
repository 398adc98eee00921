package org.rightstream.classify.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.rightstream.classify.ModelClassifier;
import org.rightstream.classify.category.CategoryModel;
import org.rightstream.classify.category.CategoryModels;
import org.rightstream.classify.category.LabelledPassage;
import org.rightstream.classify.category.TrainingSet;
import org.rightstream.classify.entities.EntityExtractor;
import org.rightstream.classify.severity.SeverityScorer;
import org.rightstream.contracts.Taxonomy;

/**
 * Single-thread throughput of the classifier and each of its parts on real report passages (the training
 * passages: 180-250 words each), after a warm-up, with the CPU time of the measuring thread so a busy machine
 * shows as wall time above CPU time. Prints figures; asserts nothing.
 *
 * <pre>./rightstream bench-classify [PASSAGE_FILES_OR_DIR] [SECONDS_PER_PART]</pre>
 */
public final class ClassifierBenchmark {
    private ClassifierBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "classify-service/training/passages");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<String> texts = TrainingSet.read(TrainingSet.files(List.of(data)), Taxonomy.get()).passages().stream()
                .map(LabelledPassage::text).toList();
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no passages under " + data);
        }
        CategoryModel model = CategoryModels.builtIn();
        ModelClassifier classifier = new ModelClassifier(model, 0.25, Clock.systemUTC());
        SeverityScorer severity = new SeverityScorer();
        EntityExtractor entities = new EntityExtractor();
        double words = texts.stream().mapToInt(t -> t.split("\\s+").length).average().orElse(0);
        System.out.printf(Locale.ROOT, "%d passages (%.0f words on average), model %s, %d terms, %.0f s per part%n",
                texts.size(), words, classifier.modelVersion(), model.vocabularySize(), seconds);

        run("categories", texts, seconds, t -> model.categorise(t, 0.25).size());
        run("severity", texts, seconds, t -> severity.score(t, false).level());
        run("entities", texts, seconds, t -> entities.extract(t).size());
        run("whole classifier", texts, seconds, t -> classifier.classifyText(t, false).entities().size());

        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap used after GC: %d MB (max %d MB)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private static void run(String name, List<String> texts, double seconds, ToIntFunction<String> work) {
        long sink = 0;
        // Warm-up: the JIT, not the code, is what the first second measures.
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            sink += work.applyAsInt(texts.get(i % texts.size()));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            for (String t : texts) {
                sink += work.applyAsInt(t);
            }
            n += texts.size();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%-17s %8.0f passages/s (%8.0f per CPU second), %7.1f us each  [%d]%n", name + ":",
                n / wall, n / cpu, 1e6 * wall / n, sink % 10);
    }
}
