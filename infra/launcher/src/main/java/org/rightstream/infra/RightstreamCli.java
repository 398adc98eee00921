package org.rightstream.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./rightstream up|down|status|ingest}: the local stack from one command. */
@Command(name = "rightstream", mixinStandardHelpOptions = true,
        description = "Runs the Rightstream pipeline locally on a real Kafka broker and Elasticsearch node.",
        subcommands = {RightstreamCli.Up.class, RightstreamCli.Down.class, RightstreamCli.Status.class,
                RightstreamCli.Ingest.class, RightstreamCli.Bench.class})
public final class RightstreamCli {

    static StackConfig config() {
        return StackConfig.fromEnvironment(Path.of(System.getProperty("rightstream.home", ".")));
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new RightstreamCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof LaunchException) {
                        cmd.getErr().println("rightstream: " + e.getMessage());
                        return 1;
                    }
                    throw e;
                })
                .execute(args);
        System.exit(exit);
    }

    @Command(name = "up", description = "Start Elasticsearch, Kafka and the three services; ingest seeds/; print the URLs.")
    static final class Up implements Callable<Integer> {
        @Option(names = "--no-services", description = "Start only Kafka and Elasticsearch.")
        boolean noServices;
        @Option(names = "--no-seeds", description = "Do not ingest the sample reports in seeds/.")
        boolean noSeeds;

        @Override
        public Integer call() {
            long start = System.nanoTime();
            PrintStream out = System.out;
            StackConfig config = config();
            String apiKey = ApiKeyFile.ensure(config, out);
            Stack stack = new Stack(config, out);
            out.println("Starting Rightstream (state in " + config.stateDir() + ")");
            stack.up(!noServices);
            if (!noServices && !noSeeds) {
                Path seeds = config.home().resolve("seeds");
                if (Files.isDirectory(seeds)) {
                    out.println("Ingesting " + seeds + " ...");
                    ReportUploader uploader = new ReportUploader(stack.service(Stack.INGEST).url(), apiKey, out);
                    List<ReportUploader.Result> results = uploader.upload(List.of(seeds));
                    if (!results.stream().allMatch(ReportUploader.Result::ok)) {
                        throw new LaunchException("some seed reports could not be ingested (see above and"
                                + " ./rightstream logs ingest-service); the stack is left running for inspection");
                    }
                    long expected = results.stream().filter(ReportUploader.Result::ok).mapToLong(ReportUploader.Result::chunks).sum();
                    List<String> reportIds = results.stream().filter(ReportUploader.Result::ok)
                            .map(ReportUploader.Result::reportId).toList();
                    new StackStatus(stack).awaitIndexed(reportIds, expected, Duration.ofSeconds(120), out);
                }
            }
            out.printf("Rightstream is up in %.1f s.%n", (System.nanoTime() - start) / 1e9);
            if (!noServices) {
                out.println("  Dashboard           " + stack.service(Stack.QUERY).url() + "/");
                out.println("  Query API           " + stack.service(Stack.QUERY).url() + "/api/");
                out.println("  Search              " + stack.service(Stack.QUERY).url() + "/api/search?q=torture");
                out.println("  Upload a report     " + stack.service(Stack.INGEST).url() + "/api/reports"
                        + "  (or ./rightstream ingest FILE, or drop it into " + config.inbox() + ")");
            }
            out.println("  Elasticsearch       " + stack.elasticsearch().url());
            out.println("  Kafka               " + stack.kafka().bootstrapServers());
            out.println("Stop everything with ./rightstream down");
            return 0;
        }
    }

    @Command(name = "down", description = "Stop everything that ./rightstream up started.")
    static final class Down implements Callable<Integer> {
        @Override
        public Integer call() {
            new Stack(config(), System.out).down();
            return 0;
        }
    }

    @Command(name = "status", description = "Each component: up/down, port, pid, indexed passages; then per stage:"
            + " passages in/out, dead letters, consumer lag, latency p50/p95.")
    static final class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            return new StackStatus(new Stack(config(), System.out)).print(System.out) ? 0 : 3;
        }
    }

    @Command(name = "ingest", description = "Send report files (or every file in folders) to ingest-service.")
    static final class Ingest implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
        List<Path> paths;

        @Override
        public Integer call() throws IOException {
            Stack stack = new Stack(config(), System.out);
            List<Path> missing = new ArrayList<>();
            for (Path p : paths) {
                if (!Files.exists(p)) {
                    missing.add(p);
                }
            }
            if (!missing.isEmpty()) {
                throw new LaunchException("not found: " + missing);
            }
            List<ReportUploader.Result> results = new ReportUploader(stack.service(Stack.INGEST).url(),
                    ApiKeyFile.read(config()).orElse(null), System.out).upload(paths);
            return results.stream().allMatch(ReportUploader.Result::ok) ? 0 : 2;
        }
    }

    @Command(name = "bench", description = "On the running stack: the whole pipeline (upload to searchable) against"
            + " a raw elasticsearch-java bulk of the same passages, drop-to-searchable latency, lag, CPU and memory.")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--corpus", description = "Folder of .txt/.md reports to copy (default: seeds).")
        Path corpus;
        @Option(names = "--mb", defaultValue = "50", description = "Megabytes of text to send (default: ${DEFAULT-VALUE}).")
        int megabytes;
        @Option(names = "--probes", defaultValue = "20",
                description = "Single reports timed drop-to-searchable on the idle stack (default: ${DEFAULT-VALUE}).")
        int probes;
        @Option(names = "--clients", defaultValue = "2", description = "Concurrent uploads (default: ${DEFAULT-VALUE}).")
        int clients;
        @Option(names = "--keep", description = "Leave the run's passages, alerts and report-list entries in place.")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            StackConfig config = config();
            if (megabytes < 1 || probes < 1 || clients < 1) {
                throw new LaunchException("--mb, --probes and --clients must be at least 1");
            }
            String apiKey = ApiKeyFile.read(config).orElseThrow(() -> new LaunchException(
                    "no API key: start the stack with ./rightstream up (it writes .rightstream/api-key) or set "
                            + ApiKeyFile.ENV));
            new PipelineBenchmark(new Stack(config, System.out), apiKey, new PipelineBenchmark.Options(
                    corpus != null ? corpus : config.home().resolve("seeds"), megabytes, probes, clients, keep),
                    System.out).run();
            return 0;
        }
    }

    static Stream<Path> files(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted().toList().stream();
            }
        }
        return Stream.of(p);
    }
}
