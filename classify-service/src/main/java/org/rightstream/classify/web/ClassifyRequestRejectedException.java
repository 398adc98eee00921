package org.rightstream.classify.web;

/** A request to {@code POST /api/classify} that cannot be classified; the message says what is wrong. */
final class ClassifyRequestRejectedException extends RuntimeException {

    enum Reason { TOO_LARGE, UNSUPPORTED_TYPE, EMPTY, INVALID_JSON, INVALID_FIELD, UNREADABLE }

    private final Reason reason;
    private final String field;

    ClassifyRequestRejectedException(Reason reason, String message) {
        this(reason, null, message);
    }

    ClassifyRequestRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    Reason reason() {
        return reason;
    }

    /** The JSON field at fault, or null when the fault is not in one field. */
    String field() {
        return field;
    }
}
