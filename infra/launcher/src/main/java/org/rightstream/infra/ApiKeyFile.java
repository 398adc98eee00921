package org.rightstream.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The API key of the local stack: writes (uploads, watchlist changes, acknowledgements) need it. Taken from
 * {@code RIGHTSTREAM_API_KEY} when set, else from {@code <state>/api-key}; {@code up} generates one the first
 * time (256 random bits), keeps it there readable by the owner only, and prints it once.
 */
final class ApiKeyFile {
    static final String ENV = "RIGHTSTREAM_API_KEY";

    private ApiKeyFile() {
    }

    static Path file(StackConfig config) {
        return config.stateDir().resolve("api-key");
    }

    static Optional<String> read(StackConfig config) {
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.strip());
        }
        try {
            Path file = file(config);
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()).filter(k -> !k.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new LaunchException("cannot read the API key at " + file(config) + ": " + e.getMessage(), e);
        }
    }

    static String ensure(StackConfig config, PrintStream out) {
        Optional<String> existing = read(config);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path file = file(config);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + "\n");
        } catch (IOException e) {
            throw new LaunchException("cannot store the API key at " + file + ": " + e.getMessage(), e);
        }
        out.println("Generated the API key that writes need (uploads, watchlist, acknowledgements); it is shown");
        out.println("this once and kept in " + file + ":");
        out.println("  " + key);
        out.println("  e.g. curl -H 'X-Api-Key: " + key + "' -F file=@report.pdf http://127.0.0.1:"
                + config.ingestPort() + "/api/reports");
        return key;
    }
}
