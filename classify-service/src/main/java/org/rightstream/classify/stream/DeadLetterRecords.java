package org.rightstream.classify.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.rightstream.contracts.DeadLetters;
import org.rightstream.contracts.PassageSize;

/** The reason headers every dead letter of report.chunks carries, whether the stream or the replay wrote it. */
public final class DeadLetterRecords {
    private DeadLetterRecords() {
    }

    /** The exception's message, or its class name when it has none: a dead letter always says why. */
    public static String reason(RuntimeException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Adds the reason, the exception class and where the record came from (partition and offset when known). */
    public static void describe(Headers headers, RuntimeException e, String topic, Integer partition, Object offset) {
        add(headers, DeadLetters.EXCEPTION_MESSAGE, reason(e));
        add(headers, DeadLetters.EXCEPTION_FQCN, e.getClass().getName());
        add(headers, DeadLetters.ORIGINAL_TOPIC, topic);
        if (partition != null) {
            add(headers, DeadLetters.ORIGINAL_PARTITION, partition.toString());
        }
        if (offset != null) {
            add(headers, DeadLetters.ORIGINAL_OFFSET, offset.toString());
        }
    }

    /**
     * The value to copy to the dead-letter topic: the original, unless it would not fit in a passage message
     * with its headers (Kafka would refuse the dead letter and the batch would be retried for ever); then none,
     * and a {@link DeadLetters#VALUE_OMITTED} header says where the original is.
     */
    public static byte[] valueThatFits(byte[] payload, Headers headers, String topic, Integer partition, Object offset) {
        if (PassageSize.fitsADeadLetter(payload)) {
            return payload;
        }
        add(headers, DeadLetters.VALUE_OMITTED, PassageSize.omittedValue(payload, topic, partition, offset));
        return null;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
