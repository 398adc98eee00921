package org.rightstream.query.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 7's quality set over the seed passages; the floors sit just under the figures reached (docs/watchlist.md). */
class WatchlistQualityTest {

    @Test
    void precisionAndRecallOverTheSeedPassages() {
        WatchlistEvaluation.Result r = WatchlistEvaluation.evaluate(WatchlistEvaluation.projectRoot(),
                WatchlistMatcher.DEFAULT_THRESHOLD);
        assertThat(r.passages()).as("seed passages").isGreaterThan(500);
        assertThat(r.truePositives()).as("name mentions found").isGreaterThan(250);
        assertThat(r.recall()).as("recall; missed: %s", r.misses()).isGreaterThanOrEqualTo(0.98);
        assertThat(r.precision()).as("precision; false alarms: %s", r.falseAlarms()).isGreaterThanOrEqualTo(0.98);
    }
}
