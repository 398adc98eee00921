package org.rightstream.query.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.rightstream.contracts.CategoryScore;

/**
 * The part of an indexed passage that a search hit shows: Elasticsearch returns only these fields
 * ({@link #FIELDS}, source filtering) and the client reads them straight into this record, without the rest
 * of the passage (text, entities, severity indicators, source file, timestamps) and without an intermediate tree.
 * The text is the largest field and is left out: a hit shows only the highlighter's snippets of it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HitSource(String chunkId, String reportId, int ordinal, String country, Integer year, String title,
                        List<String> sectionPath, List<CategoryScore> categories, Severity severity,
                        String modelVersion) {

    /** The {@code _source} fields a search asks for. */
    static final List<String> FIELDS = List.of("chunkId", "reportId", "ordinal", "country", "year", "title",
            "sectionPath", "categories", "severity.level", "modelVersion");

    public HitSource {
        sectionPath = sectionPath == null ? List.of() : sectionPath;
        categories = categories == null ? List.of() : categories;
    }

    /** Only the level is fetched. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Severity(Integer level) {
    }
}
