package org.rightstream.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;

/**
 * Samples the running stack once a second while the benchmark runs: each stage's consumer lag (from the broker),
 * and per process its CPU time and resident memory (from {@code /proc}), and for the services their heap in use (from
 * {@code /actuator/metrics}, every fifth second). Linux only for CPU and memory; elsewhere those columns stay empty.
 */
final class StackSampler implements AutoCloseable {
    /** One reading, {@code seconds} after the sampler started. Maps are keyed by process or consumer group. */
    record Sample(double seconds, Map<String, Long> lags, Map<String, Long> cpuTicks, Map<String, Long> rssBytes,
                  Map<String, Double> heapBytes) {
    }

    /** What one process used between two samples. */
    record Usage(String process, double cores, long peakRssBytes, double peakHeapBytes) {
    }

    private final Map<String, Optional<ProcessHandle>> processes = new LinkedHashMap<>();
    private final Map<String, String> serviceUrls = new LinkedHashMap<>();
    private final Admin admin;
    private final List<ConsumerLag.Group> groups;
    /** USER_HZ, the unit of /proc/PID/stat times: fixed at 100 for user space on x86 and ARM Linux. */
    private final long ticksPerSecond = 100;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stack-sampler");
        t.setDaemon(true);
        return t;
    });
    private final long start = System.nanoTime();
    private int samplesTaken;
    /** The value in an actuator metric answer: {@code "measurements":[{"statistic":"VALUE","value":5.97E7}]}. */
    private static final Pattern MEASURED_VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

    StackSampler(Stack stack, Admin admin) {
        this.admin = admin;
        this.groups = StageTable.STAGES.stream().map(StageTable.Stage::group).toList();
        processes.put("elasticsearch", stack.elasticsearch().process());
        processes.put("kafka", stack.kafka().process());
        for (ServiceProcess s : stack.services()) {
            processes.put(s.name(), s.process());
            serviceUrls.put(s.name(), s.url());
        }
        // The benchmark's own client work (uploads, the raw bulk's serialisation) shares the cores too.
        processes.put("bench (this process)", Optional.of(ProcessHandle.current()));
    }

    StackSampler start() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    private void sample() {
        double seconds = (System.nanoTime() - start) / 1e9;
        // Heap every fifth second, from the one metric rather than the whole Prometheus page: scraping everything
        // each second cost the services a tenth of their CPU, which would have been charged to the pipeline.
        boolean withHeap = samplesTaken++ % 5 == 0;
        Map<String, CompletableFuture<Http.Response>> heapAnswers = new LinkedHashMap<>();
        if (withHeap) {
            serviceUrls.forEach((name, url) -> heapAnswers.put(name, Http.getAsync(url
                    + "/actuator/metrics/jvm.memory.used?tag=area:heap", Duration.ofSeconds(2))));
        }
        Map<String, Long> lags;
        try {
            lags = ConsumerLag.of(admin, groups, Duration.ofSeconds(2));
        } catch (Exception e) {
            lags = Map.of(); // unknown this second
        }
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        processes.forEach((name, handle) -> handle.filter(ProcessHandle::isAlive).ifPresent(h -> {
            try {
                ticks.put(name, cpuTicks(Files.readString(Path.of("/proc/" + h.pid() + "/stat"))));
                rss.put(name, rssBytes(Files.readString(Path.of("/proc/" + h.pid() + "/status"))));
            } catch (Exception e) {
                // not Linux, or the process just ended: left out of this sample
            }
        }));
        Map<String, Double> heap = new LinkedHashMap<>();
        heapAnswers.forEach((name, f) -> {
            Http.Response r = f.join();
            Matcher m = MEASURED_VALUE.matcher(r.body());
            if (r.ok() && m.find()) {
                heap.put(name, Double.parseDouble(m.group(1)));
            }
        });
        synchronized (samples) {
            samples.add(new Sample(seconds, lags, ticks, rss, heap));
        }
    }

    /** The samples taken so far, oldest first. */
    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The latest sample, if any. */
    Optional<Sample> latest() {
        synchronized (samples) {
            return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
        }
    }

    /** Seconds since the sampler started, on the clock its samples use. */
    double now() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** CPU (in cores, averaged) and peak memory of each process between {@code from} and {@code to} seconds. */
    List<Usage> usage(double from, double to) {
        List<Sample> window = samples().stream().filter(s -> s.seconds() >= from && s.seconds() <= to).toList();
        List<Usage> usage = new ArrayList<>();
        if (window.size() < 2) {
            return usage;
        }
        Sample first = window.get(0);
        Sample last = window.get(window.size() - 1);
        double elapsed = last.seconds() - first.seconds();
        for (String name : processes.keySet()) {
            Long a = first.cpuTicks().get(name);
            Long b = last.cpuTicks().get(name);
            double cores = a == null || b == null ? Double.NaN : (b - a) / (double) ticksPerSecond / elapsed;
            long rss = window.stream().mapToLong(s -> s.rssBytes().getOrDefault(name, 0L)).max().orElse(0);
            double heap = window.stream().mapToDouble(s -> s.heapBytes().getOrDefault(name, Double.NaN))
                    .filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
            usage.add(new Usage(name, cores, rss, heap));
        }
        return usage;
    }

    /** utime + stime (fields 14 and 15) of a {@code /proc/PID/stat} line; the command name may hold spaces. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** VmRSS of a {@code /proc/PID/status} text, in bytes (0 when absent). */
    static long rssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
