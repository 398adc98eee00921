package org.rightstream.query.watch;

import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchlist the stream matches against: loaded from the store, rebuilt after every change made here, and
 * rebuilt when {@link #refreshIfChanged()} sees that another instance changed the store. Readers get an immutable
 * {@link Watchlist}, replaced whole, so matching never sees half a change.
 */
public final class LiveWatchlist implements Supplier<Watchlist> {
    private static final Logger log = LoggerFactory.getLogger(LiveWatchlist.class);

    private final WatchlistStore store;
    private final double threshold;
    private volatile Watchlist current;
    private volatile long loadedMark = Long.MIN_VALUE;
    private volatile boolean loaded;

    public LiveWatchlist(WatchlistStore store, double threshold) {
        this.store = store;
        this.threshold = threshold;
        this.current = Watchlist.empty(threshold);
    }

    @Override
    public Watchlist get() {
        return current;
    }

    /** Whether the list has been read from the store at least once; until then nothing can be matched. */
    public boolean isLoaded() {
        return loaded;
    }

    /** Reads the whole list again. */
    public synchronized Watchlist reload() throws IOException {
        long mark = store.changeMark();
        Watchlist list = Watchlist.of(store.all(), threshold);
        current = list;
        loadedMark = mark;
        if (!loaded) {
            log.info("watchlist loaded: {} watches", list.size());
        }
        loaded = true;
        return list;
    }

    /** Reloads if the store changed since the last load; for a timer. */
    public void refreshIfChanged() {
        try {
            if (!loaded || store.changeMark() != loadedMark) {
                reload();
            }
        } catch (IOException | RuntimeException e) {
            log.debug("watchlist refresh failed, keeping {} watches: {}", current.size(), e.toString());
        }
    }

    public double threshold() {
        return threshold;
    }
}
