package org.rightstream.query.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a webhook receiver checks to know a notification comes from us and was not replayed:
 * {@code X-Rightstream-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}.
 *
 * <p>The timestamp is inside the MAC so a captured request cannot be replayed later than the receiver's tolerance.
 * The key is the secret's UTF-8 bytes, so receivers use the string they were shown as is. A header may carry several
 * {@code v1} values (to allow a secret rotation) and keys other than {@code t} and {@code v1} are ignored, so a later
 * scheme can be added without breaking receivers.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Rightstream-Signature";

    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern V1_SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new webhook secret: 32 random bytes, base64url without padding (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The header value for {@code body} sent at {@code timestamp} (whole seconds). */
    public static String sign(String secret, Instant timestamp, byte[] body) {
        long seconds = timestamp.getEpochSecond();
        return "t=" + seconds + ",v1=" + HEX.formatHex(mac(secret, seconds, body));
    }

    /**
     * Whether {@code header} is a valid signature of {@code body} under {@code secret}, made no further than
     * {@code tolerance} from {@code now} (either way, to allow for clock skew). A missing or malformed header is
     * simply not valid.
     */
    public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        requireSecret(secret);
        SignedHeader parsed = SignedHeader.parse(header);
        if (parsed == null) {
            return false;
        }
        // Whole seconds on both sides: the header has no finer resolution.
        long ageSeconds = Math.abs(now.getEpochSecond() - parsed.timestamp());
        if (ageSeconds > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = HEX.formatHex(mac(secret, parsed.timestamp(), body)).getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        // Every candidate is compared, in constant time, so the timing says nothing about which one matched.
        for (String candidate : parsed.signatures()) {
            valid |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return valid;
    }

    private static byte[] mac(String secret, long seconds, byte[] body) {
        requireSecret(secret);
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), MAC_ALGORITHM));
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void requireSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
    }

    private record SignedHeader(long timestamp, List<String> signatures) {

        /** The header's timestamp and v1 signatures; null unless it has exactly one timestamp and some signature. */
        static SignedHeader parse(String header) {
            if (header == null) {
                return null;
            }
            Long timestamp = null;
            List<String> signatures = new ArrayList<>();
            for (String part : header.split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    return null;
                }
                String key = part.substring(0, eq).strip();
                String value = part.substring(eq + 1).strip();
                if (key.equals("t")) {
                    if (timestamp != null || !UNIX_SECONDS.matcher(value).matches()) {
                        return null;
                    }
                    timestamp = Long.parseLong(value);
                } else if (key.equals("v1")) {
                    if (!V1_SIGNATURE.matcher(value).matches()) {
                        return null;
                    }
                    signatures.add(value);
                }
            }
            return timestamp == null || signatures.isEmpty() ? null : new SignedHeader(timestamp, signatures);
        }
    }
}
