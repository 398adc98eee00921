package org.rightstream.classify.replay;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.rightstream.classify.ClassifyConfiguration;
import org.rightstream.classify.ClassifyProperties;
import org.rightstream.classify.PassageClassifier;
import org.slf4j.LoggerFactory;

/**
 * Reclassifies every passage in {@code report.chunks} with the classifier this build ships, e.g. after a
 * new model version. Runs from the classify-service exec jar without starting Spring:
 *
 * <pre>./rightstream reclassify [--bootstrap-servers HOST:PORT] [--timeout SECONDS]</pre>
 *
 * Exit code 0 when every record was acknowledged (dead-lettered passages included), 1 when Kafka could
 * not be reached or a produce failed, 2 for a usage error.
 */
public final class ReclassifyCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: reclassify [--bootstrap-servers HOST:PORT[,HOST:PORT...]] [--timeout SECONDS]
              Classifies every passage of report.chunks again with this build's classifier, up to the end
              offsets seen at start, and publishes the results to report.chunks.classified (invalid
              passages to report.chunks.dlq). Uses no consumer group: the running classify-service is untouched.
              --bootstrap-servers  Kafka to read from and write to (default %s)
              --timeout            seconds to wait for Kafka before giving up (default %d)
              --model              category model file from ./rightstream train (default: the one built in)
            """.formatted(ChunkReplayer.Settings.DEFAULT_BOOTSTRAP_SERVERS,
            ChunkReplayer.Settings.DEFAULT_KAFKA_TIMEOUT.toSeconds());

    private ReclassifyCommand() {
    }

    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String bootstrapServers = ChunkReplayer.Settings.DEFAULT_BOOTSTRAP_SERVERS;
        Duration timeout = ChunkReplayer.Settings.DEFAULT_KAFKA_TIMEOUT;
        java.nio.file.Path modelFile = null;
        // A later occurrence wins, so the ./rightstream script can pass its default first.
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "-h", "--help" -> {
                    out.print(USAGE_TEXT);
                    return OK;
                }
                case "--bootstrap-servers", "--timeout", "--model" -> {
                    String value = inline != null ? inline : (i + 1 < args.length ? args[++i] : null);
                    if (value == null || value.isBlank()) {
                        return usage(err, name + " needs a value");
                    }
                    if (name.equals("--model")) {
                        modelFile = java.nio.file.Path.of(value.trim());
                    } else if (name.equals("--bootstrap-servers")) {
                        bootstrapServers = value.trim();
                    } else {
                        try {
                            timeout = Duration.ofSeconds(Long.parseLong(value.trim()));
                        } catch (NumberFormatException e) {
                            return usage(err, "--timeout takes whole seconds, not '" + value + "'");
                        }
                        if (timeout.isNegative() || timeout.isZero()) {
                            return usage(err, "--timeout must be at least 1 second");
                        }
                    }
                }
                default -> {
                    return usage(err, "unknown argument '" + arg + "'");
                }
            }
        }

        ChunkReplayer.Settings defaults = ChunkReplayer.Settings.defaults(bootstrapServers);
        ChunkReplayer.Settings settings = new ChunkReplayer.Settings(bootstrapServers, timeout,
                defaults.progressEvery(), defaults.progressPeriod());
        PassageClassifier classifier;
        try {
            classifier = ClassifyConfiguration.newClassifier(
                    new ClassifyProperties(modelFile, ClassifyProperties.DEFAULT_SECONDARY_THRESHOLD));
        } catch (RuntimeException e) {
            err.println("reclassify: failed: could not load the classifier: " + e);
            return FAILED;
        }
        try {
            ChunkReplayer.Result result = new ChunkReplayer(classifier, settings, printer(out, bootstrapServers)).run();
            out.printf(Locale.ROOT, "reclassify: done: replayed=%d dead-lettered=%d modelVersion=%s seconds=%.1f%n",
                    result.replayed(), result.deadLettered(), result.modelVersion(), result.seconds());
            return OK;
        } catch (ReplayFailedException e) {
            err.println("reclassify: failed: " + e.getMessage());
            err.println("reclassify: labels published so far are valid; running it again is safe.");
            return FAILED;
        }
    }

    private static ChunkReplayer.Listener printer(PrintStream out, String bootstrapServers) {
        return new ChunkReplayer.Listener() {
            @Override
            public void started(ChunkReplayer.Plan plan, String modelVersion) {
                out.printf(Locale.ROOT, "reclassify: %d records in report.chunks (end offsets %s) from %s, model %s%n",
                        plan.total(), plan.endOffsets(), bootstrapServers, modelVersion);
            }

            @Override
            public void progress(ChunkReplayer.Progress p) {
                out.printf(Locale.ROOT, "reclassify: %d/%d records (%d%%), %.0f records/s, %d dead-lettered%n",
                        p.done(), p.total(), p.total() == 0 ? 100 : p.done() * 100 / p.total(), p.perSecond(),
                        p.deadLettered());
            }
        };
    }

    private static int usage(PrintStream err, String problem) {
        err.println("reclassify: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    /**
     * Outside Spring nothing configures Logback, whose default is DEBUG for everything (the Kafka clients
     * would print their whole configuration). The command prints its own progress; logs are for problems.
     * The Kafka clients warn on every reconnect attempt; the command reports an unreachable Kafka itself.
     */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("org.apache.kafka").setLevel(Level.ERROR);
        }
    }
}
