package org.rightstream.query.alert;

import java.util.List;
import org.rightstream.contracts.AlertNotification;

/** Where a notification goes once it is due: the alerts topic, a watch's webhook. */
@FunctionalInterface
public interface NotificationChannel {
    /** @param json the notification as published, so every channel sends the same bytes */
    void send(AlertNotification notification, byte[] json) throws Exception;

    /** Several at once; a channel that can overlap the sends (Kafka) does, so a burst costs one round trip. */
    default void sendAll(List<AlertNotification> notifications, List<byte[]> json) throws Exception {
        for (int i = 0; i < notifications.size(); i++) {
            send(notifications.get(i), json.get(i));
        }
    }
}
