package org.rightstream.infra;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its state and which ports it uses. Defaults work for
 * {@code ./rightstream up}; every value can be changed with an environment variable.
 */
public record StackConfig(Path home, Path stateDir, int esPort, int kafkaPort, int queryPort, int ingestPort,
                          int classifyPort, int esHeapMb, int kafkaHeapMb, int serviceHeapMb) {

    public static StackConfig fromEnvironment(Path home) {
        return from(home, System.getenv());
    }

    static StackConfig from(Path home, Map<String, String> env) {
        Path root = home.toAbsolutePath().normalize();
        String state = env.get("RIGHTSTREAM_STATE_DIR");
        return new StackConfig(root,
                state == null || state.isBlank() ? root.resolve(".rightstream") : Path.of(state).toAbsolutePath(),
                intEnv(env, "RIGHTSTREAM_ES_PORT", 9200),
                intEnv(env, "RIGHTSTREAM_KAFKA_PORT", 9092),
                intEnv(env, "RIGHTSTREAM_QUERY_PORT", 8080),
                intEnv(env, "RIGHTSTREAM_INGEST_PORT", 8081),
                intEnv(env, "RIGHTSTREAM_CLASSIFY_PORT", 8082),
                intEnv(env, "RIGHTSTREAM_ES_HEAP_MB", 512),
                intEnv(env, "RIGHTSTREAM_KAFKA_HEAP_MB", 384),
                intEnv(env, "RIGHTSTREAM_SERVICE_HEAP_MB", 384));
    }

    private static int intEnv(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LaunchException(name + " must be a number, was '" + value + "'");
        }
    }

    public Path elasticsearchZip() {
        return home.resolve("infra/launcher/target/dist/elasticsearch-" + Versions.ELASTICSEARCH + ".zip");
    }

    public Path kafkaLibDir() {
        return home.resolve("infra/kafka-runtime/target/lib");
    }

    public Path serviceJar(String service) {
        return home.resolve(service + "/target/" + service + "-" + Versions.PROJECT + "-exec.jar");
    }

    public Path inbox() {
        return stateDir.resolve("inbox");
    }

    public Path logsDir() {
        return stateDir.resolve("logs");
    }
}
