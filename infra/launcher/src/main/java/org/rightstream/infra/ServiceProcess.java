package org.rightstream.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One of the three Spring Boot services, run from its executable jar in the background. */
public final class ServiceProcess {
    private final String name;
    private final Path jar;
    private final Path stateDir;
    private final int port;
    private final int heapMb;
    private final Map<String, String> properties;
    private final Map<String, String> environment;

    public ServiceProcess(String name, Path jar, Path stateDir, int port, int heapMb, Map<String, String> properties) {
        this(name, jar, stateDir, port, heapMb, properties, Map.of());
    }

    /** {@code environment} is for secrets: unlike arguments, a process's environment is not shown by ps. */
    public ServiceProcess(String name, Path jar, Path stateDir, int port, int heapMb, Map<String, String> properties,
                          Map<String, String> environment) {
        this.name = name;
        this.jar = jar;
        this.stateDir = stateDir;
        this.port = port;
        this.heapMb = heapMb;
        this.properties = properties;
        this.environment = environment;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    Path pidFile() {
        return stateDir.resolve("run/" + name + ".pid");
    }

    public Path logFile() {
        return stateDir.resolve("logs/" + name + ".log");
    }

    public Optional<ProcessHandle> process() {
        return Processes.ours(pidFile(), jar.getFileName().toString());
    }

    /** The actuator health status ("UP", "DOWN", ...) or "unreachable". */
    public String health() {
        Http.Response r = Http.get(url() + "/actuator/health");
        if (r.status() < 0) {
            return "unreachable";
        }
        int i = r.body().indexOf("\"status\":\"");
        return i < 0 ? "HTTP " + r.status() : r.body().substring(i + 10, r.body().indexOf('"', i + 10));
    }

    public boolean start(Duration timeout) {
        Optional<ProcessHandle> running = process();
        if (running.isPresent()) {
            waitHealthy(running.get(), timeout);
            return false;
        }
        if (!Files.isRegularFile(jar)) {
            throw new LaunchException(name + " jar not found at " + jar + ". Build first: mvn -q -DskipTests package");
        }
        if (!Processes.isPortFree(port)) {
            throw new LaunchException("port " + port + " for " + name + " is already in use by a process rightstream"
                    + " did not start. Stop it, or choose another port with RIGHTSTREAM_"
                    + name.replace("-service", "").toUpperCase() + "_PORT.");
        }
        List<String> command = new ArrayList<>(List.of("setsid", KafkaBroker.javaBin(), "-Xmx" + heapMb + "m",
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(),
                "--server.port=" + port));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process process;
        try {
            Files.createDirectories(pidFile().getParent());
            Files.createDirectories(logFile().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            process = builder.start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new LaunchException("cannot start " + name + ": " + e.getMessage(), e);
        }
        try {
            waitHealthy(process.toHandle(), timeout);
        } catch (RuntimeException e) {
            // By handle, not by pid file: this process is ours whatever /proc shows at this moment.
            Processes.stop(process.toHandle(), Duration.ofSeconds(40));
            throw e;
        }
        return true;
    }

    /**
     * Waits for UP. Liveness is judged on the handle itself: right after the fork the command line in
     * /proc is still the launcher's, so a check by command line could take a starting service for dead.
     */
    private void waitHealthy(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "unreachable";
        while (System.nanoTime() < deadline) {
            if (!handle.isAlive()) {
                throw new LaunchException(name + " exited during start-up. Last log lines:\n" + Processes.tail(logFile(), 25));
            }
            last = health();
            if ("UP".equals(last)) {
                return;
            }
            Processes.sleep(300);
        }
        throw new LaunchException(name + " did not become healthy within " + timeout.toSeconds() + " s (health: "
                + last + "). Last log lines:\n" + Processes.tail(logFile(), 25));
    }

    public void stop() {
        process().ifPresent(p -> Processes.stop(p, Duration.ofSeconds(40)));
    }
}
