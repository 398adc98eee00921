package org.rightstream.infra;

/** A start-up problem the user can fix; the message says what is wrong and how to fix it. */
public class LaunchException extends RuntimeException {
    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
