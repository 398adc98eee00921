package org.rightstream.query.alert;

import org.rightstream.contracts.AlertNotification;

/** Where a notification goes once it is due: the alerts topic, a watch's webhook. */
@FunctionalInterface
public interface NotificationChannel {
    /** @param json the notification as published, so every channel sends the same bytes */
    void send(AlertNotification notification, byte[] json) throws Exception;
}
