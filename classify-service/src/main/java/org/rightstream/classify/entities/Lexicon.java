package org.rightstream.classify.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Word lists shared by all extractors; loaded once from {@code rightstream/entities/*.txt}, read-only afterwards. */
final class Lexicon {
    private static final String BASE = "/rightstream/entities/";

    /** Lower-case common English words. */
    final Set<String> commonWords;
    /** Given names (case as written). */
    final Set<String> givenNames;
    final PhraseIndex places;
    final PhraseIndex knownOrgs;

    static final int F_COMMON = 1;
    static final int F_MONTH = 2;
    static final int F_FUNCTION = 4;
    static final int F_TITLE = 8;
    static final int F_DEMONYM = 16;
    static final int F_ORG_HEAD = 32;
    static final int F_LAW_HEAD = 64;
    static final int F_PLACE = 128;
    static final int F_GIVEN = 256;
    /** First token of a gazetteer phrase / of a known organisation name. */
    static final int F_PLACE_FIRST = 1 << 25;
    static final int F_KNOWN_ORG_FIRST = 1 << 26;
    static final int F_ORG_CUE = 1 << 9;
    static final int F_ORG_AFTER_CUE = 1 << 10;
    static final int F_PLACE_OF_CUE = 1 << 11;
    static final int F_ORG_PAREN = 1 << 12;
    static final int F_PERSON_CUE = 1 << 13;
    static final int F_DESIGNATOR = 1 << 14;
    static final int F_LAW_QUOTE_CUE = 1 << 15;
    static final int F_PLACE_AFTER_CUE = 1 << 16;
    static final int F_ORG_LOWER_MOD = 1 << 17;
    static final int F_NON_PERSON_AFTER = 1 << 18;
    static final int F_PERSON_AFTER_CUE = 1 << 19;
    static final int F_ORG_CUE_ADJ = 1 << 20;
    static final int F_ORG_END_HEAD = 1 << 21;
    static final int F_ORG_CONN = 1 << 22;
    static final int F_ORG_LOWER_HEAD = 1 << 23;

    /** Lower-cased word -> word-class bits (F_COMMON, F_MONTH, F_FUNCTION, F_TITLE, F_DEMONYM). */
    private final HashMap<String, Integer> lowerClasses = new HashMap<>(131_072);
    /** Exact (apostrophe-folded) word -> word-class bits (F_ORG_HEAD, F_LAW_HEAD, F_PLACE, F_GIVEN). */
    private final HashMap<String, Integer> exactClasses = new HashMap<>(4_096);

    private Lexicon(Set<String> commonWords, Set<String> givenNames, PhraseIndex places, PhraseIndex knownOrgs,
            List<String> placeNames) {
        this.commonWords = commonWords;
        this.givenNames = givenNames;
        this.places = places;
        this.knownOrgs = knownOrgs;
        addAll(lowerClasses, commonWords, F_COMMON);
        addAll(lowerClasses, Words.MONTHS, F_MONTH);
        addAll(lowerClasses, Words.DAYS, F_MONTH);
        addAll(lowerClasses, Words.FUNCTION, F_FUNCTION);
        addAll(lowerClasses, Words.TITLES, F_TITLE);
        addAll(lowerClasses, Words.DEMONYMS, F_DEMONYM);
        addAll(exactClasses, Words.ORG_HEADS, F_ORG_HEAD);
        addAll(exactClasses, Words.LAW_HEADS, F_LAW_HEAD);
        addAll(exactClasses, givenNames, F_GIVEN);
        addAll(lowerClasses, Words.ORG_CUES, F_ORG_CUE);
        addAll(lowerClasses, Words.ORG_AFTER_CUES, F_ORG_AFTER_CUE);
        addAll(lowerClasses, Words.PLACE_OF_CUES, F_PLACE_OF_CUE);
        addAll(lowerClasses, Words.ORG_PAREN_WORDS, F_ORG_PAREN);
        addAll(lowerClasses, Words.PERSON_CUES, F_PERSON_CUE);
        addAll(lowerClasses, Words.PLACE_DESIGNATORS, F_DESIGNATOR);
        addAll(lowerClasses, Words.LAW_QUOTE_CUES, F_LAW_QUOTE_CUE);
        addAll(lowerClasses, Words.PLACE_AFTER_CUES, F_PLACE_AFTER_CUE);
        addAll(lowerClasses, Words.ORG_LOWER_MODIFIERS, F_ORG_LOWER_MOD);
        addAll(lowerClasses, Words.NON_PERSON_AFTER, F_NON_PERSON_AFTER);
        addAll(lowerClasses, Words.PERSON_AFTER_CUES, F_PERSON_AFTER_CUE);
        addAll(lowerClasses, Words.ORG_CUE_ADJECTIVES, F_ORG_CUE_ADJ);
        addAll(lowerClasses, Words.ORG_CONNECTORS, F_ORG_CONN);
        addAll(lowerClasses, Words.ORG_LOWER_HEADS, F_ORG_LOWER_HEAD);
        addAll(exactClasses, Words.ORG_END_HEADS, F_ORG_END_HEAD);
        for (String place : placeNames) {
            List<Token> toks = Tokenizer.tokenize(place);
            if (toks.size() == 1) {
                exactClasses.merge(toks.get(0).norm, F_PLACE, (a, b) -> a | b);
            }
        }
        places.firstTokens().forEach(first -> exactClasses.merge(first, F_PLACE_FIRST, (a, b) -> a | b));
        knownOrgs.firstTokens().forEach(first -> exactClasses.merge(first, F_KNOWN_ORG_FIRST, (a, b) -> a | b));
    }

    private static void addAll(HashMap<String, Integer> map, Iterable<String> words, int flag) {
        for (String w : words) {
            map.merge(w, flag, (a, b) -> a | b);
        }
    }

    /** Word-class bits of a token (see the F_ constants). */
    int classes(Token t) {
        Integer lower = lowerClasses.get(t.lower);
        int f = lower == null ? 0 : lower;
        if (t.cap) {
            Integer exact = exactClasses.get(t.norm);
            if (exact != null) {
                f |= exact;
            }
        }
        return f;
    }

    private static final class Holder {
        static final Lexicon INSTANCE = load();
    }

    static Lexicon get() {
        return Holder.INSTANCE;
    }

    private static Lexicon load() {
        Set<String> common = new HashSet<>(65_536);
        for (String line : lines("common-words.txt")) {
            common.add(line);
        }
        Set<String> given = new HashSet<>();
        for (String line : lines("given-names.txt")) {
            given.add(Tokenizer.foldApostrophes(line));
        }
        List<String> placeNames = lines("places.txt");
        return new Lexicon(common, given, PhraseIndex.of(placeNames), PhraseIndex.of(lines("known-orgs.txt")),
                placeNames);
    }

    private static List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Multi-token phrases indexed by their first token's folded text; matched case-sensitively. */
    static final class PhraseIndex {
        private final Map<String, String[][]> byFirst;

        private PhraseIndex(Map<String, String[][]> byFirst) {
            this.byFirst = byFirst;
        }

        static PhraseIndex of(List<String> phrases) {
            Map<String, List<String[]>> tmp = new HashMap<>();
            for (String phrase : phrases) {
                List<Token> toks = Tokenizer.tokenize(phrase);
                if (toks.isEmpty()) {
                    continue;
                }
                String[] seq = new String[toks.size()];
                for (int i = 0; i < seq.length; i++) {
                    seq[i] = toks.get(i).norm;
                }
                tmp.computeIfAbsent(seq[0], k -> new ArrayList<>()).add(seq);
            }
            Map<String, String[][]> out = new HashMap<>();
            tmp.forEach((k, v) -> {
                v.sort((a, b) -> Integer.compare(b.length, a.length));
                out.put(k, v.toArray(new String[0][]));
            });
            return new PhraseIndex(Map.copyOf(out));
        }

        Set<String> firstTokens() {
            return byFirst.keySet();
        }

        /** Length in tokens of the longest phrase starting at {@code i}, or 0. */
        int match(List<Token> tokens, int i) {
            String[][] candidates = byFirst.get(tokens.get(i).norm);
            if (candidates == null) {
                return 0;
            }
            outer:
            for (String[] seq : candidates) {
                if (i + seq.length > tokens.size()) {
                    continue;
                }
                for (int k = 1; k < seq.length; k++) {
                    if (!seq[k].equals(tokens.get(i + k).norm)) {
                        continue outer;
                    }
                }
                return seq.length;
            }
            return 0;
        }

        boolean containsSingle(Token t) {
            String[][] candidates = byFirst.get(t.norm);
            if (candidates == null) {
                return false;
            }
            for (String[] seq : candidates) {
                if (seq.length == 1) {
                    return true;
                }
            }
            return false;
        }
    }
}
