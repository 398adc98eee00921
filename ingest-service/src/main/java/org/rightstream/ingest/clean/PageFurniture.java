package org.rightstream.ingest.clean;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds running page headers, footers and page numbers, by their repetition and position rather than
 * by their words, so it works for publishers it has never seen:
 * <ul>
 *   <li>a line that is only a page number ("19", "Page 4 of 30");</li>
 *   <li>a short line that recurs with a changing number ("KAZAKHSTAN 2", "KAZAKHSTAN 3");</li>
 *   <li>short lines that recur next to such a line, or next to a page number, forming a header block;</li>
 *   <li>with page information, short lines that recur at the top or bottom of many pages.</li>
 * </ul>
 * A line that opens a numbered section ("Section 2.", "b.", "IV.") is never taken for furniture.
 */
public final class PageFurniture {
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^\\s*(?:page\\s+)?\\d{1,4}(?:\\s*(?:/|of|-)\\s*\\d{1,4})?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DANGLING = Pattern.compile(
            "(?i).*\\b(and|or|of|the|for|to|in|on|with|by|from|a|an|that|which|their|its)$|.*,$");
    private static final int MAX_CHARS = 120;
    /** How far (in non-blank lines) a header block extends from its anchor line. */
    private static final int BLOCK_REACH = 3;

    private PageFurniture() {
    }

    /** Indices of the lines to drop. */
    public static BitSet find(List<SourceLine> lines) {
        BitSet drop = new BitSet(lines.size());
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                nonBlank.add(i);
            }
        }
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int i : nonBlank) {
            String text = lines.get(i).text().strip();
            if (text.length() <= MAX_CHARS) {
                byKey.computeIfAbsent(key(text), k -> new ArrayList<>()).add(i);
            }
        }
        // Anchors: page numbers, and recurring lines whose number changes (page counters).
        BitSet anchors = new BitSet(lines.size());
        for (int i : nonBlank) {
            if (PAGE_NUMBER.matcher(lines.get(i).text()).matches()) {
                anchors.set(i);
            }
        }
        for (List<Integer> same : byKey.values()) {
            String first = lines.get(same.get(0)).text().strip();
            if (same.size() >= 2 && numbersVary(lines, same) && !opensSection(first)
                    && !Headings.isNumberedParagraph(first)) {
                same.forEach(anchors::set);
            }
        }
        drop.or(anchors);
        // Header blocks: short, sentence-less lines right next to an anchor. Lines after it first, so
        // that a sentence running on below the block ("... relative to their" / "education level.")
        // keeps the line above it.
        Set<String> furnitureKeys = new HashSet<>();
        for (int dir : new int[] {1, -1}) {
            for (int n = 0; n < nonBlank.size(); n++) {
                if (!anchors.get(nonBlank.get(n))) {
                    continue;
                }
                if (dir < 0 && resumesMidSentence(lines, nonBlank, n, drop)) {
                    continue;
                }
                for (int step = 1; step <= BLOCK_REACH; step++) {
                    int m = n + dir * step;
                    if (m < 0 || m >= nonBlank.size()) {
                        break;
                    }
                    int idx = nonBlank.get(m);
                    if (anchors.get(idx)) {
                        continue;
                    }
                    // Below the block, a body line whose sentence goes on is text, not furniture.
                    String candidate = lines.get(idx).text().strip();
                    boolean sentenceGoesOn = dir > 0 && m + 1 < nonBlank.size()
                            && Character.isLowerCase(lines.get(nonBlank.get(m + 1)).text().strip().codePointAt(0))
                            && (DANGLING.matcher(candidate).matches() || !Headings.isTitleLike(candidate, 25));
                    if (!furnitureLike(lines.get(idx).text()) || sentenceGoesOn) {
                        break;
                    }
                    drop.set(idx);
                    furnitureKeys.add(key(lines.get(idx).text().strip()));
                }
            }
        }
        // The same header text elsewhere in the document goes too.
        for (String k : furnitureKeys) {
            byKey.getOrDefault(k, List.of()).forEach(drop::set);
        }
        dropRepeatedPageEdges(lines, nonBlank, byKey, drop);
        return drop;
    }

    /** With page numbers known: a short line among the first or last two of many pages is furniture. */
    private static void dropRepeatedPageEdges(List<SourceLine> lines, List<Integer> nonBlank,
                                              Map<String, List<Integer>> byKey, BitSet drop) {
        Map<Integer, List<Integer>> byPage = new HashMap<>();
        for (int i : nonBlank) {
            if (lines.get(i).page() > 0) {
                byPage.computeIfAbsent(lines.get(i).page(), p -> new ArrayList<>()).add(i);
            }
        }
        if (byPage.size() < 3) {
            return;
        }
        Map<String, Set<Integer>> edgePages = new HashMap<>();
        for (var page : byPage.entrySet()) {
            List<Integer> l = page.getValue();
            for (int j = 0; j < l.size(); j++) {
                if (j < 2 || j >= l.size() - 2) {
                    String text = lines.get(l.get(j)).text().strip();
                    if (text.length() <= MAX_CHARS && !opensSection(text)) {
                        edgePages.computeIfAbsent(key(text), k -> new HashSet<>()).add(page.getKey());
                    }
                }
            }
        }
        int threshold = Math.max(3, byPage.size() / 3);
        edgePages.forEach((k, pages) -> {
            if (pages.size() >= threshold) {
                byKey.getOrDefault(k, List.of()).forEach(drop::set);
            }
        });
    }

    /** The first line kept after the anchor's block starts in lower case: a sentence runs across the page break. */
    private static boolean resumesMidSentence(List<SourceLine> lines, List<Integer> nonBlank, int anchor, BitSet drop) {
        for (int m = anchor + 1; m < nonBlank.size(); m++) {
            if (!drop.get(nonBlank.get(m))) {
                return Character.isLowerCase(lines.get(nonBlank.get(m)).text().strip().codePointAt(0));
            }
        }
        return false;
    }

    private static boolean furnitureLike(String line) {
        String t = line.strip();
        return t.length() <= MAX_CHARS && !t.isEmpty() && ".!?;:,".indexOf(t.charAt(t.length() - 1)) < 0
                && !opensSection(t) && !t.startsWith("•");
    }

    static boolean opensSection(String line) {
        return Headings.enumeratedLevel(line.strip()) > 0;
    }

    private static boolean numbersVary(List<SourceLine> lines, List<Integer> same) {
        Set<String> numbers = new HashSet<>();
        for (int i : same) {
            Matcher m = DIGITS.matcher(lines.get(i).text());
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                b.append(m.group()).append(',');
            }
            if (b.isEmpty()) {
                return false;
            }
            numbers.add(b.toString());
        }
        return numbers.size() > 1;
    }

    /** Lines that differ only in numbers, case or spacing share a key. */
    static String key(String line) {
        return DIGITS.matcher(line.strip().toLowerCase(Locale.ROOT)).replaceAll("#").replaceAll("\\s+", " ");
    }
}
