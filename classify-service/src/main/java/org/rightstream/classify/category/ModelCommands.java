package org.rightstream.classify.category;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.rightstream.contracts.Taxonomy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./rightstream train} and {@code ./rightstream evaluate}: the category model's training and its
 * evaluation, from JSON-lines passage files (see {@code ./rightstream passages}).
 */
@Command(name = "model", mixinStandardHelpOptions = true, subcommands = {ModelCommands.Train.class,
        ModelCommands.Evaluate.class}, description = "Train or evaluate the category model.")
public final class ModelCommands implements Runnable {
    static final Path DEFAULT_DATA = Path.of("classify-service/training/passages");
    static final Path DEFAULT_MODEL = Path.of("classify-service/src/main/resources/" + CategoryModels.BUILT_IN);

    public static void main(String[] args) {
        System.exit(new CommandLine(new ModelCommands()).execute(args));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train the category model on labelled passages and write the model file.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", description = "passage files or folders of *.jsonl (default: ${DEFAULT-VALUE})")
        List<Path> data = List.of(DEFAULT_DATA);

        @Option(names = "--out", description = "model file to write (default: ${DEFAULT-VALUE})")
        Path out = DEFAULT_MODEL;

        @Override
        public Integer call() throws IOException {
            List<Path> files = TrainingSet.files(data);
            TrainingSet set = TrainingSet.read(files, Taxonomy.get());
            System.out.printf("training on %d labelled passages from %d reports (%d files)%n", set.passages().size(),
                    set.reportIds().size(), files.size());
            CategoryTrainer.Trained trained = new CategoryTrainer(Taxonomy.get()).train(set, System.out::println);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                trained.model().write(o);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf("wrote %s (%d KB): modelVersion %s%n", out, Files.size(out) / 1024,
                    trained.model().modelVersion());
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Leave-one-report-out and transfer evaluation; prints per-category precision, recall, F1.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--leave-one-out", split = ",", description = "passage files: each report held out in turn")
        List<Path> leaveOneOut = List.of();

        @Option(names = "--train", split = ",", description = "passage files to train the transfer model on")
        List<Path> train = List.of();

        @Option(names = "--test", split = ",", description = "passage files the transfer model labels")
        List<Path> test = List.of();

        @Option(names = "--verbose", description = "print the model selection of every training run")
        boolean verbose;

        @Override
        public Integer call() throws IOException {
            Taxonomy taxonomy = Taxonomy.get();
            CategoryEvaluation evaluation = new CategoryEvaluation(new CategoryTrainer(taxonomy));
            java.util.function.Consumer<String> progress = verbose ? System.out::println : s -> { };
            if (leaveOneOut.isEmpty() && (train.isEmpty() || test.isEmpty())) {
                System.err.println("nothing to evaluate: give --leave-one-out FILES and/or --train FILES --test FILES");
                return 2;
            }
            if (!leaveOneOut.isEmpty()) {
                TrainingSet set = TrainingSet.read(leaveOneOut, taxonomy);
                System.out.printf("== (a) leave one report out: %d reports, %d labelled passages%n",
                        set.reportIds().size(), set.passages().size());
                CategoryEvaluation.LeaveOneOut result = evaluation.leaveOneReportOut(set, s -> {
                    if (verbose || !s.startsWith(" ")) {
                        System.out.println(s);
                    }
                });
                for (CategoryEvaluation.Rotation r : result.rotations()) {
                    System.out.printf("held out %s: %d passages, accuracy %.3f, macro-F1 %.3f%n", r.heldOutReport(),
                            r.confusion().total(), r.confusion().accuracy(), r.confusion().macroF1());
                }
                System.out.printf("mean macro-F1 over the %d rotations: %.3f%n%n", result.rotations().size(),
                        result.meanMacroF1());
                System.out.println(result.pooled().format("all rotations pooled:"));
            }
            if (!train.isEmpty() && !test.isEmpty()) {
                TrainingSet trainSet = TrainingSet.read(train, taxonomy);
                TrainingSet testSet = TrainingSet.read(test, taxonomy);
                System.out.printf("== (b) transfer: train on %d reports (%d passages), label %d reports (%d passages)%n",
                        trainSet.reportIds().size(), trainSet.passages().size(), testSet.reportIds().size(),
                        testSet.passages().size());
                Confusion c = evaluation.transfer(trainSet, testSet, progress);
                System.out.println(c.format("primary category against the test reports' heading categories:"));
            }
            return 0;
        }
    }
}
