package org.rightstream.classify.stream;

import java.util.function.Function;
import org.rightstream.classify.PassageClassifier;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.RightstreamJson;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * report.chunks -> report.chunks.classified. Parses and validates the passage itself (so a broken
 * message fails with a precise reason and goes to the dead-letter topic), and keys the output by
 * reportId so a report's passages stay in order downstream.
 */
public final class ClassifyFunction implements Function<Message<byte[]>, Message<byte[]>> {
    private final PassageClassifier classifier;

    public ClassifyFunction(PassageClassifier classifier) {
        this.classifier = classifier;
    }

    /** Parses, validates and classifies one report.chunks payload; a broken one fails with the precise reason. */
    public ClassifiedChunk classify(byte[] payload) {
        return classifier.classify(RightstreamJson.read(payload, ChunkMessage.class).validate());
    }

    @Override
    public Message<byte[]> apply(Message<byte[]> in) {
        ClassifiedChunk out = classify(in.getPayload());
        return MessageBuilder.withPayload(RightstreamJson.write(out))
                .setHeader(KafkaHeaders.KEY, out.reportId())
                .setHeader("contentType", "application/json")
                .build();
    }
}
