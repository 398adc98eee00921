package org.rightstream.query.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time used by the processes of the stack (Elasticsearch, query-service) and by this benchmark, read from
 * {@code /proc/PID/stat} (user + system time of all threads), so that a run can state the CPU a search costs
 * and not only its latency, which on a shared machine also depends on everything else running.
 * Linux only; elsewhere, or when a pid file is missing, a process is left out.
 */
final class ProcessCpu {
    private final Map<String, Long> pids;
    private final long ticksPerSecond;

    private ProcessCpu(Map<String, Long> pids, long ticksPerSecond) {
        this.pids = pids;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** The stack's processes from the pid files under the state directory ({@code RIGHTSTREAM_STATE_DIR}), and this one. */
    static ProcessCpu ofStack(Path stateDir) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pid(stateDir.resolve("elasticsearch/run/elasticsearch.pid")).ifPresent(p -> pids.put("Elasticsearch", p));
        pid(stateDir.resolve("run/query-service.pid")).ifPresent(p -> pids.put("query-service", p));
        pids.put("client", ProcessHandle.current().pid());
        return new ProcessCpu(pids, ticksPerSecond());
    }

    private static java.util.Optional<Long> pid(Path file) {
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return Files.exists(Path.of("/proc/" + pid + "/stat")) ? java.util.Optional.of(pid) : java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (Exception | Error e) {
            return 100; // the Linux default
        }
    }

    /** CPU seconds used so far, per process name; a process that cannot be read is left out. */
    Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                seconds.put(name, (double) ticks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / ticksPerSecond);
            } catch (Exception e) {
                // gone or not Linux: left out
            }
        });
        return seconds;
    }

    /** utime + stime (fields 14 and 15) of a {@code /proc/PID/stat} line; the command name may contain spaces. */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** "Elasticsearch 3.1 ms, query-service 2.0 ms, client 0.9 ms" per request between two readings. */
    static String perRequest(Map<String, Double> before, Map<String, Double> after, int requests) {
        if (requests == 0) {
            return "no requests";
        }
        List<String> parts = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            Double b = before.get(e.getKey());
            if (b != null) {
                double ms = (e.getValue() - b) * 1000 / requests;
                total += ms;
                parts.add(String.format(java.util.Locale.ROOT, "%s %.1f ms", e.getKey(), ms));
            }
        }
        return String.format(java.util.Locale.ROOT, "%.1f ms (%s)", total, String.join(", ", parts));
    }
}
