package org.rightstream.query.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.rightstream.contracts.RightstreamJson;

/**
 * Search latency as users see it: N clients, each sending its next query as soon as the last answer arrived
 * (no think time, so this is the service's capacity, not a light load), over one keep-alive connection each.
 */
final class SearchLatency {
    /**
     * What people search these reports for, in every syntax the API takes: words, "phrases", | (OR), -exclusions,
     * prefix*, and a few that match nothing (a search that finds nothing still costs a query).
     */
    static final List<String> QUERIES = List.of(
            "torture",
            "journalists",
            "corruption",
            "refugees",
            "police beat detainees",
            "\"freedom of assembly\"",
            "\"pretrial detention\"",
            "\"forced evictions\"",
            "\"human rights defenders\" prison",
            "torture | beating",
            "journalist | blogger | editor",
            "trafficking | \"forced labor\"",
            "election -parliament",
            "prison -torture",
            "religious -Muslim",
            "detain*",
            "Nazarbayev",
            "xylophone",
            "\"quantum chromodynamics\"",
            "zqxwv | vwxqz");

    /** Which searches the clients send. */
    enum Mix {
        /**
         * The 20 queries over and over, as the benchmark asks: after the warm-up every one of them is in
         * query-service's answer cache (until the next refresh that changes the index), so only the HTTP exchange
         * and the answer's serialisation are left.
         */
        REPEATED,
        /**
         * The same 20 queries, each request made unique by excluding a word that occurs nowhere
         * ({@code -zz12345}, a new number every request): the same hits, but no two requests alike, so the request
         * cache never answers one and every search is done in full.
         */
        DISTINCT
    }

    record Figures(int requests, int errors, double seconds, long[] sortedNanos) {
        double millis(double quantile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(quantile * sortedNanos.length) - 1; // nearest rank
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))] / 1e6;
        }

        double perSecond() {
            return requests / seconds;
        }
    }

    private final String baseUrl;
    private final AtomicLong sent = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    SearchLatency(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Each query once: its total hits, so the output shows what the mix matches (-1: it failed). */
    List<Long> totals() throws Exception {
        List<Long> totals = new ArrayList<>();
        for (String q : QUERIES) {
            HttpResponse<String> r = http.send(request(q), HttpResponse.BodyHandlers.ofString());
            totals.add(r.statusCode() == 200 ? RightstreamJson.mapper().readTree(r.body()).path("total").asLong() : -1);
        }
        return totals;
    }

    /** Runs the clients for the duration; latencies of every completed request, errors counted apart. */
    Figures run(int clients, Duration duration, Mix mix) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        long[][] perClient = new long[clients][]; // each thread's own; read after join()
        AtomicInteger errors = new AtomicInteger();
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            int client = t;
            Thread thread = new Thread(() -> {
                long[] nanos = new long[4096];
                int n = 0;
                int next = client; // clients start at different queries so the mix is spread at every moment
                while (System.nanoTime() < end) {
                    String q = QUERIES.get(next++ % QUERIES.size());
                    HttpRequest request = request(mix == Mix.DISTINCT ? distinct(q, sent.incrementAndGet()) : q);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == nanos.length) {
                        nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = System.nanoTime() - t0;
                }
                perClient[client] = nanos;
                counts[client] = n;
            }, "search-client-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(perClient[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Figures(total, errors.get(), seconds, all);
    }

    /** The query with an exclusion that matches nothing and makes it unlike every other request. */
    static String distinct(String q, long n) {
        return q + " -zz" + n;
    }

    private HttpRequest request(String q) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    static String describe(Figures f) {
        return String.format(Locale.ROOT, "%,d requests, %d errors, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms,"
                        + " %.0f requests/s", f.requests(), f.errors(), f.millis(0.50), f.millis(0.95), f.millis(0.99),
                f.millis(1.0), f.perSecond());
    }
}
