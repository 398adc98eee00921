package org.rightstream.query.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rightstream.contracts.AlertNotification;
import org.rightstream.contracts.Topics;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes notifications to the alerts topic, keyed by watch (one watch's notifications stay in order), and returns
 * only once the broker acknowledged every one: a notification counts as sent only when it is on the topic.
 */
final class KafkaNotificationChannel implements NotificationChannel {
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;

    KafkaNotificationChannel(KafkaTemplate<String, byte[]> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    @Override
    public void send(AlertNotification n, byte[] json) throws Exception {
        sendAll(List.of(n), List.of(json));
    }

    @Override
    public void sendAll(List<AlertNotification> notifications, List<byte[]> json) throws Exception {
        List<CompletableFuture<?>> sent = new ArrayList<>(notifications.size());
        for (int i = 0; i < notifications.size(); i++) {
            sent.add(kafka.send(new ProducerRecord<>(Topics.ALERTS, notifications.get(i).watchId(), json.get(i))));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
