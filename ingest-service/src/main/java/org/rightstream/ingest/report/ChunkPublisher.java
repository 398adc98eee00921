package org.rightstream.ingest.report;

import java.util.List;
import org.rightstream.contracts.ChunkMessage;

/** Publishes all passages of one report and returns only once every one is acknowledged. */
public interface ChunkPublisher {
    void publish(String reportId, List<ChunkMessage> chunks) throws PublishFailedException;
}
