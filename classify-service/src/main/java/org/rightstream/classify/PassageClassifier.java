package org.rightstream.classify;

import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;

/**
 * Labels one passage: categories, severity with indicators, entities, and the model that produced them.
 * Implementations are thread-safe. Only the text and the recommendation flag count: never the section heading.
 */
public interface PassageClassifier {

    Classification classifyText(String text, boolean isRecommendation);

    default ClassifiedChunk classify(ChunkMessage chunk) {
        return classifyText(chunk.text(), chunk.isRecommendation()).attachTo(chunk);
    }

    String modelVersion();
}
