package org.rightstream.query.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rightstream.contracts.Alert;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.InvalidMessageException;
import org.rightstream.contracts.PassageSize;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.query.watch.LiveWatchlist;
import org.rightstream.query.watch.Watchlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Batch consumer of report.chunks.classified in its own group ({@code alerts}): matches every passage against the
 * watchlist, stores the new alerts and notifies the groups that are due. Anything failing (Elasticsearch or Kafka
 * unreachable) propagates, so the batch is retried and its offsets stay uncommitted; a retry finds the alerts it
 * stored before and makes none twice. Broken messages are skipped here: the indexing consumer of the same topic
 * dead-letters them.
 */
public final class AlertingConsumer implements Consumer<Message<List<byte[]>>> {
    private static final Logger log = LoggerFactory.getLogger(AlertingConsumer.class);

    private final LiveWatchlist watchlist;
    private final AlertStore store;
    private final AlertGrouper grouper;
    private final AlertNotifier notifier;
    private final AlertMetrics metrics;
    private final Clock clock;

    public AlertingConsumer(LiveWatchlist watchlist, AlertStore store, AlertGrouper grouper, AlertNotifier notifier,
                            AlertMetrics metrics, Clock clock) {
        this.watchlist = watchlist;
        this.store = store;
        this.grouper = grouper;
        this.notifier = notifier;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        long start = System.nanoTime();
        metrics.received(batch.getPayload().size());
        try {
            if (!watchlist.isLoaded()) {
                watchlist.reload();
            }
            Watchlist list = watchlist.get();
            Instant now = clock.instant();
            List<Alert> found = new ArrayList<>();
            List<String> endedReports = new ArrayList<>();
            int matched = 0;
            for (byte[] payload : batch.getPayload()) {
                ClassifiedChunk passage;
                try {
                    PassageSize.requireWithinLimit(payload, "message");
                    passage = RightstreamJson.read(payload, ClassifiedChunk.class).validate();
                } catch (InvalidMessageException e) {
                    log.debug("skipping a broken message (the indexer dead-letters it): {}", e.getMessage());
                    continue;
                }
                metrics.passageMatched();
                matched++;
                found.addAll(AlertFinder.find(passage, list, false, now));
                if (passage.ordinal() == passage.totalChunks() - 1) {
                    endedReports.add(passage.reportId());
                }
            }
            List<Alert> created = store.createNew(found, notifier.grouping());
            metrics.alertsCreated(created.size());
            grouper.add(created, now);
            endedReports.forEach(grouper::reportEnded);
            metrics.notificationsSent(notifier.notify(grouper.takeReady(clock.instant())));
            metrics.batchDone(matched, System.nanoTime() - start);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("alerting a batch of " + batch.getPayload().size()
                    + " passages failed, will retry: " + e.getMessage(), e);
        }
    }

    /** Notifies groups whose linger has passed; for a timer. */
    public void notifyLingering() {
        try {
            metrics.notificationsSent(notifier.notify(grouper.takeReady(clock.instant())));
        } catch (Exception e) {
            // The alerts stay stored as not notified; resendOwed picks them up.
            log.warn("notifying lingering alert groups failed, will resend later: {}", e.toString());
        }
    }
}
