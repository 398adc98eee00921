package org.rightstream.ingest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.registry.InMemoryReportRegistry;
import org.rightstream.ingest.report.IngestResult;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportUpload;

/**
 * Throughput of extraction + cleaning + section chunking (everything ingest does before Kafka),
 * single-threaded, on the files of a folder repeated. Each repetition gets a distinct first line, so
 * every pass is a new report to the duplicate check, as in production.
 *
 * <pre>./rightstream bench-ingest [FOLDER] [REPETITIONS]</pre>
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "seeds");
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<byte[]> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                files.add(Files.readAllBytes(p));
                names.add(p.getFileName().toString());
            }
        }
        AtomicLong chunks = new AtomicLong();
        ReportIngestor ingestor = ReportIngestor.standard(180, 250, (id, messages) -> chunks.addAndGet(messages.size()),
                new InMemoryReportRegistry(), Topics.MAX_REPORT_BYTES, Clock.systemUTC());
        // Warm-up: JIT and Tika's lazy initialisation are not what we measure.
        run(ingestor, files, names, 2, -1);
        chunks.set(0);
        System.gc();
        long bytes = 0;
        long start = System.nanoTime();
        for (int r = 0; r < repetitions; r++) {
            bytes += run(ingestor, files, names, 1, r);
            System.out.printf("  pass %d/%d: %d chunks so far%n", r + 1, repetitions, chunks.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("files: %d x %d passes, %.1f MB of input%n", files.size(), repetitions, bytes / 1e6);
        System.out.printf("time: %.2f s%n", seconds);
        System.out.printf("throughput: %.2f MB/s, %.0f chunks/s, %.1f reports/s%n", bytes / 1e6 / seconds,
                chunks.get() / seconds, files.size() * repetitions / seconds);
        System.out.printf("heap used after run: %d MB (max %d MB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20);
    }

    private static long run(ReportIngestor ingestor, List<byte[]> files, List<String> names, int passes, int pass) {
        long bytes = 0;
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < files.size(); i++) {
                byte[] distinct = distinct(files.get(i), pass < 0 ? -1 - p : pass);
                bytes += distinct.length;
                IngestResult result = ingestor.ingest(new ReportUpload(names.get(i), distinct, null, null, null, null,
                        null, true));
                if (result.chunks() == 0) {
                    throw new IllegalStateException(names.get(i) + " produced no passages");
                }
            }
        }
        return bytes;
    }

    private static byte[] distinct(byte[] file, int pass) {
        byte[] marker = ("Benchmark pass " + pass + "\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[marker.length + file.length];
        System.arraycopy(marker, 0, out, 0, marker.length);
        System.arraycopy(file, 0, out, marker.length, file.length);
        return out;
    }
}
