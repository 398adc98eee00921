package org.rightstream.contracts;

/** A message that cannot be parsed or breaks the contract; the text says which field and why. */
public class InvalidMessageException extends RuntimeException {
    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
