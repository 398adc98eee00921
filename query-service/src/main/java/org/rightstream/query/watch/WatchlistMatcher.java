package org.rightstream.query.watch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rightstream.query.watch.NameVariants.Token;
import org.rightstream.query.watch.WatchMatch.Form;

/**
 * Finds the watched names in a text across spellings, scripts, name order and initials.
 *
 * <p>Cost: every name of every watch is indexed under the {@link NameKey#phonetic() phonetic key} of one of its
 * tokens (the anchor: the surname of a person, the first word of an organisation). A text is tokenised once and each
 * token is looked up in that hash map; only the few names filed under it are then verified against the neighbouring
 * tokens. The work is therefore proportional to the passage length plus the number of candidates, not to
 * (watches x passage length).
 *
 * <p>Score: the base of the {@link Form} (1 in the watch's order, 0.9 reversed, 0.85 with initials, 0.5 surname
 * alone), times 0.95 when a token agrees only by its phonetic key rather than its folded spelling, times 0.6 when every
 * matched word is also a common word and begins a sentence (capitals there say nothing). Matches below the threshold
 * are dropped.
 *
 * <p>Thread-safe once built.
 */
public final class WatchlistMatcher {

    /** Admits every form except a surname alone. */
    public static final double DEFAULT_THRESHOLD = 0.7;

    private static final double VARIANT_FACTOR = 0.95;
    private static final double SENTENCE_START_COMMON_WORD_FACTOR = 0.6;
    private static final String[] PATRONYMIC_ENDINGS = {"ovich", "evich", "ovna", "evna", "uly", "uli", "kyzy", "qyzy"};

    /**
     * One way of finding one name. {@code others} are the name's other tokens in the watch's order;
     * {@code anchorLast} says whether they come before the anchor in the watch's name (anchor = last token).
     */
    private record NameForm(Watch watch, NameKey anchor, List<NameKey> others, boolean anchorLast) {
    }

    private final Map<String, List<NameForm>> formsByAnchorKey = new HashMap<>();
    private final double threshold;
    private final int watchCount;

    private WatchlistMatcher(Collection<Watch> watches, double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
        }
        this.threshold = threshold;
        this.watchCount = watches.size();
        for (Watch watch : watches) {
            List<String> names = new ArrayList<>();
            names.add(watch.name());
            names.addAll(watch.aliases());
            for (String name : names) {
                index(watch, NameVariants.nameKeys(name));
            }
        }
    }

    public static WatchlistMatcher of(Collection<Watch> watches) {
        return new WatchlistMatcher(watches, DEFAULT_THRESHOLD);
    }

    public static WatchlistMatcher of(Collection<Watch> watches, double threshold) {
        return new WatchlistMatcher(watches, threshold);
    }

    public double threshold() {
        return threshold;
    }

    public int watchCount() {
        return watchCount;
    }

    private void index(Watch watch, List<NameKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (watch.type() == WatchType.ORG || keys.size() == 1) {
            add(new NameForm(watch, keys.get(0), keys.subList(1, keys.size()), false));
            return;
        }
        // A person's name may be entered surname first or last, so it is filed under both ends.
        add(new NameForm(watch, keys.get(keys.size() - 1), keys.subList(0, keys.size() - 1), true));
        add(new NameForm(watch, keys.get(0), keys.subList(1, keys.size()), false));
    }

    private void add(NameForm form) {
        formsByAnchorKey.computeIfAbsent(form.anchor().phonetic(), k -> new ArrayList<>(1)).add(form);
    }

    /** The watched names in {@code text}, by start offset; at most one match per watch for overlapping spans. */
    public List<WatchMatch> match(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Token> tokens = NameVariants.tokens(text);
        List<WatchMatch> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<NameForm> forms = formsByAnchorKey.get(tokens.get(i).key().phonetic());
            if (forms == null) {
                continue;
            }
            for (NameForm form : forms) {
                WatchMatch m = verify(form, tokens, i, text);
                if (m != null && m.score() >= threshold) {
                    found.add(m);
                }
            }
        }
        return withoutOverlaps(found);
    }

    private WatchMatch verify(NameForm form, List<Token> tokens, int at, String text) {
        List<NameKey> others = form.others();
        if (others.isEmpty()) {
            return scored(form, tokens, at, at, Form.FULL, text);
        }
        if (form.watch().type() == WatchType.ORG) {
            return matchesFull(tokens, at + 1, others, text, false)
                    ? scored(form, tokens, at, at + others.size(), Form.FULL, text) : null;
        }
        int k = others.size();
        if (form.anchorLast()) {
            // Watch order "Given Surname", the anchor being the surname.
            Form before = matchesGiven(tokens, at - k, others, text, at);
            if (before != null) {
                return scored(form, tokens, at - k, at, before, text);
            }
            // A patronymic between given name and surname ("Vladimir Ivanovich Kozlov", "Kassym-Jomart Kemeluly ...").
            if (at >= k + 1 && matchesFull(tokens, at - k - 1, others, text, false) && isPatronymic(tokens.get(at - 1))
                    && adjacent(tokens, at - 2, at - 1, text, false) && adjacent(tokens, at - 1, at, text, false)) {
                return scored(form, tokens, at - k - 1, at, Form.FULL, text);
            }
            if (k >= 2 && matchesGiven(tokens, at - 1, others.subList(0, 1), text, at) != null) {
                return scored(form, tokens, at - 1, at, Form.INITIALS, text);
            }
            Form after = matchesGiven(tokens, at + 1, others, text, at);
            if (after != null) {
                return scored(form, tokens, at, at + k, after == Form.FULL ? Form.REVERSED : Form.INITIALS, text);
            }
            return scored(form, tokens, at, at, Form.SURNAME_ONLY, text);
        }
        // Watch order "Surname Given" (or a reversed entry), the anchor being the first token: in the text the
        // other tokens precede it ("Lukpan Akhmediyarov", "L. Akhmediyarov" for a watch "Akhmediyarov Lukpan").
        Form before = matchesGiven(tokens, at - k, others, text, at);
        if (before != null) {
            return scored(form, tokens, at - k, at, before == Form.FULL ? Form.REVERSED : Form.INITIALS, text);
        }
        return null;
    }

    /** FULL if every token spells the name part, INITIALS if some are its initials, null otherwise. */
    private static Form matchesGiven(List<Token> tokens, int from, List<NameKey> parts, String text, int anchor) {
        if (from < 0 || from + parts.size() > tokens.size()) {
            return null;
        }
        Form form = Form.FULL;
        for (int j = 0; j < parts.size(); j++) {
            Token t = tokens.get(from + j);
            NameKey part = parts.get(j);
            if (j > 0 && !adjacent(tokens, from + j - 1, from + j, text, false)) {
                return null;
            }
            if (t.key().phonetic().equals(part.phonetic()) && !(t.initial() && part.folded().length() > 2)) {
                continue;
            }
            if (t.initial() && isInitialOf(t, part)) {
                form = Form.INITIALS;
                continue;
            }
            // The watch itself may give only an initial ("L. Akhmediyarov"): any given name with that initial.
            if (part.folded().length() <= 2 && t.capitalised() && !t.initial() && isInitialOf(part, t.key())) {
                form = Form.INITIALS;
                continue;
            }
            return null;
        }
        // The name parts must touch the anchor: before it directly, after it perhaps behind a comma.
        return anchor < from ? (adjacent(tokens, anchor, from, text, true) ? form : null)
                : (adjacent(tokens, from + parts.size() - 1, anchor, text, false) ? form : null);
    }

    private static boolean matchesFull(List<Token> tokens, int from, List<NameKey> parts, String text, boolean allowComma) {
        if (from < 0 || from + parts.size() > tokens.size()) {
            return false;
        }
        for (int j = 0; j < parts.size(); j++) {
            if (!tokens.get(from + j).key().phonetic().equals(parts.get(j).phonetic())) {
                return false;
            }
            if (j > 0 && !adjacent(tokens, from + j - 1, from + j, text, allowComma)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInitialOf(Token t, NameKey part) {
        return isInitialOf(t.key(), part);
    }

    private static boolean isInitialOf(NameKey initial, NameKey part) {
        return !initial.folded().isEmpty()
                && (part.folded().startsWith(initial.folded()) || part.phonetic().startsWith(initial.phonetic()));
    }

    private static boolean isPatronymic(Token t) {
        if (!t.capitalised()) {
            return false;
        }
        for (String ending : PATRONYMIC_ENDINGS) {
            if (t.key().folded().endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Two tokens belong to one name only if nothing but spaces, a hyphen or an initial's period lies between them
     * (a comma too, for "Surname, Given"); otherwise "... Kozlov. Vladimir ..." would be one name.
     */
    private static boolean adjacent(List<Token> tokens, int a, int b, String text, boolean allowComma) {
        Token first = tokens.get(a);
        Token second = tokens.get(b);
        int periods = 0;
        for (int i = first.end(); i < second.start(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (!first.initial() || ++periods > 1) {
                    return false;
                }
            } else if (c == ',') {
                if (!allowComma) {
                    return false;
                }
            } else if (!(Character.isWhitespace(c) || c == '-' || c == '\u00A0')) {
                return false;
            }
        }
        return second.start() - first.end() <= 4;
    }

    private WatchMatch scored(NameForm form, List<Token> tokens, int from, int to, Form how, String text) {
        double score = how.base;
        boolean variant = false;
        boolean allCommon = true;
        List<NameKey> watchKeys = new ArrayList<>(form.others());
        watchKeys.add(form.anchor());
        for (int i = from; i <= to; i++) {
            Token t = tokens.get(i);
            if (t.commonWord()) {
                if (!t.capitalised()) {
                    // An ordinary word in lower case ("said", "will") is not the name it happens to spell.
                    return null;
                }
            } else if (!t.initial()) {
                allCommon = false;
            }
            if (!t.initial() && watchKeys.stream().noneMatch(k -> k.folded().equals(t.key().folded()))) {
                variant = true;
            }
        }
        if (variant) {
            score *= VARIANT_FACTOR;
        }
        if (allCommon && tokens.get(from).sentenceStart()) {
            score *= SENTENCE_START_COMMON_WORD_FACTOR;
        }
        int start = tokens.get(from).start();
        int end = tokens.get(to).end();
        return new WatchMatch(form.watch().id(), text.substring(start, end), start, end, score, how);
    }

    private static List<WatchMatch> withoutOverlaps(List<WatchMatch> found) {
        if (found.size() < 2) {
            return found;
        }
        List<WatchMatch> byScore = new ArrayList<>(found);
        byScore.sort(Comparator.comparingDouble(WatchMatch::score).reversed()
                .thenComparingInt(m -> -(m.end() - m.start())));
        List<WatchMatch> kept = new ArrayList<>();
        for (WatchMatch m : byScore) {
            boolean overlaps = kept.stream().anyMatch(k -> k.watchId().equals(m.watchId())
                    && k.start() < m.end() && m.start() < k.end());
            if (!overlaps) {
                kept.add(m);
            }
        }
        kept.sort(Comparator.comparingInt(WatchMatch::start).thenComparing(WatchMatch::watchId));
        return kept;
    }
}
