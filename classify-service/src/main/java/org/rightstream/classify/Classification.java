package org.rightstream.classify;

import java.time.Instant;
import java.util.List;
import org.rightstream.contracts.CategoryScore;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Entity;
import org.rightstream.contracts.Severity;

/** The labels of one text: what the stream adds to a passage and what {@code POST /api/classify} returns. */
public record Classification(List<CategoryScore> categories, Severity severity, List<Entity> entities,
                             String modelVersion, Instant classifiedAt, Instant modelTrainedAt) {

    public Classification {
        categories = categories == null ? List.of() : List.copyOf(categories);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public ClassifiedChunk attachTo(ChunkMessage chunk) {
        return ClassifiedChunk.of(chunk, categories, severity, entities, modelVersion, classifiedAt, modelTrainedAt);
    }
}
