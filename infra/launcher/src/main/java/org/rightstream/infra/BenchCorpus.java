package org.rightstream.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end benchmark's corpus: the plain-text reports of a folder, copied round after round until the copies
 * hold the wanted amount of text. Each copy starts with a line of its own, so ingest gives it its own report id,
 * passage ids and content hash (it is a new report, not a duplicate of the last). Only formats where a first line
 * can be added without re-encoding the file are used (plain text and markdown); other files are left out and named.
 */
final class BenchCorpus {
    /** One report of the folder. */
    record Source(String name, byte[] text) {
    }

    /** One copy: the source it comes from (by position) and the bytes sent. */
    record Copy(int source, String name, byte[] content) {
    }

    private final List<Source> sources;
    private final List<String> leftOut;

    private BenchCorpus(List<Source> sources, List<String> leftOut) {
        this.sources = sources;
        this.leftOut = leftOut;
    }

    static BenchCorpus of(Path folder) {
        List<Source> sources = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        try {
            for (Path f : RightstreamCli.files(folder).toList()) {
                String name = f.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".txt") || lower.endsWith(".md")) {
                    byte[] text = Files.readAllBytes(f);
                    if (text.length > 0) {
                        sources.add(new Source(name, text));
                        continue;
                    }
                }
                leftOut.add(name);
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read the corpus folder " + folder + ": " + e.getMessage(), e);
        }
        if (sources.isEmpty()) {
            throw new LaunchException(folder + " holds no non-empty .txt or .md report to copy for the benchmark");
        }
        return new BenchCorpus(List.copyOf(sources), List.copyOf(leftOut));
    }

    List<Source> sources() {
        return sources;
    }

    List<String> leftOut() {
        return leftOut;
    }

    long bytesPerRound() {
        return sources.stream().mapToLong(s -> s.text().length).sum();
    }

    /** How many copies hold at least {@code bytes} of text: whole rounds over the sources, at least one. */
    int copiesFor(long bytes) {
        long rounds = Math.max(1, (bytes + bytesPerRound() - 1) / bytesPerRound());
        return Math.toIntExact(rounds * sources.size());
    }

    /** Copy number {@code index} of the run {@code label}: the sources in turn, each with its own first line. */
    Copy copy(String label, int index) {
        int source = index % sources.size();
        Source s = sources.get(source);
        byte[] head = ("Rightstream benchmark " + label + " copy " + index + "\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + s.text().length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(s.text(), 0, content, head.length, s.text().length);
        return new Copy(source, label + "-" + index + "-" + s.name(), content);
    }
}
