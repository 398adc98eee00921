package org.rightstream.query.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookPolicyTest {
    private final WebhookPolicy policy = new WebhookPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofSeconds(10), 100);

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(WebhookPolicy.defaults()).isEqualTo(new WebhookPolicy(6, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(10), 10_000));
    }

    @Test
    void withoutJitterTheDelayDoublesFromFirstBackoffUpToMaxBackoff() {
        assertThat(policy.retryDelay(1, null, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.retryDelay(2, null, 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.retryDelay(3, null, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.retryDelay(6, null, 0)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.retryDelay(7, null, 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.retryDelay(1_000, null, 0)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterTakesOffUpToHalf() {
        assertThat(policy.retryDelay(3, null, 0.5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.retryDelay(3, null, 0.999_999)).isGreaterThan(Duration.ofSeconds(2))
                .isLessThanOrEqualTo(Duration.ofMillis(2_001));
        assertThat(policy.retryDelay(1_000, null, 0.999_999)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterLengthensTheDelayButNeverBeyondMaxBackoff() {
        assertThat(policy.retryDelay(1, Duration.ofSeconds(5), 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.retryDelay(1, Duration.ofHours(1), 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.retryDelay(6, Duration.ofSeconds(1), 0)).as("shorter than our own backoff")
                .isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.retryDelay(1, Duration.ZERO, 0)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new WebhookPolicy(0, second, second, second, 1))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new WebhookPolicy(1, Duration.ZERO, second, second, 1))
                .hasMessageContaining("firstBackoff");
        assertThatThrownBy(() -> new WebhookPolicy(1, second, Duration.ofMillis(10), second, 1))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> new WebhookPolicy(1, second, second, null, 1))
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> new WebhookPolicy(1, second, second, second, 0))
                .hasMessageContaining("maxPending");
    }
}
