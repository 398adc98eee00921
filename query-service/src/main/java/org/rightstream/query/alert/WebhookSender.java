package org.rightstream.query.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs signed alert notifications to webhook receivers, retrying those that fail for reasons that may pass.
 *
 * <p>Nothing here blocks or sleeps: requests go out through {@link HttpClient#sendAsync} and retries are timers on a
 * scheduler, so a receiver that is slow or gone only holds its own notifications, never anyone else's. Each attempt
 * is decided on the response status alone; the response body is not read, so a receiver cannot hold an attempt open
 * past {@link WebhookPolicy#requestTimeout()} by trickling one.
 *
 * <p>Retried: connection errors, timeouts, 5xx, 408 and 429, after {@link WebhookPolicy#retryDelay}; a Retry-After
 * in seconds on 429 or 503 is honoured up to the policy's maxBackoff (an HTTP-date there is ignored). Any other
 * status, redirects included, is final: a receiver that moved must be re-registered, not followed.
 *
 * <p>Receivers get the same {@code X-Rightstream-Event-Id} on every attempt so they can drop repeats, and a fresh
 * {@link WebhookSignature} per attempt so a late retry is not refused as stale.
 *
 * <p>Thread-safe. The counters are cumulative, for gauges or a health view.
 */
public final class WebhookSender implements AutoCloseable {
    public static final String EVENT_ID_HEADER = "X-Rightstream-Event-Id";
    public static final String USER_AGENT = "Rightstream-Webhook/1";

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    /** Header values may not contain control characters; an event id is also part of log lines. */
    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern RETRY_AFTER_SECONDS = Pattern.compile("\\d{1,9}");

    private final WebhookPolicy policy;
    private final WebhookTargets targets;
    private final Clock clock;
    private final ExecutorService httpExecutor;
    private final HttpClient client;
    private final ScheduledExecutorService retryTimer;

    private final AtomicInteger pending = new AtomicInteger();
    private final Set<Delivery> active = ConcurrentHashMap.newKeySet();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    /** Set by the first refusal of a run of them, so a full queue logs one warning rather than thousands. */
    private final AtomicBoolean refusing = new AtomicBoolean();
    private volatile boolean closed;

    public WebhookSender(WebhookPolicy policy) {
        this(policy, Clock.systemUTC());
    }

    /** {@code clock} stamps the signatures. Any target is allowed: for receivers in tests. */
    public WebhookSender(WebhookPolicy policy, Clock clock) {
        this(policy, clock, new WebhookTargets(true));
    }

    /** {@code targets} is asked again before every delivery, as a name may resolve elsewhere than when the watch was saved. */
    public WebhookSender(WebhookPolicy policy, Clock clock, WebhookTargets targets) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.targets = Objects.requireNonNull(targets, "targets");
        // Our own executor, so close() can stop the client's threads on Java 17 (HttpClient has no close() there).
        this.httpExecutor = Executors.newCachedThreadPool(daemonThreads("webhook-http"));
        this.client = HttpClient.newBuilder()
                .executor(httpExecutor)
                .connectTimeout(policy.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: no h2c upgrade dance with receivers that do not expect one.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("webhook-retry"));
        timer.setRemoveOnCancelPolicy(true);
        this.retryTimer = timer;
    }

    /**
     * Starts delivering {@code jsonBody} to {@code url} and returns at once. The future completes when the
     * notification is delivered, given up or refused; it never completes exceptionally. Dependent actions run on
     * the sender's threads and must not block.
     *
     * @throws IllegalArgumentException when the URL is not absolute http(s), or the event id is blank, longer than
     *                                  200 characters or not printable ASCII, or the secret is empty
     */
    public CompletableFuture<WebhookResult> deliver(URI url, String secret, String eventId, byte[] jsonBody) {
        Delivery delivery = new Delivery(requireHttpUrl(url), requireSecret(secret), requireEventId(eventId),
                Objects.requireNonNull(jsonBody, "jsonBody").clone());
        if (closed) {
            return refuse(delivery, "the sender is closed");
        }
        Optional<String> internal = targets.refusal(delivery.url);
        if (internal.isPresent()) {
            return refuse(delivery, internal.get());
        }
        if (pending.incrementAndGet() > policy.maxPending()) {
            pending.decrementAndGet();
            return refuse(delivery, policy.maxPending() + " notifications already pending");
        }
        refusing.set(false);
        active.add(delivery);
        if (closed) {
            // close() may have swept the active set before this delivery joined it.
            finish(delivery, WebhookResult.Outcome.REFUSED, 0, "the sender is closed");
        } else {
            attempt(delivery);
        }
        return delivery.result;
    }

    public long deliveredCount() {
        return delivered.sum();
    }

    /** Retries scheduled, over all notifications. */
    public long retriedCount() {
        return retried.sum();
    }

    public long failedCount() {
        return failed.sum();
    }

    public long refusedCount() {
        return refused.sum();
    }

    /** Notifications in flight or waiting for a retry. */
    public int pendingCount() {
        return pending.get();
    }

    /**
     * Stops at once: retries not yet made are dropped and every unfinished notification completes as FAILED,
     * later ones are REFUSED. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        retryTimer.shutdownNow();
        int abandoned = 0;
        for (Delivery delivery : active) {
            if (finish(delivery, WebhookResult.Outcome.FAILED, 0, "the sender was closed")) {
                abandoned++;
            }
        }
        if (abandoned > 0) {
            log.warn("Webhook sender closed with {} notification(s) undelivered; they are dropped", abandoned);
        }
        httpExecutor.shutdownNow();
    }

    private void attempt(Delivery delivery) {
        if (closed) {
            return;
        }
        int attempt = delivery.attempts.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(delivery.url)
                .timeout(policy.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header(EVENT_ID_HEADER, delivery.eventId)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(delivery.secret, clock.instant(), delivery.body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
                .build();
        try {
            client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .whenComplete((response, error) -> attempted(delivery, attempt, response, error));
        } catch (RejectedExecutionException e) {
            // Only when close() is stopping the client's threads; close() finishes the delivery.
        }
    }

    private void attempted(Delivery delivery, int attempt, HttpResponse<InputStream> response, Throwable error) {
        if (error != null) {
            Throwable cause = unwrap(error);
            boolean transientError = cause instanceof IOException;
            retryOrFail(delivery, attempt, 0, describe(cause), transientError, null);
            return;
        }
        closeQuietly(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            finish(delivery, WebhookResult.Outcome.DELIVERED, status, null);
            return;
        }
        boolean transientStatus = status >= 500 || status == 408 || status == 429;
        Duration retryAfter = status == 429 || status == 503 ? retryAfter(response) : null;
        retryOrFail(delivery, attempt, status, "HTTP " + status, transientStatus, retryAfter);
    }

    private void retryOrFail(Delivery delivery, int attempt, int status, String error, boolean retryable,
                             Duration retryAfter) {
        if (!retryable || attempt >= policy.maxAttempts() || closed) {
            finish(delivery, WebhookResult.Outcome.FAILED, status, error);
            return;
        }
        Duration delay = policy.retryDelay(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
        log.debug("Webhook attempt {} to host {} for event {} failed ({}); retrying in {} ms",
                attempt, delivery.url.getHost(), delivery.eventId, error, delay.toMillis());
        try {
            retryTimer.schedule(() -> attempt(delivery), delay.toMillis(), TimeUnit.MILLISECONDS);
            retried.increment();
        } catch (RejectedExecutionException e) {
            finish(delivery, WebhookResult.Outcome.FAILED, status, error);
        }
    }

    private CompletableFuture<WebhookResult> refuse(Delivery delivery, String reason) {
        refused.increment();
        if (refusing.compareAndSet(false, true)) {
            log.warn("Webhook notification refused ({}): host {}, event {}; further refusals are only counted "
                    + "until one is accepted", reason, delivery.url.getHost(), delivery.eventId);
        } else {
            log.debug("Webhook notification refused ({}): host {}, event {}", reason, delivery.url.getHost(),
                    delivery.eventId);
        }
        delivery.result.complete(new WebhookResult(delivery.eventId, WebhookResult.Outcome.REFUSED, 0, 0, reason));
        return delivery.result;
    }

    /** Completes the delivery once; false if it was already complete (close() racing a response). */
    private boolean finish(Delivery delivery, WebhookResult.Outcome outcome, int status, String error) {
        if (!delivery.finished.compareAndSet(false, true)) {
            return false;
        }
        active.remove(delivery);
        pending.decrementAndGet();
        int attempts = delivery.attempts.get();
        switch (outcome) {
            case DELIVERED -> delivered.increment();
            case REFUSED -> refused.increment();
            case FAILED -> {
                failed.increment();
                if (!closed) {
                    log.warn("Webhook notification failed after {} attempt(s): host {}, event {}, last error: {}",
                            attempts, delivery.url.getHost(), delivery.eventId, error);
                }
            }
        }
        delivery.result.complete(new WebhookResult(delivery.eventId, outcome, attempts, status, error));
        return true;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .map(String::strip)
                .filter(v -> RETRY_AFTER_SECONDS.matcher(v).matches())
                .map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof CancellationException) {
            return "cancelled";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank()
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // The status is all we wanted from the response.
        }
    }

    private static URI requireHttpUrl(URI url) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            // Not the whole URL: some receivers put their own secret in the path.
            throw new IllegalArgumentException("webhook URL must be an absolute http or https URL; scheme "
                    + url.getScheme() + ", host " + url.getHost());
        }
        return url;
    }

    private static String requireSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        return secret;
    }

    private static String requireEventId(String eventId) {
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            throw new IllegalArgumentException("event id must be 1-200 printable ASCII characters without spaces");
        }
        return eventId;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Delivery {
        final URI url;
        final String secret;
        final String eventId;
        final byte[] body;
        final CompletableFuture<WebhookResult> result = new CompletableFuture<>();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicBoolean finished = new AtomicBoolean();

        Delivery(URI url, String secret, String eventId, byte[] body) {
            this.url = url;
            this.secret = secret;
            this.eventId = eventId;
            this.body = body;
        }
    }
}
