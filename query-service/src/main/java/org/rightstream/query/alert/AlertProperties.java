package org.rightstream.query.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Watchlist matching and alerting ({@code rightstream.alerts.*}).
 *
 * @param matchThreshold           lowest match score that raises an alert (0-1; 0.7 admits every name form but a
 *                                 surname alone)
 * @param grouping                 PER_REPORT: one notification per watch per report; PER_PASSAGE: one per alert
 * @param groupLinger              a report's group is notified when the report's last passage has gone by, or when
 *                                 no alert has joined it for this long
 * @param maxAlertsPerNotification most alerts listed in one notification (all are counted and stored)
 * @param resendAfter              notifications and alerts owed this long (their instance stopped, the broker was
 *                                 down) are sent by the sweeper; must be well above group-linger
 * @param watchlistRefresh         how often an instance checks whether another one changed the watchlist
 * @param streamTimeout            how long one SSE connection stays open before the client reconnects
 * @param webhookAttempts          deliveries of one notification to a webhook before giving up
 * @param webhookFirstBackoff      wait before the first retry; doubled each time up to webhook-max-backoff
 * @param webhookMaxBackoff        longest wait between retries
 * @param webhookTimeout           how long one delivery may take
 * @param webhookAllowPrivateAddresses whether webhooks may go to loopback and private-network addresses (a receiver
 *                                 on this machine while developing); off, such URLs are refused when a watch is
 *                                 saved and again before each delivery
 */
@ConfigurationProperties("rightstream.alerts")
public record AlertProperties(
        @DefaultValue("0.7") double matchThreshold,
        @DefaultValue("PER_REPORT") AlertGrouping grouping,
        @DefaultValue("2s") Duration groupLinger,
        @DefaultValue("20") int maxAlertsPerNotification,
        @DefaultValue("30s") Duration resendAfter,
        @DefaultValue("2s") Duration watchlistRefresh,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("6") int webhookAttempts,
        @DefaultValue("1s") Duration webhookFirstBackoff,
        @DefaultValue("60s") Duration webhookMaxBackoff,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("false") boolean webhookAllowPrivateAddresses) {

    public AlertProperties {
        if (matchThreshold <= 0 || matchThreshold > 1) {
            throw new IllegalArgumentException("rightstream.alerts.match-threshold must be in (0, 1], was " + matchThreshold);
        }
        if (maxAlertsPerNotification < 1) {
            throw new IllegalArgumentException("rightstream.alerts.max-alerts-per-notification must be >= 1");
        }
        if (resendAfter.compareTo(groupLinger.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("rightstream.alerts.resend-after (" + resendAfter
                    + ") must be at least three times group-linger (" + groupLinger + ")");
        }
        if (webhookAttempts < 1) {
            throw new IllegalArgumentException("rightstream.alerts.webhook-attempts must be >= 1");
        }
    }
}
