package org.rightstream.ingest.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.rightstream.contracts.Taxonomy;

/**
 * The taxonomy category a section heading names, if any. Enumerators ("Section 1.", "c.", "IV.") and
 * a trailing colon are ignored, case too. A heading also matches when it starts with a taxonomy
 * heading of three or more words, so a report that lengthens a heading keeps its label; short
 * headings ("Women", "Discrimination") must match whole, or they would label unrelated sections.
 * These labels are weak labels for training and evaluation, never the classification itself.
 */
public final class HeadingCategories {
    private static final Pattern ENUMERATOR = Pattern.compile(
            "^(?:section\\s+\\d{1,2}\\s*[.:]?|[ivxlc]+\\.|[a-h]\\.|\\d{1,2}(?:\\.\\d{1,2})*\\.?)\\s+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MIN_PREFIX_WORDS = 3;

    private record Entry(String key, String category, int words) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public HeadingCategories(Taxonomy taxonomy) {
        for (Taxonomy.Category c : taxonomy.categories()) {
            for (String h : c.headings()) {
                String key = key(h);
                entries.add(new Entry(key, c.id(), key.split(" ").length));
            }
        }
    }

    public Optional<String> categoryOf(String heading) {
        String key = key(ENUMERATOR.matcher(heading.strip().toLowerCase(Locale.ROOT)).replaceFirst(""));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return Optional.of(e.category());
            }
        }
        Entry best = null;
        for (Entry e : entries) {
            if (e.words() >= MIN_PREFIX_WORDS && key.startsWith(e.key() + " ")
                    && (best == null || e.key().length() > best.key().length())) {
                best = e;
            }
        }
        if (best != null) {
            return Optional.of(best.category());
        }
        return closest(key);
    }

    /**
     * Reports reword headings slightly from year to year ("Arbitrary Interference with Privacy ..."
     * for "Arbitrary or Unlawful Interference with Privacy ..."): a heading of four or more words whose
     * word set overlaps a taxonomy heading's by 80% (Jaccard) takes that heading's category.
     */
    private Optional<String> closest(String key) {
        java.util.Set<String> words = new java.util.HashSet<>(List.of(key.split(" ")));
        if (words.size() < 4) {
            return Optional.empty();
        }
        Entry best = null;
        double bestScore = 0.8;
        for (Entry e : entries) {
            java.util.Set<String> other = new java.util.HashSet<>(List.of(e.key().split(" ")));
            int total = other.size();
            other.retainAll(words);
            double jaccard = other.size() / (double) (total + words.size() - other.size());
            if (jaccard >= bestScore) {
                best = e;
                bestScore = jaccard;
            }
        }
        return Optional.ofNullable(best).map(Entry::category);
    }

    /** True when the heading is exactly one of the taxonomy's headings. */
    public boolean isKnownHeading(String heading) {
        String key = key(heading);
        return entries.stream().anyMatch(e -> e.key().equals(key));
    }

    /** Deepest heading first: the most specific heading that names a category wins. */
    public Optional<String> categoryOfPath(List<String> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            Optional<String> c = categoryOf(path.get(i));
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    static String key(String heading) {
        return NON_WORD.matcher(heading.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
