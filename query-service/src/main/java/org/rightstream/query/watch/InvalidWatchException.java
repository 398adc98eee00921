package org.rightstream.query.watch;

/** A watchlist entry that cannot be stored; the message names the field and what is wrong with it. */
public class InvalidWatchException extends RuntimeException {
    private final String field;

    public InvalidWatchException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
