package org.rightstream.query.watch;

import java.util.Collection;
import java.util.Optional;

/** Checks new or changed watches against what was indexed before them (the alert side implements it). */
public interface PastMatches {
    /** Starts checking these watches, in the background. */
    void check(Collection<WatchEntry> watches);

    /** How the latest check of this watch went, if one was made since the service started. */
    Optional<?> status(String watchId);

    PastMatches NONE = new PastMatches() {
        @Override
        public void check(Collection<WatchEntry> watches) {
        }

        @Override
        public Optional<?> status(String watchId) {
            return Optional.empty();
        }
    };
}
