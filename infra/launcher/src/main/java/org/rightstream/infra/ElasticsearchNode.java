package org.rightstream.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real single-node Elasticsearch from the integ-test distribution zip, bound to 127.0.0.1.
 *
 * <p>The distribution is unpacked once under {@code distDir} and shared; each node (the local stack,
 * the test node) has its own config, data and logs under {@code nodeDir}. Elasticsearch refuses to
 * run as root, so as root the node runs as the unprivileged user {@value #SERVICE_USER}, created on
 * first use.
 */
public final class ElasticsearchNode {
    static final String SERVICE_USER = "rightstream";
    private static final String MARKER = "org.elasticsearch.bootstrap.Elasticsearch";

    private final Path zip;
    private final Path distDir;
    private final Path nodeDir;
    private final int httpPort;
    private final int heapMb;

    public ElasticsearchNode(Path zip, Path distDir, Path nodeDir, int httpPort, int heapMb) {
        this.zip = zip;
        this.distDir = reachableByServiceUser(distDir.toAbsolutePath().normalize());
        this.nodeDir = reachableByServiceUser(nodeDir.toAbsolutePath().normalize());
        this.httpPort = httpPort;
        this.heapMb = heapMb;
    }

    /**
     * As root, Elasticsearch runs as another user, who cannot reach a folder under a private home
     * (e.g. a clone in /root). Such a folder is replaced by one under /var/tmp named after it, so
     * every launcher run finds the same node again.
     */
    static Path reachableByServiceUser(Path dir) {
        if (!Processes.isRoot() || searchableByOthers(dir.getParent())) {
            return dir;
        }
        String key = org.rightstream.contracts.Ids.sha256Hex(dir.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return Path.of("/var/tmp", "rightstream-" + key, dir.getFileName().toString());
    }

    private static boolean searchableByOthers(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int port() {
        return httpPort;
    }

    Path pidFile() {
        return nodeDir.resolve("run/elasticsearch.pid");
    }

    Path logFile() {
        return nodeDir.resolve("logs/launcher-output.log");
    }

    /** Elasticsearch's own log, named after the cluster. */
    Path serverLog() {
        return nodeDir.resolve("logs/rightstream.log");
    }

    public Optional<ProcessHandle> process() {
        return Processes.ours(pidFile(), MARKER);
    }

    /** Green or yellow cluster health; Elasticsearch's {@code GET /} does not exist in this distribution. */
    public boolean isHealthy() {
        Http.Response r = Http.get(url() + "/_cluster/health");
        return r.ok() && !r.body().contains("\"status\":\"red\"");
    }

    /**
     * Starts the node unless ours is already running (then it is reused). Returns true when this
     * call started it.
     */
    public boolean start(Duration timeout) {
        if (process().isPresent()) {
            waitHealthy(timeout);
            return false;
        }
        if (!Processes.isPortFree(httpPort)) {
            throw new LaunchException("port " + httpPort + " is already in use by a process rightstream did not start"
                    + " (another Elasticsearch?). Stop it, or choose another port with RIGHTSTREAM_ES_PORT.");
        }
        Path home = install();
        configure();
        List<String> command = new ArrayList<>();
        boolean root = Processes.isRoot();
        if (root) {
            ensureServiceUser();
            chown(nodeDir);
            command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        command.addAll(List.of("env", "ES_JAVA_HOME=" + System.getProperty("java.home"),
                "ES_PATH_CONF=" + nodeDir.resolve("config"),
                home.resolve("bin/elasticsearch").toString(), "-d", "-p", pidFile().toString()));
        int exit = Processes.run(command, logFile(), timeout);
        if (exit != 0) {
            throw new LaunchException("Elasticsearch failed to start (exit " + exit + "). Last log lines:\n"
                    + Processes.tail(logFile(), 15) + "\n" + Processes.tail(serverLog(), 15));
        }
        try {
            waitHealthy(timeout);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return true;
    }

    private void waitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isHealthy()) {
                return;
            }
            Processes.sleep(250);
        }
        throw new LaunchException("Elasticsearch did not become healthy on " + url() + " within "
                + timeout.toSeconds() + " s. Last log lines:\n" + Processes.tail(serverLog(), 20));
    }

    public void stop() {
        process().ifPresent(p -> Processes.stop(p, Duration.ofSeconds(30)));
    }

    /** Unpacks the distribution once; returns its home folder. */
    Path install() {
        Path home = distDir.resolve(distributionName());
        if (Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            return home;
        }
        if (!Files.isRegularFile(zip)) {
            throw new LaunchException("Elasticsearch distribution not found at " + zip
                    + ". Build first: mvn -q -DskipTests package");
        }
        Path partial = distDir.resolve(distributionName() + ".partial");
        try {
            deleteRecursively(partial);
            Files.createDirectories(partial);
            unzip(zip, partial);
            try (Stream<Path> bins = Files.list(partial.resolve("bin"))) {
                for (Path bin : bins.toList()) {
                    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new LaunchException("cannot unpack Elasticsearch into " + distDir + ": " + e.getMessage(), e);
        }
    }

    private String distributionName() {
        String name = zip.getFileName().toString();
        return name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    /** Writes this node's config folder: the distribution's defaults plus our settings and heap. */
    void configure() {
        Path home = distDir.resolve(distributionName());
        Path config = nodeDir.resolve("config");
        try {
            Files.createDirectories(nodeDir.resolve("run"));
            Files.createDirectories(nodeDir.resolve("data"));
            Files.createDirectories(nodeDir.resolve("logs"));
            if (!Files.exists(config.resolve("jvm.options"))) {
                copyRecursively(home.resolve("config"), config);
            }
            Files.writeString(config.resolve("elasticsearch.yml"), settings(), StandardCharsets.UTF_8);
            Files.createDirectories(config.resolve("jvm.options.d"));
            Files.writeString(config.resolve("jvm.options.d/heap.options"),
                    "-Xms" + heapMb + "m\n-Xmx" + heapMb + "m\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LaunchException("cannot write Elasticsearch config under " + nodeDir + ": " + e.getMessage(), e);
        }
    }

    String settings() {
        return String.join("\n",
                "# Written by the rightstream launcher on every start; edit ElasticsearchNode instead.",
                "cluster.name: rightstream",
                "node.name: " + nodeDir.getFileName(),
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                // A range, so a test node and the local stack can run side by side.
                "transport.port: 9300-9399",
                "path.data: " + nodeDir.resolve("data"),
                "path.logs: " + nodeDir.resolve("logs"),
                "xpack.security.enabled: false",
                "xpack.ml.enabled: false",
                // A nearly full development disk must not turn indices read-only in the middle of a demo.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: true",
                "");
    }

    private void ensureServiceUser() {
        Path log = logFile();
        if (Processes.run(List.of("id", "-u", SERVICE_USER), log, Duration.ofSeconds(10)) == 0) {
            return;
        }
        int exit = Processes.run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                "--shell", "/usr/sbin/nologin", SERVICE_USER), log, Duration.ofSeconds(30));
        if (exit != 0) {
            throw new LaunchException("Elasticsearch cannot run as root and the user '" + SERVICE_USER
                    + "' could not be created (useradd exit " + exit + "). Create it, or run as a normal user.");
        }
    }

    private void chown(Path dir) {
        int exit = Processes.run(List.of("chown", "-R", SERVICE_USER + ":" + SERVICE_USER, dir.toString()),
                logFile(), Duration.ofSeconds(60));
        if (exit != 0) {
            throw new LaunchException("cannot hand " + dir + " to user " + SERVICE_USER + " (chown exit " + exit + ")");
        }
        int access = Processes.run(List.of("runuser", "-u", SERVICE_USER, "--", "test", "-w", dir.toString()),
                logFile(), Duration.ofSeconds(10));
        if (access != 0) {
            throw new LaunchException("user " + SERVICE_USER + " cannot write " + dir
                    + ". Set RIGHTSTREAM_STATE_DIR to a folder that user can reach, e.g. /var/lib/rightstream.");
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            var entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                // Drop the top folder (elasticsearch-<version>/) and refuse entries escaping the target.
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zf.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path out = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(p, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
