package org.rightstream.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.ingest.chunk.HeadingCategories;
import org.rightstream.ingest.clean.ReportCleaner;
import org.rightstream.ingest.report.TextDecoder;

/** The real sample reports in {@code /seeds}, read from the module directory (surefire's working directory). */
public final class Seeds {
    public static final Path DIR = Path.of("..", "seeds");

    private Seeds() {
    }

    /** All seed files, sorted by name (000..004). */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> seeds = files.filter(Files::isRegularFile).sorted().toList();
            if (seeds.size() < 5) {
                throw new IllegalStateException("expected the five seed reports in " + DIR.toAbsolutePath() + ", found " + seeds);
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed whose file name starts with the given number, e.g. "000". */
    public static Path path(String number) {
        return all().stream().filter(p -> p.getFileName().toString().startsWith(number + "_")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no seed " + number + " in " + DIR.toAbsolutePath()));
    }

    /** The text ingest-service derives ids and offsets from: decoded, then cleaned. */
    public static String cleanedText(byte[] bytes) {
        HeadingCategories headings = new HeadingCategories(Taxonomy.get());
        return new ReportCleaner(headings::isKnownHeading).clean(TextDecoder.decode(bytes), false).text();
    }

    public static byte[] bytes(String number) {
        try {
            return Files.readAllBytes(path(number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
