package org.rightstream.query.search;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Answers to searches repeated while the index has not changed, from memory: a first page (addressed by
 * {@code from}) of the same query, filters, sort, size and facets costs neither Elasticsearch (whose request
 * cache still runs the fetch phase, sources and highlights) nor the mapping of its answer.
 *
 * <p>Correctness rests on the index's {@linkplain Generations generation}, a token that changes with every
 * refresh that can change what searches see. A checker asks for it every {@code check-interval} while searches
 * come in ({@link #check}); when it changed, every entry is dropped. An entry is stored with the generation
 * confirmed before its search was sent, so it is never older than that generation, and served only while that
 * generation is still the one confirmed, and confirmed less than {@code max-staleness} ago. So an answer from
 * memory lags the index by less than {@code max-staleness} (1 s), like Elasticsearch's own 1 s refresh; when the
 * checker cannot reach Elasticsearch, confirmations age and every search goes to Elasticsearch again.
 *
 * <p>Bounded in memory by an estimate of each answer's size; the least recently used go first. Pages opened
 * with a cursor are not cached (deep paging seldom repeats).
 */
public final class SearchCache {
    /** The index's current generation (see {@link IndexGeneration}). */
    public interface Generations {
        String current() throws IOException;
    }

    /** The search itself, for a miss. */
    public interface Search {
        SearchResult search(SearchCriteria criteria) throws IOException;
    }

    private record Entry(String generation, SearchResult result, long bytes) {
    }

    private final long maxBytes;
    private final long maxStalenessNanos;
    private final LongSupplier nanoTime;
    /** Access order: the eldest is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<SearchCriteria, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private String generation;
    private long confirmedAt;
    private volatile long lastUsed;
    private long hits;
    private long misses;

    public SearchCache(long maxBytes, Duration maxStaleness, LongSupplier nanoTime) {
        this.maxBytes = maxBytes;
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.nanoTime = nanoTime;
        this.lastUsed = nanoTime.getAsLong() - Long.MAX_VALUE / 2;
    }

    public SearchResult search(SearchCriteria criteria, Search search) throws IOException {
        if (criteria.cursor() != null) {
            return search.search(criteria);
        }
        long now = nanoTime.getAsLong();
        lastUsed = now;
        String confirmed;
        synchronized (this) {
            confirmed = generation != null && now - confirmedAt < maxStalenessNanos ? generation : null;
            Entry entry = confirmed == null ? null : entries.get(criteria);
            if (entry != null && entry.generation().equals(confirmed)) {
                hits++;
                return entry.result();
            }
            misses++;
        }
        SearchResult result = search.search(criteria);
        if (confirmed != null) {
            put(criteria, confirmed, result);
        }
        return result;
    }

    private synchronized void put(SearchCriteria criteria, String searchedAt, SearchResult result) {
        if (!searchedAt.equals(generation)) {
            return; // the index changed while this search ran: the answer may already be out of date
        }
        long size = bytes(result);
        if (size > maxBytes / 4) {
            return; // one answer must not push out most of the others
        }
        Entry old = entries.put(criteria, new Entry(searchedAt, result, size));
        bytes += size - (old == null ? 0 : old.bytes());
        Iterator<Entry> eldest = entries.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    /**
     * One check of the index's generation, by the checker thread; skipped when no search came in for a while
     * (then the confirmation ages and the first search after the pause goes to Elasticsearch).
     */
    public void check(Generations generations, Duration idleAfter) {
        long sent = nanoTime.getAsLong();
        if (sent - lastUsed > idleAfter.toNanos()) {
            return;
        }
        String current;
        try {
            current = generations.current();
        } catch (IOException | RuntimeException e) {
            return; // unconfirmed: entries stop being served once the last confirmation is too old
        }
        confirm(current, sent);
    }

    /** The index was seen at {@code current} by a request sent at {@code sentAt}. */
    synchronized void confirm(String current, long sentAt) {
        if (!current.equals(generation)) {
            entries.clear();
            bytes = 0;
            generation = current;
        }
        confirmedAt = sentAt;
    }

    public synchronized Map<String, Long> statistics() {
        return Map.of("entries", (long) entries.size(), "bytes", bytes, "hits", hits, "misses", misses);
    }

    /**
     * An estimate of an answer's heap size: its strings (two bytes a character at most) and a fixed cost
     * per hit, snippet and facet bucket. Only used to bound the cache; within a factor of two is enough.
     */
    static long bytes(SearchResult r) {
        long size = 256 + chars(r.query()) + chars(r.cursor()) + chars(r.sort());
        for (SearchHit h : r.hits()) {
            size += 256 + chars(h.chunkId()) + chars(h.reportId()) + chars(h.country()) + chars(h.title())
                    + chars(h.modelVersion()) + 48L * h.categories().size();
            for (String s : h.sectionPath()) {
                size += 48 + chars(s);
            }
            for (String s : h.snippets()) {
                size += 48 + chars(s);
            }
        }
        Facets f = r.facets();
        if (f != null) {
            for (Facets.Facet facet : new Facets.Facet[] {f.country(), f.year(), f.category(), f.severity(), f.entity()}) {
                if (facet != null) {
                    for (Facets.Bucket b : facet.buckets()) {
                        size += 96 + (b.value() instanceof String s ? chars(s) : 0);
                    }
                }
            }
        }
        return size;
    }

    private static long chars(String s) {
        return s == null ? 0 : 48 + 2L * s.length();
    }
}
