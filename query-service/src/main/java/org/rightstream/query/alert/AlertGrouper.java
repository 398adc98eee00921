package org.rightstream.query.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rightstream.contracts.Alert;

/**
 * Collects new alerts into groups and says when a group is ready to be notified: when the report's last passage
 * has gone by (its chunks arrive in order on one partition), or when no alert has joined the group for the linger
 * time (a passage may have been dead-lettered, or the report is still streaming slowly). Ungrouped, every alert is
 * ready at once.
 *
 * <p>Thread-safe: the stream adds from its consumer thread while a timer takes what has lingered.
 */
public final class AlertGrouper {
    /** Reports whose end was seen, remembered for a while so late alerts of them go out at once. */
    private static final int ENDED_REPORTS_REMEMBERED = 10_000;

    private final AlertGrouping grouping;
    private final Duration linger;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Boolean> endedReports = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ENDED_REPORTS_REMEMBERED;
        }
    };

    private static final class Pending {
        final String reportId;
        final List<Alert> alerts = new ArrayList<>();
        Instant lastAdded;

        Pending(String reportId) {
            this.reportId = reportId;
        }
    }

    public AlertGrouper(AlertGrouping grouping, Duration linger) {
        this.grouping = grouping;
        this.linger = linger;
    }

    public synchronized void add(Collection<Alert> alerts, Instant now) {
        for (Alert a : alerts) {
            Pending p = pending.computeIfAbsent(grouping.notificationId(a), id -> new Pending(a.reportId()));
            p.alerts.add(a);
            p.lastAdded = now;
        }
    }

    /** The report's last passage has been seen. */
    public synchronized void reportEnded(String reportId) {
        endedReports.put(reportId, Boolean.TRUE);
    }

    /** The groups ready to be notified, removed from this grouper. */
    public synchronized List<AlertGroup> takeReady(Instant now) {
        List<AlertGroup> ready = new ArrayList<>();
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Pending> e = it.next();
            Pending p = e.getValue();
            if (grouping == AlertGrouping.PER_PASSAGE || endedReports.containsKey(p.reportId)
                    || !p.lastAdded.plus(linger).isAfter(now)) {
                ready.add(new AlertGroup(e.getKey(), p.alerts));
                it.remove();
            }
        }
        return ready;
    }

    /** Everything still waiting, e.g. on shutdown. */
    public synchronized List<AlertGroup> takeAll() {
        List<AlertGroup> all = new ArrayList<>();
        pending.forEach((id, p) -> all.add(new AlertGroup(id, p.alerts)));
        pending.clear();
        return all;
    }

    public synchronized int pendingGroups() {
        return pending.size();
    }
}
