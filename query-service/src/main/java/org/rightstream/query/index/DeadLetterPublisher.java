package org.rightstream.query.index;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rightstream.contracts.DeadLetters;
import org.rightstream.contracts.PassageSize;
import org.rightstream.contracts.Topics;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes a message that cannot be indexed to {@code <topic>.dlq} with the reason in headers (the same
 * header names the Spring Cloud Stream binder uses for its dead-letter topics), and waits for the
 * acknowledgement so the input offset is committed only once the message is safe.
 */
public final class DeadLetterPublisher {
    public static final String EXCEPTION_MESSAGE = DeadLetters.EXCEPTION_MESSAGE;
    public static final String ORIGINAL_TOPIC = DeadLetters.ORIGINAL_TOPIC;
    public static final String EXCEPTION_FQCN = DeadLetters.EXCEPTION_FQCN;

    private final KafkaTemplate<String, byte[]> template;
    private final Duration timeout;

    public DeadLetterPublisher(KafkaTemplate<String, byte[]> template, Duration timeout) {
        this.template = template;
        this.timeout = timeout;
    }

    public void send(String topic, String key, byte[] payload, String reason, String exceptionClass) throws Exception {
        // A value too large for the dead-letter topic would be refused and the batch retried for ever.
        boolean fits = PassageSize.fitsADeadLetter(payload);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.dlq(topic), key, fits ? payload : null);
        if (!fits) {
            record.headers().add(DeadLetters.VALUE_OMITTED,
                    PassageSize.omittedValue(payload, topic, null, null).getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add(ORIGINAL_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EXCEPTION_FQCN, exceptionClass.getBytes(StandardCharsets.UTF_8));
        template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
