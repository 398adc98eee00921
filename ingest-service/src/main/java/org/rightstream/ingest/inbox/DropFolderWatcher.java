package org.rightstream.ingest.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rightstream.ingest.report.IngestResult;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests files dropped into the inbox. A file is taken once its size has stopped changing between
 * two scans (so half-copied files wait), claimed by an atomic move into {@code processing/} (so two
 * service instances sharing the folder never both take it), and ends in {@code processed/} or in
 * {@code rejected/} with a {@code .reason.txt} beside it.
 */
public final class DropFolderWatcher {
    private static final Logger log = LoggerFactory.getLogger(DropFolderWatcher.class);

    private final Path inbox;
    private final ReportIngestor ingestor;
    private final Map<Path, Long> lastSeenSize = new HashMap<>();

    public DropFolderWatcher(Path inbox, ReportIngestor ingestor) {
        this.inbox = inbox.toAbsolutePath();
        this.ingestor = ingestor;
    }

    public void prepare() throws IOException {
        for (String dir : List.of("", "processing", "processed", "rejected")) {
            Files.createDirectories(inbox.resolve(dir));
        }
        if (!Files.isWritable(inbox)) {
            throw new IOException("drop folder " + inbox + " is not writable");
        }
        // A crash mid-report leaves the file in processing/: put it back so it is ingested again.
        try (Stream<Path> stuck = Files.list(inbox.resolve("processing"))) {
            for (Path p : stuck.toList()) {
                Files.move(p, inbox.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                log.info("requeued {} left in processing/ by an earlier run", p.getFileName());
            }
        }
    }

    /** One scan of the inbox; returns how many files were handled. */
    public synchronized int scan() {
        List<Path> candidates;
        try (Stream<Path> files = Files.list(inbox)) {
            candidates = files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            log.warn("cannot list drop folder {}: {}", inbox, e.getMessage());
            return 0;
        }
        lastSeenSize.keySet().retainAll(candidates);
        int handled = 0;
        for (Path file : candidates) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                continue;
            }
            Long previous = lastSeenSize.put(file, size);
            if (previous == null || previous != size) {
                continue;
            }
            lastSeenSize.remove(file);
            if (handle(file)) {
                handled++;
            }
        }
        return handled;
    }

    private boolean handle(Path file) {
        Path claimed = inbox.resolve("processing").resolve(file.getFileName());
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            log.warn("drop folder {} does not support atomic moves; leaving {}", inbox, file.getFileName());
            return false;
        } catch (IOException e) {
            log.warn("cannot claim {}: {}", file.getFileName(), e.getMessage());
            return false;
        }
        String name = file.getFileName().toString();
        try {
            IngestResult result = ingestor.ingest(ReportUpload.of(name, Files.readAllBytes(claimed)));
            finish(claimed, "processed", null);
            log.info("ingested {} from drop folder: report {}, {} passages", name, result.reportId(), result.chunks());
        } catch (ReportRejectedException e) {
            finish(claimed, "rejected", e.reason() + ": " + e.getMessage());
            log.warn("rejected {} from drop folder: {}", name, e.getMessage());
        } catch (IOException e) {
            finish(claimed, "rejected", "UNREADABLE: " + e.getMessage());
            log.warn("cannot read {}: {}", name, e.getMessage());
        } catch (RuntimeException e) {
            // Kafka down or similar: not the file's fault, so it goes back to the inbox for the next scan.
            try {
                Files.move(claimed, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveBack) {
                log.error("cannot return {} to the inbox: {}", name, moveBack.getMessage());
            }
            log.warn("ingesting {} failed, will retry: {}", name, e.getMessage());
            return false;
        }
        return true;
    }

    private void finish(Path claimed, String folder, String reason) {
        Path target = inbox.resolve(folder).resolve(claimed.getFileName());
        try {
            Files.move(claimed, target, StandardCopyOption.REPLACE_EXISTING);
            if (reason != null) {
                Files.writeString(inbox.resolve(folder).resolve(claimed.getFileName() + ".reason.txt"),
                        reason + System.lineSeparator(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            log.error("cannot move {} to {}/: {}", claimed.getFileName(), folder, e.getMessage());
        }
    }
}
