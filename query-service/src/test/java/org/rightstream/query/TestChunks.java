package org.rightstream.query;

import java.time.Instant;
import java.util.List;
import org.rightstream.contracts.CategoryScore;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Entity;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Severity;
import org.rightstream.contracts.Source;

/** Valid classified passages for the tests, every field set. */
public final class TestChunks {
    private TestChunks() {
    }

    public static ChunkMessage chunk(String reportId, int ordinal, int totalChunks) {
        return new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, ordinal), ordinal,
                totalChunks, new Source("kz-2012.txt", "ab12cd34", "text/plain", "US Department of State"),
                "Kazakhstan", 2012, "KAZAKHSTAN 2012 HUMAN RIGHTS REPORT",
                List.of("Section 1. Respect for the Integrity of the Person", "c. Torture",
                        "Prison and Detention Center Conditions"),
                "torture", "Police beat detainees in the Almaty pretrial detention center.", 120, 183, 4,
                List.of("12"), true, Instant.parse("2026-11-23T08:00:00Z"));
    }

    public static ClassifiedChunk classified(String reportId, int ordinal, int totalChunks) {
        return ClassifiedChunk.of(chunk(reportId, ordinal, totalChunks),
                List.of(new CategoryScore("torture", 0.91), new CategoryScore("arbitrary-detention", 0.42)),
                new Severity(4, List.of(new Severity.Indicator("beat", "physical ill-treatment"))),
                List.of(new Entity("Almaty", Entity.Type.PLACE, 28, 34)), "model-7",
                Instant.parse("2026-11-23T08:00:05.123Z"), Instant.parse("2026-11-01T12:00:00Z"));
    }
}
