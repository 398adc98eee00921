package org.rightstream.query.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {
    private final WebhookTargets publicOnly = new WebhookTargets(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9200/_search", "http://localhost:8080/actuator", "http://10.1.2.3/hook",
            "http://172.16.0.5/hook", "http://192.168.1.10/hook", "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/hook", "http://0.0.0.0:8081/", "http://[::1]:8080/hook", "http://[fd00::1]/hook",
            "http://[fe80::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://2130706433/hook"})
    void internalTargetsAreRefusedWithTheAddress(String url) {
        assertThat(publicOnly.refusal(URI.create(url))).hasValueSatisfying(reason ->
                assertThat(reason).contains("internal address").contains("webhook-allow-private-addresses"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8/hook", "https://[2001:4860:4860::8888]/hook"})
    void publicAddressesAreAllowed(String url) {
        assertThat(publicOnly.refusal(URI.create(url))).isEmpty();
    }

    @Test
    void aHostThatDoesNotResolveNowIsLeftToDeliveryAndItsRetries() {
        assertThat(publicOnly.refusal(URI.create("https://no-such-host.invalid/hook"))).isEmpty();
    }

    @Test
    void privateTargetsCanBeAllowedForLocalReceivers() {
        assertThat(new WebhookTargets(true).refusal(URI.create("http://127.0.0.1:9999/hook"))).isEmpty();
    }

    @Test
    void aWatchWithAnInternalWebhookIsRefusedNamingTheField() {
        var rules = new org.rightstream.query.watch.WatchEntryRules(org.rightstream.contracts.Taxonomy.get(), publicOnly::refusal);
        var entry = new org.rightstream.query.watch.WatchRequest(null, "Roza Akylbekova", null, null, null, null, null, null,
                "http://169.254.169.254/latest/meta-data/", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.normalise(entry.toEntry()))
                .isInstanceOf(org.rightstream.query.watch.InvalidWatchException.class)
                .hasMessageContaining("internal address");
    }

    @Test
    void theSenderRefusesAnInternalTargetBeforeConnecting() throws Exception {
        try (WebhookSender sender = new WebhookSender(WebhookPolicy.defaults(), java.time.Clock.systemUTC(), publicOnly)) {
            WebhookResult result = sender.deliver(URI.create("http://127.0.0.1:9/hook"), "secret", "w-1:r-1",
                    "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(result.outcome()).isEqualTo(WebhookResult.Outcome.REFUSED);
            assertThat(sender.refusedCount()).isEqualTo(1);
        }
    }
}
