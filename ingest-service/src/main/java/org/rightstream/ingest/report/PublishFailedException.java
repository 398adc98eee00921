package org.rightstream.ingest.report;

/** Kafka did not acknowledge every passage of a report; the report can be sent again safely (ids are deterministic). */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
