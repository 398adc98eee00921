package org.rightstream.query.alert;

import org.rightstream.contracts.AlertNotification;
import org.rightstream.query.watch.LiveWatchlist;
import org.rightstream.query.watch.WatchEntry;

/** Sends a notification to its watch's webhook, if the watch has one; delivery and retries are the sender's. */
final class WebhookDispatcher implements NotificationChannel, AutoCloseable {
    private final LiveWatchlist watchlist;
    private final WebhookSender sender;

    WebhookDispatcher(LiveWatchlist watchlist, WebhookSender sender) {
        this.watchlist = watchlist;
        this.sender = sender;
    }

    @Override
    public void send(AlertNotification n, byte[] json) {
        WatchEntry watch = watchlist.get().entry(n.watchId()).orElse(null);
        if (watch == null || watch.webhookUrl() == null || watch.webhookSecret() == null) {
            return;
        }
        sender.deliver(watch.webhookUrl(), watch.webhookSecret(), n.notificationId(), json);
    }

    WebhookSender sender() {
        return sender;
    }

    @Override
    public void close() {
        sender.close();
    }
}
