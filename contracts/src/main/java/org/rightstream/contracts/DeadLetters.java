package org.rightstream.contracts;

/**
 * Header names every dead-letter topic ({@code <topic>.dlq}) uses, whichever service wrote the record:
 * the names the Spring Cloud Stream Kafka binder uses for its own dead letters, so an operator reads
 * all DLQs the same way. Values are UTF-8 text.
 */
public final class DeadLetters {
    /** Why the message was not processed, in plain words. */
    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    /** Class of the exception that says why. */
    public static final String EXCEPTION_FQCN = "x-exception-fqcn";
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    /**
     * Present when the original value was too large to copy to the dead-letter topic (the record then has no
     * value); says how large it was and where the original still is.
     */
    public static final String VALUE_OMITTED = "x-value-omitted";

    private DeadLetters() {
    }
}
