package org.rightstream.contracts;

import java.time.Instant;
import java.util.List;

/**
 * What the {@code alerts} topic carries, what the alert stream (SSE) and webhooks deliver: the alerts of one watch in
 * one report, grouped, so a report that names a person forty times makes one notification saying forty passages.
 * With grouping switched off it is one notification per passage, and {@code notificationId} is the alert id.
 *
 * <p>{@code notificationId} = {@link Ids#notificationId(String, String) watchId + reportId}: there is at most one per
 * watch and report, however often the report is replayed.
 *
 * @param passages the number of passages of the report that named the watch when the notification was made
 * @param alerts   those alerts in reading order, at most a configured number of them (the rest are in the index)
 */
public record AlertNotification(
        int schemaVersion,
        String notificationId,
        String watchId,
        String watchedName,
        String reportId,
        String title,
        String country,
        Integer year,
        int passages,
        int maxSeverity,
        List<String> categories,
        boolean retroactive,
        Instant createdAt,
        List<Alert> alerts) {

    public static final int SCHEMA_VERSION = 1;

    public AlertNotification {
        categories = categories == null ? List.of() : List.copyOf(categories);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
}
