package org.rightstream.contracts;

import java.util.List;

/** Severity level 1-5 (taxonomy.json) with the indicators that produced it, so a reader can check it. */
public record Severity(int level, List<Indicator> indicators) {
    public Severity {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** A phrase found in the passage and the rule it triggered. */
    public record Indicator(String text, String rule) {
    }
}
