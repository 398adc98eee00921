package org.rightstream.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rightstream.contracts.Topics;

/**
 * {@code ./rightstream bench}: the whole pipeline against the raw Elasticsearch ceiling, in one run on the running
 * stack. (0) One copy of each corpus report goes through the pipeline to warm it up; its indexed passages are the
 * classified passages the ceiling indexes. (1) Drop-to-searchable latency of single reports on the idle stack.
 * (a) The ceiling: the classified passages of the whole corpus (those passages once per copy, each copy under its
 * own ids) bulk-indexed straight into a scratch index with elasticsearch-java. (b) The same corpus uploaded to
 * ingest-service, through classify-service and query-service, timed until every passage is searchable; meanwhile
 * single reports are timed drop-to-searchable again, and consumer lag, CPU and memory of every process are sampled.
 * Prints figures, asserts nothing; removes what it added (passages, alerts, registry entries) unless --keep.
 */
final class PipelineBenchmark {
    /** Settings of one run. */
    record Options(Path corpus, int megabytes, int probes, int uploaders, boolean keep) {
    }

    /** A report the run uploaded. */
    private record Uploaded(String reportId, long chunks, int source, long bytes) {
    }

    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(120);

    private final Stack stack;
    private final Options options;
    private final PrintStream out;
    private final ReportUploader uploader;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String warmUpCountry = "bench-" + run + "-warm-up";
    private final String corpusCountry = "bench-" + run + "-corpus";
    private final String probeCountry = "bench-" + run + "-probe";
    private final List<String> uploadedIds = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger probesSent = new AtomicInteger();

    PipelineBenchmark(Stack stack, String apiKey, Options options, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.out = out;
        this.uploader = new ReportUploader(stack.service(Stack.INGEST).url(), apiKey, out);
    }

    void run() throws Exception {
        requireRunningStack();
        BenchCorpus corpus = BenchCorpus.of(options.corpus());
        int copies = corpus.copiesFor(options.megabytes() * 1_000_000L);
        out.printf(Locale.ROOT, "bench: corpus %s (%d reports, %.2f MB) copied to %d reports, %.1f MB of text; run %s;"
                        + " %d processors shared by Elasticsearch, Kafka, the services and this benchmark%n",
                options.corpus(), corpus.sources().size(), corpus.bytesPerRound() / 1e6, copies,
                copies / corpus.sources().size() * corpus.bytesPerRound() / 1e6, run,
                Runtime.getRuntime().availableProcessors());
        if (!corpus.leftOut().isEmpty()) {
            out.println("  left out (only .txt and .md can be given a first line of their own): " + corpus.leftOut());
        }
        try (BenchIndex index = new BenchIndex(stack.elasticsearch().url());
             Admin admin = stack.kafka().admin();
             StackSampler sampler = new StackSampler(stack, admin).start()) {
            try {
                measure(corpus, copies, index, sampler);
            } finally {
                if (options.keep()) {
                    out.println("--keep: the run's passages stay in the index (countries " + warmUpCountry + ", "
                            + corpusCountry + ", " + probeCountry + ")");
                } else {
                    cleanUp(index, sampler);
                }
            }
        }
    }

    private void measure(BenchCorpus corpus, int copies, BenchIndex index, StackSampler sampler) throws Exception {
        out.println("(0) warm-up: one copy of each report through the pipeline");
        Map<Integer, Uploaded> warmUp = new LinkedHashMap<>();
        for (int i = 0; i < corpus.sources().size(); i++) {
            warmUp.put(i, upload(corpus.copy(run + "-warm-up", i), warmUpCountry));
        }
        long warmPassages = warmUp.values().stream().mapToLong(Uploaded::chunks).sum();
        awaitSearchable(index, warmUpCountry, warmPassages);
        Map<String, Integer> sourceOfReport = new HashMap<>();
        warmUp.forEach((source, u) -> sourceOfReport.put(u.reportId(), source));
        Map<Integer, List<ObjectNode>> passagesBySource = new HashMap<>();
        for (ObjectNode doc : index.documents(Set.of(warmUpCountry))) {
            passagesBySource.computeIfAbsent(sourceOfReport.get(doc.path("reportId").asText()), k -> new ArrayList<>())
                    .add(doc);
        }
        out.printf(Locale.ROOT, "  %d reports, %,d passages searchable%n", warmUp.size(), warmPassages);

        awaitIdle(sampler);
        out.printf("(1) drop-to-searchable, idle stack: %d single reports, one after the other%n", options.probes());
        List<Double> idle = new ArrayList<>();
        for (int i = 0; i < options.probes(); i++) {
            idle.add(probe(corpus, index));
        }
        out.println("  " + latencies(idle));

        awaitIdle(sampler);
        List<List<ObjectNode>> ceilingCopies = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) {
            ceilingCopies.add(passagesBySource.getOrDefault(i % corpus.sources().size(), List.of()));
        }
        long corpusBytes = 0;
        for (int i = 0; i < copies; i++) {
            corpusBytes += corpus.sources().get(i % corpus.sources().size()).text().length;
        }
        String scratch = "bench-ceiling-" + run;
        index.createScratchIndex(scratch);
        out.printf(Locale.ROOT, "(a) raw ceiling: %,d passages bulk-indexed by elasticsearch-java into %s (bulks of %d,"
                + " one in flight)%n", ceilingCopies.stream().mapToLong(List::size).sum(), scratch, BenchIndex.BULK_OPERATIONS);
        double rawFrom = sampler.now();
        BenchIndex.RawResult raw;
        try {
            AtomicReference<Long> lastPrint = new AtomicReference<>(System.nanoTime());
            raw = index.rawBulk(scratch, ceilingCopies, done -> {
                if (System.nanoTime() - lastPrint.get() > 5_000_000_000L) {
                    lastPrint.set(System.nanoTime());
                    out.printf(Locale.ROOT, "  %,d acknowledged%n", done);
                }
            });
        } finally {
            index.deleteIndex(scratch);
        }
        double rawTo = sampler.now();
        out.printf(Locale.ROOT, "  %,d passages in %.1f s%n", raw.documents(), raw.seconds());

        awaitIdle(sampler);
        out.printf(Locale.ROOT, "(b) whole pipeline: %d reports uploaded by %d clients to ingest-service, until every"
                + " passage is searchable; a single report timed drop-to-searchable every few seconds meanwhile%n",
                copies, options.uploaders());
        Pipeline pipeline = pipeline(corpus, copies, index, sampler);

        double rawRate = raw.documents() / raw.seconds();
        double pipelineRate = pipeline.passages / pipeline.seconds;
        out.println();
        out.println("RESULTS (run " + run + ")");
        out.printf(Locale.ROOT, "  (a) raw ceiling        %,8.0f passages/s  %6.2f MB/s   (%,d passages in %.1f s)%n",
                rawRate, corpusBytes / 1e6 / raw.seconds(), raw.documents(), raw.seconds());
        out.printf(Locale.ROOT, "  (b) whole pipeline     %,8.0f passages/s  %6.2f MB/s   (%,d passages, %d reports, %.1f MB,"
                        + " in %.1f s)%n", pipelineRate, pipeline.bytes / 1e6 / pipeline.seconds, pipeline.passages,
                copies, pipeline.bytes / 1e6, pipeline.seconds);
        out.printf(Locale.ROOT, "  ratio (b)/(a)          %.2f   (target >= 0.7)%n", pipelineRate / rawRate);
        out.println("  drop-to-searchable, idle stack:    " + latencies(idle) + "   (target p95 < 2 s)");
        out.println("  drop-to-searchable, while (b) ran: " + latencies(pipeline.streamingProbes));
        out.println();
        out.println("Consumer lag during (b), messages behind per consumer group (sampled each second):");
        printLag(sampler, pipeline);
        out.println();
        out.println("CPU (cores, mean) and memory per process:");
        printUsage(sampler.usage(rawFrom, rawTo), sampler.usage(pipeline.from, pipeline.to));
    }

    /** What (b) measured. */
    private static final class Pipeline {
        double from;
        double to;
        double seconds;
        long passages;
        long bytes;
        final List<Double> streamingProbes = Collections.synchronizedList(new ArrayList<>());
        final Map<Double, Long> searchableAt = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<Double, Integer> uploadedAt = Collections.synchronizedMap(new LinkedHashMap<>());
    }

    private Pipeline pipeline(BenchCorpus corpus, int copies, BenchIndex index, StackSampler sampler) throws Exception {
        Pipeline p = new Pipeline();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger uploaded = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        List<Uploaded> corpusReports = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(options.uploaders() + 1);
        long start = System.nanoTime();
        p.from = sampler.now();
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (int c = 0; c < options.uploaders(); c++) {
                uploads.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < copies && !done.get(); i = next.getAndIncrement()) {
                        corpusReports.add(upload(corpus.copy(run + "-corpus", i), corpusCountry));
                        uploaded.incrementAndGet();
                    }
                    return null;
                }));
            }
            Future<?> probes = clients.submit(() -> {
                while (!done.get()) {
                    double seconds = probe(corpus, index);
                    if (!done.get()) {
                        p.streamingProbes.add(seconds);
                    }
                    sleepUnless(done, 2_000);
                }
                return null;
            });
            long lastPrint = 0;
            long deadline = start + PIPELINE_TIMEOUT.toNanos();
            while (true) {
                boolean allUploaded = uploads.stream().allMatch(Future::isDone);
                for (Future<?> f : uploads) {
                    if (f.isDone()) {
                        f.get(); // an upload that failed ends the run here, with its reason
                    }
                }
                long searchable = index.searchable(Set.of(corpusCountry));
                double t = sampler.now() - p.from;
                p.searchableAt.put(t, searchable);
                p.uploadedAt.put(t, uploaded.get());
                long expected = corpusReports.stream().mapToLong(Uploaded::chunks).sum();
                if (allUploaded && searchable >= expected) {
                    p.seconds = (System.nanoTime() - start) / 1e9;
                    p.to = sampler.now();
                    p.passages = expected;
                    p.bytes = corpusReports.stream().mapToLong(Uploaded::bytes).sum();
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new LaunchException("after " + PIPELINE_TIMEOUT.toMinutes() + " min only " + searchable + " of "
                            + expected + " passages are searchable; see ./rightstream status and the services' logs");
                }
                if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                    lastPrint = System.nanoTime();
                    out.printf(Locale.ROOT, "  %4.0f s: %d/%d reports uploaded, %,d passages searchable%s%n", t,
                            uploaded.get(), copies, searchable, lagText(sampler.latest()));
                }
                Thread.sleep(250);
            }
            done.set(true);
            probes.get();
        } finally {
            done.set(true);
            clients.shutdownNow();
        }
        return p;
    }

    private Uploaded upload(BenchCorpus.Copy copy, String country) {
        ReportUploader.Result r = uploader.upload(Path.of(copy.name()), copy.content(),
                "?allowDuplicate=true&country=" + URLEncoder.encode(country, StandardCharsets.UTF_8));
        if (!r.ok()) {
            throw new LaunchException("ingest-service refused " + copy.name() + ": " + r.status() + " " + r.message());
        }
        uploadedIds.add(r.reportId());
        return new Uploaded(r.reportId(), r.chunks(), copy.source(), copy.content().length);
    }

    /** Seconds from the upload's start until all of one new report's passages are searchable. */
    private double probe(BenchCorpus corpus, BenchIndex index) throws Exception {
        BenchCorpus.Copy copy = corpus.copy(run + "-probe", probesSent.getAndIncrement());
        long start = System.nanoTime();
        Uploaded u = upload(copy, probeCountry);
        long deadline = start + PROBE_TIMEOUT.toNanos();
        while (index.searchableOf(u.reportId()) < u.chunks()) {
            if (System.nanoTime() > deadline) {
                throw new LaunchException("report " + u.reportId() + " was not searchable within "
                        + PROBE_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void awaitSearchable(BenchIndex index, String country, long expected) throws Exception {
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        long searchable;
        while ((searchable = index.searchable(Set.of(country))) < expected) {
            if (System.nanoTime() > deadline) {
                throw new LaunchException("only " + searchable + " of " + expected + " warm-up passages searchable after "
                        + PROBE_TIMEOUT.toSeconds() + " s; see ./rightstream status");
            }
            Thread.sleep(200);
        }
    }

    /** Until every stage has caught up (two samples in a row without lag), so one phase does not run into the next. */
    private void awaitIdle(StackSampler sampler) throws InterruptedException {
        long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            boolean caughtUp = sampler.latest().map(s -> !s.lags().isEmpty()
                    && s.lags().values().stream().allMatch(l -> l == 0)).orElse(false);
            quiet = caughtUp ? quiet + 1 : 0;
        }
    }

    private void requireRunningStack() {
        List<String> down = new ArrayList<>();
        if (!stack.elasticsearch().isHealthy()) {
            down.add("elasticsearch");
        }
        if (!stack.kafka().isHealthy()) {
            down.add("kafka");
        }
        for (ServiceProcess s : stack.services()) {
            if (!"UP".equals(s.health())) {
                down.add(s.name());
            }
        }
        if (!down.isEmpty()) {
            throw new LaunchException("bench needs the running stack; not up: " + down + " (./rightstream up)");
        }
    }

    private void cleanUp(BenchIndex index, StackSampler sampler) {
        try {
            awaitIdle(sampler); // the alerting consumer has then read every passage: no alert appears after this
            List<String> ids = List.copyOf(uploadedIds);
            long[] removed = index.remove(List.of(warmUpCountry, corpusCountry, probeCountry), ids);
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
                for (String id : ids) {
                    producer.send(new ProducerRecord<>(Topics.REPORTS_REGISTRY, id, null));
                }
                producer.flush();
            }
            out.printf(Locale.ROOT, "removed the run's %,d passages, %,d alerts, %,d notifications and %,d report-list"
                    + " entries (--keep leaves them)%n", removed[0], removed[1], removed[2], ids.size());
        } catch (Exception e) {
            out.println("could not remove everything the run added (" + e.getMessage() + "); its passages have the"
                    + " countries " + warmUpCountry + ", " + corpusCountry + " and " + probeCountry);
        }
    }

    private static String lagText(java.util.Optional<StackSampler.Sample> sample) {
        if (sample.isEmpty() || sample.get().lags().isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("; behind:");
        for (StageTable.Stage stage : StageTable.STAGES) {
            s.append(' ').append(stage.name()).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", sample.get().lags().getOrDefault(stage.group().id(), 0L)));
        }
        return s.toString();
    }

    private void printLag(StackSampler sampler, Pipeline p) {
        List<StackSampler.Sample> window = sampler.samples().stream()
                .filter(s -> s.seconds() >= p.from && s.seconds() <= p.to + 1).toList();
        int every = Math.max(1, window.size() / 20);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %6s %9s %11s", "t (s)", "uploaded",
                "searchable"));
        StageTable.STAGES.forEach(s -> header.append(String.format(Locale.ROOT, " %10s", s.name())));
        out.println(header);
        for (int i = 0; i < window.size(); i += every) {
            StackSampler.Sample s = window.get(i);
            double t = s.seconds() - p.from;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %6.0f %9s %11s", t,
                    nearest(p.uploadedAt, t), nearest(p.searchableAt, t)));
            for (StageTable.Stage stage : StageTable.STAGES) {
                Long lag = s.lags().get(stage.group().id());
                row.append(String.format(Locale.ROOT, " %10s", lag == null ? "?" : String.format(Locale.ROOT, "%,d", lag)));
            }
            out.println(row);
        }
    }

    /** The value recorded closest before {@code t}. */
    private static String nearest(Map<Double, ? extends Number> byTime, double t) {
        Number value = null;
        synchronized (byTime) {
            for (Map.Entry<Double, ? extends Number> e : byTime.entrySet()) {
                if (e.getKey() <= t + 0.5) {
                    value = e.getValue();
                }
            }
        }
        return value == null ? "-" : String.format(Locale.ROOT, "%,d", value.longValue());
    }

    private void printUsage(List<StackSampler.Usage> raw, List<StackSampler.Usage> pipeline) {
        out.printf(Locale.ROOT, "  %-22s %10s %10s %14s %14s%n", "PROCESS", "CPU (a)", "CPU (b)", "HEAP PEAK (b)",
                "RSS PEAK (b)");
        Map<String, StackSampler.Usage> rawByName = new HashMap<>();
        raw.forEach(u -> rawByName.put(u.process(), u));
        for (StackSampler.Usage u : pipeline) {
            StackSampler.Usage r = rawByName.get(u.process());
            out.printf(Locale.ROOT, "  %-22s %10s %10s %14s %14s%n", u.process(),
                    r == null ? "-" : cores(r.cores()), cores(u.cores()),
                    Double.isNaN(u.peakHeapBytes()) ? "-" : megabytes(u.peakHeapBytes()), megabytes(u.peakRssBytes()));
        }
    }

    private static String cores(double c) {
        return Double.isNaN(c) ? "-" : String.format(Locale.ROOT, "%.2f", c);
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    /** "p50 0.84 s, p95 1.31 s, max 1.52 s (20 reports)". */
    static String latencies(List<Double> seconds) {
        if (seconds.isEmpty()) {
            return "no reports timed";
        }
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.2f s, p95 %.2f s, max %.2f s (%d reports)", percentile(sorted, 50),
                percentile(sorted, 95), sorted.get(sorted.size() - 1), sorted.size());
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    private static void sleepUnless(AtomicBoolean done, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (!done.get() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
    }
}
