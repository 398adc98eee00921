package org.rightstream.classify.replay;

/**
 * The replay stopped before every passage was acknowledged: Kafka could not be reached, the topic is
 * missing, or a produce failed. Labels produced so far are valid; running the replay again is safe.
 */
public class ReplayFailedException extends RuntimeException {
    public ReplayFailedException(String message) {
        super(message);
    }

    public ReplayFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
