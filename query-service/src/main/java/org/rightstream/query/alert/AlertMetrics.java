package org.rightstream.query.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Counters for the alert stream: passages matched, alerts made, notifications sent. */
public final class AlertMetrics {
    private final Counter passages;
    private final Counter alerts;
    private final Counter notifications;

    public AlertMetrics(MeterRegistry registry) {
        passages = Counter.builder("rightstream.alerts.passages").description("passages matched against the watchlist")
                .register(registry);
        alerts = Counter.builder("rightstream.alerts.created").description("new alerts stored").register(registry);
        notifications = Counter.builder("rightstream.alerts.notifications")
                .description("notifications published to the alerts topic").register(registry);
    }

    public static AlertMetrics none() {
        return new AlertMetrics(new SimpleMeterRegistry());
    }

    void passageMatched() {
        passages.increment();
    }

    void alertsCreated(int n) {
        alerts.increment(n);
    }

    void notificationsSent(int n) {
        notifications.increment(n);
    }
}
