package org.rightstream.contracts;

/**
 * The size a passage message may have: {@link Topics#MAX_PASSAGE_MESSAGE_BYTES} (1 MiB), the limit of the
 * passage topics. The broker checks that limit on the compressed batch only, so a producer that compresses
 * can put a far larger message on report.chunks or report.chunks.classified. A consumer that took it would
 * spend its heap on it, and Kafka would refuse its result or its copy on the dead-letter topic, making the
 * batch retry for ever: consumers refuse it first, and dead-letter it without its value. Not configurable: it
 * is the topics' limit, part of the contract.
 */
public final class PassageSize {
    public static final int MAX_BYTES = Topics.MAX_PASSAGE_MESSAGE_BYTES;
    /** Room a dead letter needs besides its value: key, reason headers, record overhead. */
    static final int DEAD_LETTER_HEADROOM_BYTES = 16 * 1024;

    private PassageSize() {
    }

    /** @throws InvalidMessageException when {@code bytes} is over the limit, saying by how much */
    public static void requireWithinLimit(byte[] bytes, String what) {
        if (bytes != null && bytes.length > MAX_BYTES) {
            throw new InvalidMessageException("the " + what + " has " + bytes.length
                    + " bytes, more than the limit of " + MAX_BYTES + " bytes for a passage");
        }
    }

    /** Whether a value can be copied to a passage topic's dead-letter topic with room for the reason. */
    public static boolean fitsADeadLetter(byte[] value) {
        return value == null || value.length + DEAD_LETTER_HEADROOM_BYTES <= MAX_BYTES;
    }

    /** The text of the {@link DeadLetters#VALUE_OMITTED} header for a value that does not fit. */
    public static String omittedValue(byte[] value, String topic, Integer partition, Object offset) {
        return "the original value (" + value.length + " bytes) is too large for the dead-letter topic; it is on "
                + topic + (partition == null ? "" : " partition " + partition)
                + (offset == null ? "" : " at offset " + offset) + " until the topic's retention removes it";
    }
}
