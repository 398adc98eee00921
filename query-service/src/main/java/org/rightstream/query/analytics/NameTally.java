package org.rightstream.query.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One name's passages (each counted once, in the order seen) and the spellings it was written in.
 */
final class NameTally {
    final String key;
    private final Map<String, Integer> spellings = new HashMap<>();
    private final Map<String, Occurrence> passages = new LinkedHashMap<>();

    record Occurrence(ScannedPassage passage, ScannedPassage.ScannedEntity entity) {
    }

    NameTally(String key) {
        this.key = key;
    }

    void add(ScannedPassage passage, ScannedPassage.ScannedEntity entity) {
        spellings.merge(Names.display(entity.text()), 1, Integer::sum);
        passages.putIfAbsent(passage.chunkId(), new Occurrence(passage, entity));
    }

    int passages() {
        return passages.size();
    }

    /** The spelling used most often; ties go to the first in display order. */
    String name() {
        return spellings.entrySet().stream()
                .min((a, b) -> a.getValue().equals(b.getValue())
                        ? Names.compareForDisplay(a.getKey(), b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey)
                .orElse(key);
    }

    List<Occurrence> firstOccurrences(int max) {
        List<Occurrence> out = new ArrayList<>(Math.min(max, passages.size()));
        for (Occurrence o : passages.values()) {
            if (out.size() == max) {
                break;
            }
            out.add(o);
        }
        return out;
    }

    /** Most passages first, then by name. */
    static int byPassagesThenName(NameTally a, NameTally b) {
        int c = Integer.compare(b.passages(), a.passages());
        return c != 0 ? c : Names.compareForDisplay(a.name(), b.name());
    }
}
