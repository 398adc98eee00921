package org.rightstream.classify;

import java.time.Clock;
import org.rightstream.classify.category.CategoryModel;
import org.rightstream.classify.entities.EntityExtractor;
import org.rightstream.classify.severity.SeverityScorer;

/**
 * The classifier the service runs: categories from the trained {@link CategoryModel}, severity from the rules
 * of {@link SeverityScorer}, entities from {@link EntityExtractor}. The model version names both the trained
 * model (its data hash) and the rule set, so a change to either is a new version that re-indexing replaces.
 */
public final class ModelClassifier implements PassageClassifier {
    /** Bump when a change to the severity or entity rules changes their output. */
    public static final int RULES_VERSION = 1;

    private final CategoryModel categories;
    private final SeverityScorer severity;
    private final EntityExtractor entities;
    private final double secondaryThreshold;
    private final String modelVersion;
    private final Clock clock;

    public ModelClassifier(CategoryModel categories, double secondaryThreshold, Clock clock) {
        this.categories = categories;
        this.severity = new SeverityScorer();
        this.entities = new EntityExtractor();
        this.secondaryThreshold = secondaryThreshold;
        this.modelVersion = categories.modelVersion() + "-r" + RULES_VERSION;
        this.clock = clock;
    }

    @Override
    public Classification classifyText(String text, boolean isRecommendation) {
        String t = text == null ? "" : text;
        return new Classification(categories.categorise(t, secondaryThreshold), severity.score(t, isRecommendation),
                entities.extract(t), modelVersion, clock.instant(), categories.trainedAt());
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    public CategoryModel categoryModel() {
        return categories;
    }
}
