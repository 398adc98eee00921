package org.rightstream.query.alert;

/**
 * How one notification ended.
 *
 * @param attempts   requests made (0 when refused)
 * @param lastStatus HTTP status of the last response; 0 when there was none (refused, connection error, timeout)
 * @param lastError  why the last attempt failed, e.g. "HTTP 503" or "HttpTimeoutException: request timed out";
 *                   null when delivered
 */
public record WebhookResult(String eventId, Outcome outcome, int attempts, int lastStatus, String lastError) {

    public enum Outcome {
        /** A 2xx response. */
        DELIVERED,
        /** A final error response, or every attempt failed, or the sender was closed before it was done. */
        FAILED,
        /** Not attempted: too many notifications pending, or the sender closed. */
        REFUSED
    }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }
}
