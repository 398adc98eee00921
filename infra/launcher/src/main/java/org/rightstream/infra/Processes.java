package org.rightstream.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Pid files, port checks and process control for components the launcher starts in the background. */
final class Processes {
    private Processes() {
    }

    static boolean isPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port from {@code start} on that is free, for test nodes that must not collide with a running stack. */
    static int freePortFrom(int start) {
        for (int port = start; port < start + 200; port++) {
            if (isPortFree(port)) {
                return port;
            }
        }
        throw new LaunchException("no free port in " + start + ".." + (start + 199));
    }

    static OptionalLong readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            String text = Files.readString(pidFile).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The live process behind a pid file, but only if its command line still contains {@code marker}:
     * a pid reused by an unrelated process after a reboot must never be stopped by us.
     */
    static Optional<ProcessHandle> ours(Path pidFile, String marker) {
        OptionalLong pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p.pid()).contains(marker));
    }

    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
        }
    }

    /** SIGTERM, then SIGKILL after the grace period; true when the process is gone. */
    static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        long deadline = System.nanoTime() + grace.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            sleep(200);
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            sleep(500);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return !process.isAlive();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }

    /** Runs a short command to completion; returns its exit code, output merged into {@code log}. */
    static int run(List<String> command, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new LaunchException("command timed out after " + timeout.toSeconds() + " s: "
                        + String.join(" ", command) + " (see " + log + ")");
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new LaunchException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || uid() == 0;
    }

    private static long uid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** Last lines of a log file, to show why a component failed without sending the user digging. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
