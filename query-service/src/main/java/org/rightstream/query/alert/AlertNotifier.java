package org.rightstream.query.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightstream.contracts.Alert;
import org.rightstream.contracts.AlertNotification;
import org.rightstream.contracts.RightstreamJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notifications of groups that are due, at most once per notification id: the notification is first
 * recorded in the store as owed ({@code op_type=create}: whoever records it first sends it, another instance or a
 * replay finds it recorded and only adds its passages to the count), then published, then marked sent. A crash or
 * an unreachable broker between record and mark leaves it owed; {@link #resendOwed} sends it later.
 */
public final class AlertNotifier {
    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);

    private final AlertStore store;
    private final AlertGrouping grouping;
    private final NotificationChannel topic;
    private final NotificationChannel webhooks;
    private final int maxAlertsPerNotification;
    private final Clock clock;

    public AlertNotifier(AlertStore store, AlertGrouping grouping, NotificationChannel topic,
                         NotificationChannel webhooks, int maxAlertsPerNotification, Clock clock) {
        this.store = store;
        this.grouping = grouping;
        this.topic = topic;
        this.webhooks = webhooks;
        this.maxAlertsPerNotification = maxAlertsPerNotification;
        this.clock = clock;
    }

    public AlertGrouping grouping() {
        return grouping;
    }

    /** Notifies each group; returns how many notifications were sent (the others joined an earlier one). */
    public int notify(List<AlertGroup> groups) throws Exception {
        if (groups.isEmpty()) {
            return 0;
        }
        List<AlertNotification> all = new ArrayList<>(groups.size());
        for (AlertGroup g : groups) {
            all.add(g.toNotification(clock.instant(), maxAlertsPerNotification));
        }
        // One bulk each way rather than round trips per group: a burst of reports is notified in a few requests.
        Set<String> created = store.createNotifications(all);
        List<AlertNotification> toSend = new ArrayList<>();
        for (AlertNotification n : all) {
            if (created.contains(n.notificationId())) {
                toSend.add(n);
            } else {
                store.addToNotification(n.notificationId(), n.passages(), n.maxSeverity());
            }
        }
        send(toSend);
        List<String> alertIds = new ArrayList<>();
        groups.forEach(g -> alertIds.addAll(g.alertIds()));
        store.alertsNotified(alertIds);
        return toSend.size();
    }

    private void send(List<AlertNotification> notifications) throws Exception {
        if (notifications.isEmpty()) {
            return;
        }
        List<byte[]> json = notifications.stream().map(RightstreamJson::write).toList();
        topic.sendAll(notifications, json);
        store.notificationsSent(notifications.stream().map(AlertNotification::notificationId).toList(), clock.instant());
        for (int i = 0; i < notifications.size(); i++) {
            try {
                webhooks.send(notifications.get(i), json.get(i));
            } catch (Exception e) {
                log.warn("webhook for notification {} not queued: {}", notifications.get(i).notificationId(), e.toString());
            }
        }
    }

    /**
     * Sends what is owed for longer than {@code after}: notifications recorded but not sent, and alerts stored but
     * never grouped into a notification (their grouper's instance stopped). {@code after} must be well above the
     * grouping linger, so work another instance is still doing is left to it.
     */
    public int resendOwed(Duration after) throws Exception {
        Instant before = clock.instant().minus(after);
        int sent = 0;
        for (AlertNotification owed : store.unsentNotifications(before, 100)) {
            List<Alert> alerts = store.alertsOf(owed.notificationId(), maxAlertsPerNotification);
            AlertNotification n = new AlertNotification(owed.schemaVersion(), owed.notificationId(), owed.watchId(),
                    owed.watchedName(), owed.reportId(), owed.title(), owed.country(), owed.year(), owed.passages(),
                    owed.maxSeverity(), owed.categories(), owed.retroactive(), owed.createdAt(), alerts);
            log.info("sending notification {} that was recorded but not sent", n.notificationId());
            send(List.of(n));
            sent++;
        }
        List<Alert> ungrouped = store.unnotifiedAlerts(before, 1_000);
        if (!ungrouped.isEmpty()) {
            Map<String, List<Alert>> byNotification = new LinkedHashMap<>();
            ungrouped.forEach(a -> byNotification.computeIfAbsent(grouping.notificationId(a), k -> new ArrayList<>()).add(a));
            List<AlertGroup> groups = new ArrayList<>();
            byNotification.forEach((id, alerts) -> groups.add(new AlertGroup(id, alerts)));
            log.info("notifying {} alerts that were stored but never notified", ungrouped.size());
            sent += notify(groups);
        }
        return sent;
    }
}
