package org.rightstream.query.alert;

import java.time.Duration;

/**
 * How hard {@link WebhookSender} tries.
 *
 * @param maxAttempts    attempts per notification, the first included
 * @param firstBackoff   wait before the first retry; doubled for each further one
 * @param maxBackoff     longest wait between two attempts, also the cap on a receiver's Retry-After
 * @param requestTimeout how long one attempt may take to connect and get the response status
 * @param maxPending     notifications in flight or waiting for a retry beyond which new ones are refused
 */
public record WebhookPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration requestTimeout,
                            int maxPending) {

    /** Retries after about 1, 2, 4, 8 and 16 s (less up to half, by jitter): a receiver down for 15 s loses nothing. */
    public static WebhookPolicy defaults() {
        return new WebhookPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10), 10_000);
    }

    public WebhookPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        requirePositive(firstBackoff, "firstBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") is shorter than firstBackoff ("
                    + firstBackoff + ")");
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, was " + maxPending);
        }
    }

    /**
     * The wait before the retry that follows {@code failedAttempts} failures: firstBackoff doubled per earlier
     * retry, capped at maxBackoff, of which a random half ({@code jitter} in [0, 1)) is dropped so that receivers
     * that failed together are not hit again together. A receiver's {@code retryAfter} (null if none) lengthens
     * the wait, never beyond maxBackoff.
     */
    public Duration retryDelay(int failedAttempts, Duration retryAfter, double jitter) {
        long cap = maxBackoff.toMillis();
        long base = firstBackoff.toMillis();
        for (int i = 1; i < failedAttempts && base < cap; i++) {
            base *= 2;
        }
        base = Math.min(base, cap);
        long delay = base - (long) (base / 2.0 * jitter);
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(retryAfter.toMillis(), cap));
        }
        return Duration.ofMillis(delay);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
