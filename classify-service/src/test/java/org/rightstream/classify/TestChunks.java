package org.rightstream.classify;

import java.time.Instant;
import java.util.List;
import org.rightstream.contracts.ChunkMessage;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Source;

/** Valid passages for the tests: every field set, ids derived the way ingest-service derives them. */
public final class TestChunks {
    private TestChunks() {
    }

    public static String reportId(String seed) {
        return Ids.reportId("report text " + seed);
    }

    public static ChunkMessage chunk(String reportId, int ordinal, int totalChunks, String headingCategory) {
        return new ChunkMessage(ChunkMessage.SCHEMA_VERSION, reportId, Ids.chunkId(reportId, ordinal), ordinal,
                totalChunks, new Source("kz-2012.txt", "ab12cd34", "text/plain", "US Department of State"),
                "Kazakhstan", 2012, "KAZAKHSTAN 2012 HUMAN RIGHTS REPORT",
                List.of("Section 1. Respect for the Integrity of the Person", "c. Torture",
                        "Prison and Detention Center Conditions"),
                headingCategory, "Passage " + ordinal + ": police beat detainees in pretrial detention.",
                100 * ordinal, 100 * ordinal + 60, 3 + ordinal, List.of("12", "13"), ordinal % 2 == 1,
                Instant.parse("2026-11-23T08:00:00Z"));
    }

    public static ChunkMessage chunk(String reportId, int ordinal, int totalChunks) {
        return chunk(reportId, ordinal, totalChunks, "torture");
    }
}
