package org.rightstream.classify;

import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;

/** Labels one passage: categories, severity with indicators, entities, and the model that produced them. */
public interface PassageClassifier {
    ClassifiedChunk classify(ChunkMessage chunk);

    String modelVersion();
}
