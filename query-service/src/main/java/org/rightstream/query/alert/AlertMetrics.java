package org.rightstream.query.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.rightstream.contracts.Metrics;

/**
 * The alerts stage's meters ({@link Metrics}): records in, passages matched (out), alerts made, notifications
 * sent, and the time to handle one batch (match, store, notify).
 */
public final class AlertMetrics {
    private final Counter in;
    private final Counter out;
    private final Counter passages;
    private final Counter alerts;
    private final Counter notifications;
    private final Timer latency;

    public AlertMetrics(MeterRegistry registry) {
        in = Counter.builder(Metrics.PASSAGES_IN).tag(Metrics.STAGE, Metrics.ALERTS)
                .description("records received from report.chunks.classified, redeliveries included").register(registry);
        out = Counter.builder(Metrics.PASSAGES_OUT).tag(Metrics.STAGE, Metrics.ALERTS)
                .description("passages matched against the watchlist, their alerts stored").register(registry);
        passages = Counter.builder(Metrics.ALERTS_PASSAGES).description("passages matched against the watchlist")
                .register(registry);
        alerts = Counter.builder(Metrics.ALERTS_RAISED).description("new alerts stored").register(registry);
        notifications = Counter.builder(Metrics.ALERTS_NOTIFICATIONS)
                .description("notifications published to the alerts topic").register(registry);
        latency = Timer.builder(Metrics.ALERTS_LATENCY)
                .description("match one batch against the watchlist, store its alerts, send due notifications")
                .publishPercentiles(Metrics.percentiles())
                .distributionStatisticExpiry(Metrics.PERCENTILE_WINDOW)
                .distributionStatisticBufferLength(Metrics.PERCENTILE_WINDOW_STEPS)
                .register(registry);
    }

    public static AlertMetrics none() {
        return new AlertMetrics(new SimpleMeterRegistry());
    }

    void received(int records) {
        in.increment(records);
    }

    void passageMatched() {
        passages.increment();
    }

    /** A batch is done: its matched passages are out of the stage, and how long it took. */
    void batchDone(int matched, long nanos) {
        out.increment(matched);
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void alertsCreated(int n) {
        alerts.increment(n);
    }

    void notificationsSent(int n) {
        notifications.increment(n);
    }
}
