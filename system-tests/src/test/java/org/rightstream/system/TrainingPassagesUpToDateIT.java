package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightstream.infra.StackConfig;

/**
 * The classifier's committed training passages are what ingest makes of the seed reports today. When cleaning or
 * chunking changes, this fails: export them again, retrain, and commit both (the message says how), so the model
 * never learns from passages the product no longer produces.
 */
class TrainingPassagesUpToDateIT {

    @Test
    void committedTrainingPassagesEqualWhatIngestProducesNow(@TempDir Path out) throws Exception {
        Path home = Path.of(System.getProperty("rightstream.home", "..")).toAbsolutePath().normalize();
        Path committed = home.resolve("classify-service/training/passages");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m",
                "-Dloader.main=org.rightstream.ingest.export.PassageExport",
                "-cp", StackConfig.fromEnvironment(home).serviceJar("ingest-service").toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", out.toString()));
        List<Path> files;
        try (Stream<Path> s = Files.list(committed)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String base = f.getFileName().toString().replaceFirst("\\.jsonl$", "");
            try (Stream<Path> seeds = Files.list(home.resolve("seeds"))) {
                command.add(seeds.filter(p -> p.getFileName().toString().startsWith(base + ".")).findFirst()
                        .orElseThrow(() -> new AssertionError("no seed report for training file " + f)).toString());
            }
        }
        Process export = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(export.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = new String(export.getInputStream().readAllBytes());
        assertThat(export.exitValue()).as(log).isZero();

        for (Path f : files) {
            assertThat(Files.readString(out.resolve(f.getFileName())))
                    .as("%s is stale: run ./rightstream passages classify-service/training/passages <its seed> and"
                            + " ./rightstream train, and commit both", f)
                    .isEqualTo(Files.readString(f));
        }
    }
}
