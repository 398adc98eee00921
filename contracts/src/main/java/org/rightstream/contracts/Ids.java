package org.rightstream.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids: the same report text always gets the same ids, so re-ingesting or replaying
 * overwrites instead of duplicating (Elasticsearch {@code _id} = chunkId).
 */
public final class Ids {
    private static final int REPORT_ID_HEX_CHARS = 20;

    private Ids() {
    }

    /** reportId = the first 80 bits of SHA-256 over the normalised text, hex encoded. */
    public static String reportId(String normalisedText) {
        return sha256Hex(normalisedText.getBytes(StandardCharsets.UTF_8)).substring(0, REPORT_ID_HEX_CHARS);
    }

    /** chunkId = reportId + zero-padded ordinal, so ids sort in reading order. */
    public static String chunkId(String reportId, int ordinal) {
        return reportId + "-" + String.format("%05d", ordinal);
    }

    public static String alertId(String watchId, String chunkId) {
        return watchId + ":" + chunkId;
    }

    /** One notification per watch and report: watchId + reportId (an alert id has the chunk's ordinal too). */
    public static String notificationId(String watchId, String reportId) {
        return watchId + ":" + reportId;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
