package org.rightstream.query.watch;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable watchlist: the entries by id and the matcher built from them. Replaced whole when the list changes. */
public final class Watchlist {
    private final Map<String, WatchEntry> entries;
    private final WatchlistMatcher matcher;

    private Watchlist(Collection<WatchEntry> entries, double threshold) {
        Map<String, WatchEntry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        this.entries = Map.copyOf(byId);
        this.matcher = WatchlistMatcher.of(byId.values().stream().map(WatchEntry::toWatch).toList(), threshold);
    }

    public static Watchlist of(Collection<WatchEntry> entries, double threshold) {
        return new Watchlist(entries, threshold);
    }

    public static Watchlist empty(double threshold) {
        return new Watchlist(List.of(), threshold);
    }

    public Optional<WatchEntry> entry(String watchId) {
        return Optional.ofNullable(entries.get(watchId));
    }

    public Collection<WatchEntry> entries() {
        return entries.values();
    }

    public WatchlistMatcher matcher() {
        return matcher;
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
