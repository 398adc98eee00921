package org.rightstream.ingest.report;

/** A report that cannot be ingested as it is; the message says what is wrong with it. */
public class ReportRejectedException extends RuntimeException {
    public enum Reason { EMPTY, TOO_LARGE, UNSUPPORTED_TYPE, UNREADABLE, NOT_A_REPORT }

    private final Reason reason;

    public ReportRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
