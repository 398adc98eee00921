package org.rightstream.query.alert;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.query.index.IndexInstaller;
import org.rightstream.query.watch.LiveWatchlist;
import org.rightstream.query.watch.WatchEntryRules;
import org.rightstream.query.watch.WatchlistService;
import org.rightstream.query.watch.WatchlistStore;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

/**
 * Wires the watchlist and alerting: the {@code alert} function (bound to report.chunks.classified in group
 * {@code alerts}), the notifier with its channels (alerts topic, webhooks), the retroactive check, the live feed,
 * and the timers that notify lingering groups, resend what is owed and pick up watchlist changes.
 */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WatchlistStore watchlistStore(ElasticsearchClient client, IndexInstaller installer) {
        return new WatchlistStore(client, installer);
    }

    @Bean
    LiveWatchlist liveWatchlist(WatchlistStore store, AlertProperties props) {
        return new LiveWatchlist(store, props.matchThreshold());
    }

    @Bean
    AlertStore alertStore(ElasticsearchClient client, IndexInstaller installer) {
        return new AlertStore(client, installer);
    }

    @Bean
    AlertSearch alertSearch(ElasticsearchClient client, IndexInstaller installer) {
        return new AlertSearch(client, installer);
    }

    @Bean
    AlertMetrics alertMetrics(MeterRegistry registry) {
        return new AlertMetrics(registry);
    }

    @Bean
    AlertGrouper alertGrouper(AlertProperties props) {
        return new AlertGrouper(props.grouping(), props.groupLinger());
    }

    @Bean(destroyMethod = "close")
    WebhookDispatcher webhookDispatcher(LiveWatchlist watchlist, AlertProperties props) {
        return new WebhookDispatcher(watchlist, new WebhookSender(new WebhookPolicy(props.webhookAttempts(),
                props.webhookFirstBackoff(), props.webhookMaxBackoff(), props.webhookTimeout(), 10_000),
                Clock.systemUTC(), new WebhookTargets(props.webhookAllowPrivateAddresses())));
    }

    @Bean
    AlertNotifier alertNotifier(AlertStore store, AlertProperties props, KafkaTemplate<String, byte[]> kafka,
                                WebhookDispatcher webhooks) {
        NotificationChannel topic = new KafkaNotificationChannel(kafka, Duration.ofSeconds(30));
        return new AlertNotifier(store, props.grouping(), topic, webhooks, props.maxAlertsPerNotification(),
                Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    RetroactiveCheck retroactiveCheck(ElasticsearchClient client, AlertStore store, AlertNotifier notifier,
                                      AlertProperties props) {
        return new RetroactiveCheck(client, store, notifier, props.matchThreshold(), Clock.systemUTC());
    }

    @Bean
    WatchlistService watchlistService(WatchlistStore store, LiveWatchlist live, RetroactiveCheck retroactive,
                                      AlertProperties props) {
        WebhookTargets targets = new WebhookTargets(props.webhookAllowPrivateAddresses());
        return new WatchlistService(store, new WatchEntryRules(Taxonomy.get(), targets::refusal), live, retroactive,
                Clock.systemUTC());
    }

    @Bean
    AlertingConsumer alertingConsumer(LiveWatchlist watchlist, AlertStore store, AlertGrouper grouper,
                                      AlertNotifier notifier, AlertMetrics metrics) {
        return new AlertingConsumer(watchlist, store, grouper, notifier, metrics, Clock.systemUTC());
    }

    /** The function Spring Cloud Stream binds as {@code alert-in-0}. */
    @Bean
    Consumer<Message<List<byte[]>>> alert(AlertingConsumer consumer) {
        return consumer;
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    AlertFeed alertFeed(KafkaProperties kafka) {
        return new AlertFeed(() -> {
            Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "alert-feed");
            return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        });
    }

    @Bean(destroyMethod = "close")
    AlertTimers alertTimers(@Qualifier("alertingConsumer") AlertingConsumer consumer, AlertNotifier notifier, LiveWatchlist watchlist,
                            AlertFeed feed, AlertProperties props) {
        AlertTimers timers = new AlertTimers();
        timers.every(Duration.ofMillis(200), "notify lingering groups", consumer::notifyLingering);
        timers.every(props.watchlistRefresh(), "refresh the watchlist", watchlist::refreshIfChanged);
        timers.every(Duration.ofSeconds(20), "feed heartbeat", feed::heartbeat);
        timers.every(props.resendAfter().dividedBy(3), "resend owed notifications",
                () -> notifier.resendOwed(props.resendAfter()));
        return timers;
    }
}
