package org.rightstream.query.analytics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The fields of an indexed passage that the name analyses read (a source-filtered hit). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ScannedPassage(String chunkId, String reportId, Integer year, String text, List<ScannedEntity> entities) {
    ScannedPassage {
        entities = entities == null ? List.of() : entities;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ScannedEntity(String text, String type, Integer start, Integer end) {
        boolean is(String entityType) {
            return entityType.equals(type);
        }
    }
}
