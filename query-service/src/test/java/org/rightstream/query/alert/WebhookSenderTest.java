package org.rightstream.query.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightstream.query.alert.TestReceiver.Received;
import org.rightstream.query.alert.TestReceiver.Reply;
import org.rightstream.query.alert.WebhookResult.Outcome;

/** Against real HTTP receivers on local ports; backoffs are milliseconds so retries are quick. */
class WebhookSenderTest {
    private static final String SECRET = WebhookSignature.newSecret();
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    private final byte[] body = "{\"alertId\":\"w-1:c-9\",\"watchedName\":\"Алексей Навальный\",\"note\":\"a, \\\"b\\\"\"}"
            .getBytes(StandardCharsets.UTF_8);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void postsTheBodyWithHeadersAndASignatureTheReceiverCanVerify() throws Exception {
        TestReceiver receiver = receiver(TestReceiver.replying(204));
        WebhookSender sender = sender(fastPolicy());

        WebhookResult result = outcomeOf(sender.deliver(receiver.uri(), SECRET, "evt-1", body));

        assertThat(result).isEqualTo(new WebhookResult("evt-1", Outcome.DELIVERED, 1, 204, null));
        Received request = receiver.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/alerts");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).isEqualTo("Rightstream-Webhook/1");
        assertThat(request.header("X-Rightstream-Event-Id")).isEqualTo("evt-1");
        String signature = request.header("X-Rightstream-Signature");
        assertThat(WebhookSignature.verify(SECRET, signature, request.body(), Instant.now(), TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), signature, request.body(), Instant.now(),
                TOLERANCE)).isFalse();
        assertThat(sender.deliveredCount()).isEqualTo(1);
        assertThat(sender.pendingCount()).isZero();
    }

    @Test
    void retriesServerErrorsWithTheSameEventIdAndBodyUntilDelivered() throws Exception {
        TestReceiver receiver = receiver(TestReceiver.replying(500, 500, 200));
        WebhookSender sender = sender(fastPolicy());
        byte[] callersBuffer = body.clone();

        CompletableFuture<WebhookResult> delivery = sender.deliver(receiver.uri(), SECRET, "evt-2", callersBuffer);
        callersBuffer[0] = 'X';
        WebhookResult result = outcomeOf(delivery);

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(receiver.received()).hasSize(3).allSatisfy(r -> {
            assertThat(r.body()).isEqualTo(body);
            assertThat(r.header("X-Rightstream-Event-Id")).isEqualTo("evt-2");
            assertThat(WebhookSignature.verify(SECRET, r.header("X-Rightstream-Signature"), r.body(), Instant.now(),
                    TOLERANCE)).isTrue();
        });
        assertThat(sender.retriedCount()).isEqualTo(2);
        assertThat(sender.deliveredCount()).isEqualTo(1);
        assertThat(sender.failedCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 502, 503, 504})
    void retriesStatusesThatMayPass(int status) throws Exception {
        TestReceiver receiver = receiver(TestReceiver.replying(status, 200));
        WebhookSender sender = sender(fastPolicy());

        WebhookResult result = outcomeOf(sender.deliver(receiver.uri(), SECRET, "evt-3", body));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.attempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 302})
    void otherErrorsAreFinalAfterOneAttempt(int status) throws Exception {
        TestReceiver receiver = receiver(TestReceiver.replying(status));
        WebhookSender sender = sender(fastPolicy());

        WebhookResult result = outcomeOf(sender.deliver(receiver.uri(), SECRET, "evt-4", body));

        assertThat(result).isEqualTo(new WebhookResult("evt-4", Outcome.FAILED, 1, status, "HTTP " + status));
        assertThat(receiver.count()).isEqualTo(1);
        assertThat(sender.failedCount()).isEqualTo(1);
        assertThat(sender.retriedCount()).isZero();
    }

    @Test
    void aReceiverThatNeverAnswersIsRetriedThenGivenUpAfterMaxAttempts() throws Exception {
        TestReceiver receiver = receiver(TestReceiver.replying(Reply.never()));
        // Long enough for each request to reach the receiver on a busy machine before it times out.
        WebhookSender sender = sender(new WebhookPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(1), 100));

        WebhookResult result = outcomeOf(sender.deliver(receiver.uri(), SECRET, "evt-5", body));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.lastStatus()).isZero();
        assertThat(result.lastError()).contains("HttpTimeoutException");
        await().atMost(GENEROUS).until(() -> receiver.count() == 3);
        assertThat(sender.retriedCount()).isEqualTo(2);
        assertThat(sender.failedCount()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenGivenUp() throws Exception {
        WebhookSender sender = sender(fastPolicy());

        WebhookResult result = outcomeOf(sender.deliver(closedPort(), SECRET, "evt-6", body));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.attempts()).isEqualTo(fastPolicy().maxAttempts());
        assertThat(result.lastError()).contains("ConnectException");
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        TestReceiver receiver = receiver(TestReceiver.replying(Reply.withRetryAfter(429, "1"), Reply.of(200)));
        WebhookSender sender = sender(new WebhookPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 100));

        WebhookResult result = outcomeOf(sender.deliver(receiver.uri(), SECRET, "evt-7", body));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        List<Received> requests = receiver.received();
        long gapMillis = TimeUnit.NANOSECONDS.toMillis(requests.get(1).nanoTime() - requests.get(0).nanoTime());
        assertThat(gapMillis).as("waited for Retry-After: 1, not the 10 ms backoff").isGreaterThanOrEqualTo(950);
    }

    @Test
    void aRetryAfterLongerThanMaxBackoffIsCutToIt() throws Exception {
        TestReceiver receiver = receiver(TestReceiver.replying(Reply.withRetryAfter(503, "3600"), Reply.of(200)));
        WebhookSender sender = sender(new WebhookPolicy(3, Duration.ofMillis(10), Duration.ofMillis(200),
                Duration.ofSeconds(5), 100));

        WebhookResult result = outcomeOf(sender.deliver(receiver.uri(), SECRET, "evt-8", body));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void deadReceiversDoNotDelayAHealthyOne() throws Exception {
        TestReceiver dead = receiver(TestReceiver.replying(Reply.never()));
        TestReceiver healthy = receiver(TestReceiver.replying(200));
        WebhookSender sender = sender(new WebhookPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(30), 100));
        List<CompletableFuture<WebhookResult>> toDead = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            toDead.add(sender.deliver(dead.uri(), SECRET, "dead-" + i, body));
        }
        URI closedPort = closedPort();
        for (int i = 0; i < 5; i++) {
            toDead.add(sender.deliver(closedPort, SECRET, "gone-" + i, body));
        }

        WebhookResult healthyResult = outcomeOf(sender.deliver(healthy.uri(), SECRET, "alive", body));

        assertThat(healthyResult.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(toDead.subList(0, 20)).as("the dead receiver's notifications are still waiting for it")
                .noneMatch(CompletableFuture::isDone);
        await().atMost(GENEROUS).until(() -> dead.count() == 20);

        sender.close();
        assertThat(outcomeOf(toDead.get(0))).isEqualTo(new WebhookResult("dead-0", Outcome.FAILED, 1, 0,
                "the sender was closed"));
    }

    @Test
    void refusesNewNotificationsBeyondMaxPendingWithoutBlocking() throws Exception {
        TestReceiver receiver = receiver(TestReceiver.replying(Reply.never(), Reply.never(), Reply.of(200)));
        WebhookSender sender = sender(new WebhookPolicy(1, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(1), 2));

        CompletableFuture<WebhookResult> first = sender.deliver(receiver.uri(), SECRET, "evt-a", body);
        CompletableFuture<WebhookResult> second = sender.deliver(receiver.uri(), SECRET, "evt-b", body);
        CompletableFuture<WebhookResult> third = sender.deliver(receiver.uri(), SECRET, "evt-c", body);

        assertThat(third).isCompletedWithValue(new WebhookResult("evt-c", Outcome.REFUSED, 0, 0,
                "2 notifications already pending"));
        assertThat(sender.refusedCount()).isEqualTo(1);
        assertThat(sender.pendingCount()).isEqualTo(2);

        assertThat(outcomeOf(first).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(outcomeOf(second).outcome()).isEqualTo(Outcome.FAILED);
        await().atMost(GENEROUS).until(() -> sender.pendingCount() == 0);
        assertThat(outcomeOf(sender.deliver(receiver.uri(), SECRET, "evt-d", body)).outcome())
                .isEqualTo(Outcome.DELIVERED);
        assertThat(receiver.received()).extracting(r -> r.header("X-Rightstream-Event-Id"))
                .containsExactlyInAnyOrder("evt-a", "evt-b", "evt-d");
    }

    @Test
    void closeDropsWaitingRetriesAndRefusesLaterNotifications() throws Exception {
        TestReceiver receiver = receiver(TestReceiver.replying(Reply.withRetryAfter(503, "60")));
        WebhookSender sender = sender(new WebhookPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(60),
                Duration.ofSeconds(5), 100));
        CompletableFuture<WebhookResult> waiting = sender.deliver(receiver.uri(), SECRET, "evt-9", body);
        await().atMost(GENEROUS).until(() -> sender.retriedCount() == 1);

        sender.close();

        assertThat(outcomeOf(waiting)).isEqualTo(new WebhookResult("evt-9", Outcome.FAILED, 1, 0,
                "the sender was closed"));
        assertThat(sender.deliver(receiver.uri(), SECRET, "evt-10", body))
                .isCompletedWithValue(new WebhookResult("evt-10", Outcome.REFUSED, 0, 0, "the sender is closed"));
        assertThat(sender.pendingCount()).isZero();
        assertThat(receiver.count()).isEqualTo(1);
        sender.close();
    }

    @Test
    void rejectsArgumentsThatCannotBeSent() throws Exception {
        WebhookSender sender = sender(fastPolicy());
        URI url = URI.create("https://hooks.example.org/x");

        assertThatThrownBy(() -> sender.deliver(URI.create("ftp://hooks.example.org/x"), SECRET, "e", body))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> sender.deliver(URI.create("/relative"), SECRET, "e", body))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.deliver(url, "", "e", body)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.deliver(url, SECRET, " ", body)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.deliver(url, SECRET, "e\r\nX-Injected: 1", body))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sender.pendingCount()).isZero();
        assertThat(sender.refusedCount()).isZero();
    }

    private static WebhookPolicy fastPolicy() {
        return new WebhookPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(5), 100);
    }

    private WebhookSender sender(WebhookPolicy policy) {
        WebhookSender sender = new WebhookSender(policy);
        toClose.add(sender);
        return sender;
    }

    private TestReceiver receiver(TestReceiver receiver) {
        toClose.add(receiver);
        return receiver;
    }

    private static WebhookResult outcomeOf(CompletableFuture<WebhookResult> delivery) throws Exception {
        return delivery.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
    }

    /** A local port nothing listens on: connections to it are refused at once. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
        }
    }
}
