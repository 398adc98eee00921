package org.rightstream.query.alert;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The alerting side's periodic work, on one daemon thread; a failing task is logged and runs again next time. */
final class AlertTimers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertTimers.class);

    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-timers");
        t.setDaemon(true);
        return t;
    });

    void every(Duration period, String name, Task task) {
        long ms = Math.max(50, period.toMillis());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (Exception e) {
                log.warn("{} failed, will try again in {} ms: {}", name, ms, e.toString());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
