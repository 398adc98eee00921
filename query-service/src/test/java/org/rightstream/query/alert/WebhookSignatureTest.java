package org.rightstream.query.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {
    private static final String SECRET = "s3cr3t-key";
    private static final Instant SENT = Instant.parse("2026-03-01T12:00:00.750Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    /** printf '0.The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac key */
    private static final String OPENSSL_VECTOR = "8511f28f7a1949f0c42772b447d68b2daf760f5f0439a20a17e3b4e7cd395763";
    private final byte[] body = "{\"alertId\":\"a-1\",\"name\":\"Иван Петров\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void headerCarriesTheWholeUnixSecondsAndALowercaseHexMac() {
        assertThat(WebhookSignature.sign(SECRET, SENT, body)).matches("t=1772366400,v1=[0-9a-f]{64}");
    }

    @Test
    void matchesAnIndependentlyComputedMac() {
        String header = WebhookSignature.sign("key", Instant.EPOCH,
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII));
        assertThat(header).isEqualTo("t=0,v1=" + OPENSSL_VECTOR);
    }

    @Test
    void verifiesWithTheSameSecretWithinTolerance() {
        String header = WebhookSignature.sign(SECRET, SENT, body);

        assertThat(WebhookSignature.verify(SECRET, header, body, SENT, FIVE_MINUTES)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, body, SENT.plus(FIVE_MINUTES), FIVE_MINUTES)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, body, SENT.minusSeconds(60), FIVE_MINUTES))
                .as("a sender clock a minute ahead").isTrue();
    }

    @Test
    void rejectsAnotherSecretOrAnAlteredBody() {
        String header = WebhookSignature.sign(SECRET, SENT, body);
        byte[] altered = body.clone();
        altered[5] ^= 1;

        assertThat(WebhookSignature.verify("another-secret", header, body, SENT, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, altered, SENT, FIVE_MINUTES)).isFalse();
    }

    @Test
    void rejectsAStaleOrFarFutureTimestamp() {
        String header = WebhookSignature.sign(SECRET, SENT, body);

        assertThat(WebhookSignature.verify(SECRET, header, body, SENT.plus(Duration.ofMinutes(6)), FIVE_MINUTES))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, body, SENT.minus(Duration.ofMinutes(6)), FIVE_MINUTES))
                .isFalse();
    }

    @Test
    void aTimestampMovedIntoTheWindowDoesNotVerify() {
        String header = WebhookSignature.sign(SECRET, SENT, body);
        String replayed = header.replace("t=" + SENT.getEpochSecond(), "t=" + (SENT.getEpochSecond() + 600));

        assertThat(WebhookSignature.verify(SECRET, replayed, body, SENT.plusSeconds(600), FIVE_MINUTES)).isFalse();
    }

    @Test
    void acceptsAnyOfSeveralSignaturesAndIgnoresUnknownSchemes() {
        String good = WebhookSignature.sign(SECRET, SENT, body);
        String t = good.substring(0, good.indexOf(','));
        String v1 = good.substring(good.indexOf(',') + 1);
        String otherV1 = "v1=" + "0".repeat(64);

        assertThat(WebhookSignature.verify(SECRET, t + "," + otherV1 + "," + v1, body, SENT, FIVE_MINUTES)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, v1 + ",v0=abc," + t, body, SENT, FIVE_MINUTES)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, t + ", " + v1, body, SENT, FIVE_MINUTES)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, t + "," + otherV1, body, SENT, FIVE_MINUTES)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "garbage",
            "t=1772366400",
            "v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=-1,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=12e3,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=99999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1,t=2,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "t=1772366400,v1=ABCDEF",
            "t=1772366400,v1=00000000000000000000000000000000000000000000000000000000000000zz",
            "t=1772366400,,v1=0000000000000000000000000000000000000000000000000000000000000000",
            "=1,t=1772366400,v1=0000000000000000000000000000000000000000000000000000000000000000"})
    void rejectsMalformedHeaders(String header) {
        assertThat(WebhookSignature.verify(SECRET, header, body, SENT, FIVE_MINUTES)).isFalse();
    }

    @Test
    void uppercaseHexIsNotTheSpecifiedFormat() {
        String header = WebhookSignature.sign(SECRET, SENT, body);
        String upper = header.substring(0, header.indexOf("v1=") + 3) + header.substring(header.indexOf("v1=") + 3)
                .toUpperCase();

        assertThat(WebhookSignature.verify(SECRET, upper, body, SENT, FIVE_MINUTES)).isFalse();
    }

    @Test
    void signsAnEmptyBody() {
        String header = WebhookSignature.sign(SECRET, SENT, new byte[0]);

        assertThat(WebhookSignature.verify(SECRET, header, new byte[0], SENT, FIVE_MINUTES)).isTrue();
    }

    @Test
    void anEmptySecretIsAProgrammingError() {
        assertThatThrownBy(() -> WebhookSignature.sign("", SENT, body)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignature.verify(null, "t=1,v1=" + "0".repeat(64), body, SENT, FIVE_MINUTES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newSecretsAre32RandomBytesInBase64UrlWithoutPadding() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSignature.newSecret();
            assertThat(secret).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(100);
    }
}
