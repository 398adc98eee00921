package org.rightstream.ingest.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.rightstream.ingest.report.IngestResult;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportUpload;

/**
 * Writes the passages ingest would publish for each report as one JSON-lines file of {@code report.chunks}
 * messages, without Kafka. This is how labelled training data for the classifier is made from new reports:
 * the section headings become {@code headingCategory}, the weak label the trainer learns from.
 *
 * <p>The clock is fixed, so the same report always gives byte-identical output and the model version derived
 * from it stays stable. Near-duplicates are exported too (the caller chose the files).
 *
 * <pre>./rightstream passages OUT_DIR FILE|DIR...</pre>
 */
public final class PassageExport {
    static final Instant FIXED_INGEST_TIME = Instant.parse("2000-01-01T00:00:00Z");

    private PassageExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: passages OUT_DIR FILE|DIR...");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<Path> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            inputs.addAll(files(Path.of(args[i])));
        }
        int failed = export(inputs, out);
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Exports every file; returns how many could not be exported (each reported on stderr with the reason). */
    public static int export(List<Path> inputs, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        int failed = 0;
        int n = 0;
        for (Path file : inputs) {
            n++;
            try {
                List<ChunkMessage> passages = passages(file);
                Path target = outDir.resolve(baseName(file) + ".jsonl");
                write(passages, target);
                long labelled = passages.stream().filter(p -> p.headingCategory() != null).count();
                System.out.printf("[%d/%d] %s: %d passages (%d with a heading category) -> %s%n", n, inputs.size(),
                        file, passages.size(), labelled, target);
            } catch (ReportRejectedException | IOException | UncheckedIOException e) {
                failed++;
                System.err.printf("[%d/%d] %s: not exported: %s%n", n, inputs.size(), file, e.getMessage());
            }
        }
        return failed;
    }

    /** The passages of one report exactly as ingest publishes them, with the fixed ingest time. */
    public static List<ChunkMessage> passages(Path file) throws IOException {
        List<ChunkMessage> collected = new ArrayList<>();
        ReportIngestor ingestor = ReportIngestor.standard(180, 250, (id, chunks) -> collected.addAll(chunks),
                Topics.MAX_REPORT_BYTES, Clock.fixed(FIXED_INGEST_TIME, ZoneOffset.UTC));
        IngestResult result = ingestor.ingest(new ReportUpload(file.getFileName().toString(), Files.readAllBytes(file),
                null, null, null, null, null, true));
        if (result.status() != IngestResult.Status.PUBLISHED) {
            throw new ReportRejectedException(ReportRejectedException.Reason.NOT_A_REPORT, result.message());
        }
        return collected;
    }

    public static void write(List<ChunkMessage> passages, Path target) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(target))) {
            for (ChunkMessage m : passages) {
                o.write(RightstreamJson.write(m));
                o.write('\n');
            }
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static List<Path> files(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
                    .toList();
        }
    }
}
