package org.rightstream.ingest.incoming;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.rightstream.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a failed {@code reports.incoming} message to {@code reports.incoming.dlq}, same partition, with
 * its original key, value and headers plus the {@link DeadLetterHeaders}, and waits for the broker's
 * acknowledgement (the template's acks=all) before returning; if the send fails it throws, so the error
 * handler does not commit the offset and the message is tried again later: nothing is lost.
 *
 * <p>A value that cannot travel to the dead-letter topic (larger than {@code maxValueBytes}, e.g. a
 * compressed message that expanded past the report limit, or refused by the broker as too large) is
 * replaced by an empty (null) value with an {@link DeadLetterHeaders#VALUE_OMITTED} header naming the
 * original's topic, partition and offset; otherwise such a message would block its partition for ever.
 */
final class IncomingDeadLetterRecoverer extends DeadLetterPublishingRecoverer {
    private static final Logger log = LoggerFactory.getLogger(IncomingDeadLetterRecoverer.class);

    private final int maxValueBytes;
    private final Runnable onDeadLettered;
    private final ThreadLocal<Boolean> omitValue = ThreadLocal.withInitial(() -> false);

    /** @param onDeadLettered called once per message the dead-letter topic acknowledged (for the DLQ counter) */
    IncomingDeadLetterRecoverer(KafkaOperations<?, ?> template, int maxValueBytes, Runnable onDeadLettered) {
        super(template, (record, exception) -> new TopicPartition(Topics.dlq(record.topic()), record.partition()));
        this.maxValueBytes = maxValueBytes;
        this.onDeadLettered = onDeadLettered;
        setExceptionHeadersCreator((headers, exception, isKey, names) ->
                DeadLetterHeaders.createExceptionHeaders(headers, exception));
        setHeadersFunction(DeadLetterHeaders::recordHeaders);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        try {
            super.accept(record, consumer, exception);
        } catch (RuntimeException e) {
            if (record.value() == null || !causedByTooLarge(e)) {
                throw e;
            }
            log.warn("the dead-letter copy of {}-{}@{} is too large for the broker; sending it without its value",
                    record.topic(), record.partition(), record.offset());
            omitValue.set(true);
            try {
                super.accept(record, consumer, exception);
            } finally {
                omitValue.remove();
            }
        }
        onDeadLettered.run();
        log.warn("dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                Topics.dlq(record.topic()), DeadLetterHeaders.message(exception));
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                                                                  TopicPartition topicPartition, Headers headers,
                                                                  byte[] key, byte[] value) {
        int size = record.value() instanceof byte[] bytes ? bytes.length : 0;
        if (!omitValue.get() && size <= maxValueBytes) {
            return super.createProducerRecord(record, topicPartition, headers, key, value);
        }
        DeadLetterHeaders.add(headers, DeadLetterHeaders.VALUE_OMITTED, "the original value (" + size
                + " bytes) is too large for the dead-letter topic; it is still at " + record.topic() + " partition "
                + record.partition() + " offset " + record.offset() + " until that topic's retention removes it");
        return new ProducerRecord<>(topicPartition.topic(),
                topicPartition.partition() < 0 ? null : topicPartition.partition(),
                key != null ? key : record.key(), null, headers);
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
