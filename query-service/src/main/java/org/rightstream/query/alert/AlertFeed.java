package org.rightstream.query.alert;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.rightstream.contracts.AlertNotification;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live alert feed behind {@code GET /api/alerts/stream}: reads the alerts topic from its end (all partitions,
 * no consumer group, so every instance of the service sees every notification, whichever instance made it) and
 * sends each notification to the connected clients whose filter it passes, as an SSE event with the notification id
 * as event id.
 */
public final class AlertFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertFeed.class);

    private record Subscriber(SseEmitter emitter, Predicate<AlertNotification> filter) {
    }

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;
    private volatile boolean ready;
    private volatile Consumer<String, byte[]> consumer;

    public AlertFeed(Supplier<Consumer<String, byte[]>> consumers) {
        this.consumers = consumers;
        this.reader = new Thread(this::read, "alert-feed");
        this.reader.setDaemon(true);
    }

    public void start() {
        reader.start();
    }

    /** Whether the feed reads the topic (a client connected before that would miss notifications). */
    public boolean isReady() {
        return ready;
    }

    public SseEmitter subscribe(Predicate<AlertNotification> filter, Duration timeout) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Subscriber s = new Subscriber(emitter, filter);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        try {
            // Tells the client the subscription is live: notifications made from now on reach it.
            emitter.send(SseEmitter.event().name("ready").data(Map.of("subscribers", subscribers.size()),
                    MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            subscribers.remove(s);
        }
        return emitter;
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** A comment line to every client, so proxies and browsers keep idle connections open. */
    public void heartbeat() {
        for (Subscriber s : subscribers) {
            try {
                s.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }
    }

    void publish(AlertNotification n, byte[] json) {
        for (Subscriber s : subscribers) {
            if (!s.filter().test(n)) {
                continue;
            }
            try {
                s.emitter().send(SseEmitter.event().id(n.notificationId()).name("alert")
                        .data(new String(json, java.nio.charset.StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }
    }

    private void read() {
        while (running) {
            try (Consumer<String, byte[]> c = consumers.get()) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(Topics.ALERTS, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                c.assign(partitions);
                c.seekToEnd(partitions);
                partitions.forEach(c::position); // resolve the end now, not at the first poll
                ready = true;
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofSeconds(1))) {
                        try {
                            publish(RightstreamJson.read(r.value(), AlertNotification.class), r.value());
                        } catch (RuntimeException e) {
                            // Skipped alone: reconnecting instead would also skip the valid notifications after it.
                            log.warn("skipping an unreadable notification on {} at {}-{}: {}", Topics.ALERTS,
                                    r.partition(), r.offset(), e.toString());
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                ready = false;
                log.warn("alert feed lost the alerts topic, retrying in 5 s: {}", e.toString());
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        for (Subscriber s : subscribers) {
            try {
                s.emitter().complete();
            } catch (RuntimeException e) {
                // The connection is gone already.
            }
        }
        subscribers.clear();
    }
}
