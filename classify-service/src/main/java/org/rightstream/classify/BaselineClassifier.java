package org.rightstream.classify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.rightstream.contracts.Severity;

/**
 * A placeholder until the trained model exists: it assigns no category, the lowest severity and no
 * entities, and says so in its indicator and in {@link #MODEL_VERSION}, so nobody mistakes its output
 * for a classification. It deliberately ignores the passage's heading: labels must come from text.
 */
public final class BaselineClassifier implements PassageClassifier {
    public static final String MODEL_VERSION = "baseline-0";
    static final Severity.Indicator PLACEHOLDER =
            new Severity.Indicator("", "baseline-0 placeholder: no model trained yet, nothing was assessed");

    private final Clock clock;

    public BaselineClassifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Classification classifyText(String text, boolean isRecommendation) {
        return new Classification(List.of(), new Severity(1, List.of(PLACEHOLDER)), List.of(), MODEL_VERSION,
                clock.instant(), Instant.EPOCH);
    }

    @Override
    public String modelVersion() {
        return MODEL_VERSION;
    }
}
