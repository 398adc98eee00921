package org.rightstream.query.alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rightstream.contracts.Alert;
import org.rightstream.contracts.AlertNotification;

/** Alerts that go out as one notification: one watch's alerts in one report (or one passage, ungrouped). */
public record AlertGroup(String notificationId, List<Alert> alerts) {

    public AlertGroup {
        Objects.requireNonNull(notificationId, "notificationId");
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a group has at least one alert");
        }
        alerts = alerts.stream().sorted(Comparator.comparingInt(Alert::ordinal)).toList();
    }

    public Alert first() {
        return alerts.get(0);
    }

    public String watchId() {
        return first().watchId();
    }

    public String reportId() {
        return first().reportId();
    }

    public List<String> alertIds() {
        return alerts.stream().map(Alert::alertId).toList();
    }

    /** The notification, listing at most {@code maxAlerts} of the alerts (in reading order) but counting all. */
    public AlertNotification toNotification(Instant now, int maxAlerts) {
        Alert first = first();
        Set<String> categories = new LinkedHashSet<>();
        int maxSeverity = 0;
        boolean retroactive = true;
        for (Alert a : alerts) {
            categories.addAll(a.categories());
            maxSeverity = Math.max(maxSeverity, a.severity() == null ? 0 : a.severity());
            retroactive &= a.retroactive();
        }
        return new AlertNotification(AlertNotification.SCHEMA_VERSION, notificationId, first.watchId(),
                first.watchedName(), first.reportId(), first.title(), first.country(), first.year(), alerts.size(),
                maxSeverity, List.copyOf(categories), retroactive, now,
                alerts.subList(0, Math.min(alerts.size(), Math.max(1, maxAlerts))));
    }
}
