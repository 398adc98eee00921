package org.rightstream.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A passage with its labels, as published on {@link Topics#REPORT_CHUNKS_CLASSIFIED}: every field of
 * {@link ChunkMessage} plus categories (primary first), severity, entities, the model that produced them and
 * when that model was trained ({@code modelTrainedAt}, which orders model versions: the index keeps a newer
 * model's labels over an older one's).
 */
public record ClassifiedChunk(
        int schemaVersion,
        String reportId,
        String chunkId,
        int ordinal,
        int totalChunks,
        Source source,
        String country,
        Integer year,
        String title,
        List<String> sectionPath,
        String headingCategory,
        String text,
        int charStart,
        int charEnd,
        Integer page,
        List<String> paragraphNumbers,
        boolean isRecommendation,
        Instant ingestedAt,
        List<CategoryScore> categories,
        Severity severity,
        List<Entity> entities,
        String modelVersion,
        Instant classifiedAt,
        Instant modelTrainedAt) {

    public ClassifiedChunk {
        sectionPath = sectionPath == null ? List.of() : List.copyOf(sectionPath);
        paragraphNumbers = paragraphNumbers == null ? List.of() : List.copyOf(paragraphNumbers);
        categories = categories == null ? List.of() : List.copyOf(categories);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public static ClassifiedChunk of(ChunkMessage c, List<CategoryScore> categories, Severity severity,
                                     List<Entity> entities, String modelVersion, Instant classifiedAt,
                                     Instant modelTrainedAt) {
        return new ClassifiedChunk(c.schemaVersion(), c.reportId(), c.chunkId(), c.ordinal(), c.totalChunks(),
                c.source(), c.country(), c.year(), c.title(), c.sectionPath(), c.headingCategory(), c.text(),
                c.charStart(), c.charEnd(), c.page(), c.paragraphNumbers(), c.isRecommendation(), c.ingestedAt(),
                categories, severity, entities, modelVersion, classifiedAt, modelTrainedAt);
    }

    /** As above, from a model whose training time is not known: its labels count as the oldest. */
    public static ClassifiedChunk of(ChunkMessage c, List<CategoryScore> categories, Severity severity,
                                     List<Entity> entities, String modelVersion, Instant classifiedAt) {
        return of(c, categories, severity, entities, modelVersion, classifiedAt, null);
    }

    /**
     * How new the labels are, for "a newer model's labels are never replaced by an older one's": the model's
     * training time in epoch milliseconds, 0 when unknown.
     */
    public long labelGeneration() {
        return modelTrainedAt == null ? 0 : Math.max(0, modelTrainedAt.toEpochMilli());
    }

    /** The passage without its labels, e.g. to classify it again with a newer model. */
    public ChunkMessage chunk() {
        return new ChunkMessage(schemaVersion, reportId, chunkId, ordinal, totalChunks, source, country, year,
                title, sectionPath, headingCategory, text, charStart, charEnd, page, paragraphNumbers,
                isRecommendation, ingestedAt);
    }

    public ClassifiedChunk validate() {
        chunk().validate();
        Contracts.requireText(modelVersion, "modelVersion");
        Contracts.require(severity != null, "severity is missing");
        Contracts.require(severity.level() >= 1 && severity.level() <= 5,
                "severity.level must be 1-5, was " + severity.level());
        for (CategoryScore c : categories) {
            Contracts.require(c != null && c.id() != null, "a category has no id");
            Contracts.requireCategory(c.id(), "categories");
        }
        return this;
    }
}
