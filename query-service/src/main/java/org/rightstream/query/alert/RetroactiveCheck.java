package org.rightstream.query.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rightstream.contracts.Alert;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Indices;
import org.rightstream.query.watch.PastMatches;
import org.rightstream.query.watch.WatchEntry;
import org.rightstream.query.watch.Watchlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a new (or changed) watch would have raised on the passages indexed before it: every indexed passage is read
 * once (point in time, in index order) and matched exactly as the stream matches, and the alerts found are stored
 * and notified marked retroactive. Runs in the background, one check at a time; a check for several watches (an
 * import) reads the index once for all of them. Reading every passage rather than asking Elasticsearch for the name
 * is deliberate: the matcher finds spellings and scripts the index's analyzer does not relate.
 */
public final class RetroactiveCheck implements PastMatches, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetroactiveCheck.class);
    private static final int PAGE = 500;
    private static final String[] FIELDS_NOT_NEEDED = {"sectionText", "indexedAt", "primaryCategory"};

    /** How a check went, per watch, for the API. */
    public record Status(String state, long passagesRead, int alertsFound, int notificationsSent, Instant startedAt,
                         Instant finishedAt, String error) {
    }

    private final ElasticsearchClient client;
    private final AlertStore store;
    private final AlertNotifier notifier;
    private final double threshold;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "retroactive-check");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Status> statusByWatch = new ConcurrentHashMap<>();

    public RetroactiveCheck(ElasticsearchClient client, AlertStore store, AlertNotifier notifier, double threshold,
                            Clock clock) {
        this.client = client;
        this.store = store;
        this.notifier = notifier;
        this.threshold = threshold;
        this.clock = clock;
    }

    /** Queues a check of these watches against everything indexed. */
    @Override
    public void check(Collection<WatchEntry> watches) {
        if (watches.isEmpty()) {
            return;
        }
        List<WatchEntry> list = List.copyOf(watches);
        Status queued = new Status("QUEUED", 0, 0, 0, null, null, null);
        list.forEach(w -> statusByWatch.put(w.id(), queued));
        executor.submit(() -> run(list));
    }

    @Override
    public Optional<Status> status(String watchId) {
        return Optional.ofNullable(statusByWatch.get(watchId));
    }

    public void forget(String watchId) {
        statusByWatch.remove(watchId);
    }

    private void run(List<WatchEntry> watches) {
        Instant started = clock.instant();
        Status running = new Status("RUNNING", 0, 0, 0, started, null, null);
        watches.forEach(w -> statusByWatch.put(w.id(), running));
        try {
            Result r = check(Watchlist.of(watches, threshold));
            Instant done = clock.instant();
            for (WatchEntry w : watches) {
                statusByWatch.put(w.id(), new Status("DONE", r.read, r.alertsByWatch.getOrDefault(w.id(), 0),
                        r.sentByWatch.getOrDefault(w.id(), 0), started, done, null));
            }
            log.info("retroactive check of {} watches: {} passages read, {} alerts, {} notifications", watches.size(),
                    r.read, r.alertsByWatch.values().stream().mapToInt(Integer::intValue).sum(),
                    r.sentByWatch.values().stream().mapToInt(Integer::intValue).sum());
        } catch (Exception e) {
            log.warn("retroactive check of {} watches failed: {}", watches.size(), e.toString());
            Status failed = new Status("FAILED", 0, 0, 0, started, clock.instant(), e.getMessage());
            watches.forEach(w -> statusByWatch.put(w.id(), failed));
        }
    }

    private static final class Result {
        long read;
        final Map<String, Integer> alertsByWatch = new LinkedHashMap<>();
        final Map<String, Integer> sentByWatch = new LinkedHashMap<>();
    }

    private Result check(Watchlist watchlist) throws Exception {
        Result result = new Result();
        String index = Indices.REPORT_CHUNKS.alias();
        String pit = client.openPointInTime(p -> p.index(index).keepAlive(k -> k.time("2m"))).id();
        List<Alert> found = new ArrayList<>();
        try {
            List<FieldValue> after = null;
            long lastProgress = System.nanoTime();
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<ObjectNode> page = client.search(s -> {
                    s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m"))).size(PAGE)
                            .source(src -> src.filter(f -> f.excludes(List.of(FIELDS_NOT_NEEDED))))
                            .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                    return from == null ? s : s.searchAfter(from);
                }, ObjectNode.class);
                List<Hit<ObjectNode>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                Instant now = clock.instant();
                for (Hit<ObjectNode> h : hits) {
                    ClassifiedChunk passage = AlertStore.fromSource(h.source(), ClassifiedChunk.class);
                    found.addAll(AlertFinder.find(passage, watchlist, true, now));
                }
                result.read += hits.size();
                after = hits.get(hits.size() - 1).sort();
                if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                    lastProgress = System.nanoTime();
                    log.info("retroactive check: {} passages read, {} alerts so far", result.read, found.size());
                }
            }
        } finally {
            client.closePointInTime(c -> c.id(pit));
        }
        List<Alert> created = new ArrayList<>();
        for (int i = 0; i < found.size(); i += PAGE) {
            created.addAll(store.createNew(found.subList(i, Math.min(found.size(), i + PAGE)), notifier.grouping()));
        }
        created.forEach(a -> result.alertsByWatch.merge(a.watchId(), 1, Integer::sum));
        Map<String, List<Alert>> byNotification = new LinkedHashMap<>();
        created.forEach(a -> byNotification.computeIfAbsent(notifier.grouping().notificationId(a),
                k -> new ArrayList<>()).add(a));
        for (Map.Entry<String, List<Alert>> e : byNotification.entrySet()) {
            int sent = notifier.notify(List.of(new AlertGroup(e.getKey(), e.getValue())));
            result.sentByWatch.merge(e.getValue().get(0).watchId(), sent, Integer::sum);
        }
        if (!created.isEmpty()) {
            // The check is reported DONE with its counts next; whoever reads that lists the notifications at once.
            store.makeSearchable();
        }
        return result;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
