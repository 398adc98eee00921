package org.rightstream.classify.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rightstream.contracts.Entity;

/**
 * Rule-based named-entity extractor for human-rights report passages: persons, organisations, places and laws.
 *
 * <p>Plain Java, no model files: word lists under {@code rightstream/entities/} (common English words, given
 * names, a gazetteer of countries, capitals and Central Asian cities and regions, well-known international
 * bodies) plus contextual rules (titles and roles before names, surname morphology, organisation head words,
 * acronyms in parentheses, cue words, "Article N of the ... Code", quoted law titles). Overlaps are resolved in
 * favour of the longer, then the more specific entity; names found once in a passage are found again where
 * they recur (surnames of persons included).
 *
 * <p>Instances are immutable and thread-safe; {@link #extract(String)} keeps all its state on the stack.
 */
public final class EntityExtractor {
    private final Lexicon lexicon;

    public EntityExtractor() {
        this.lexicon = Lexicon.get();
    }

    /** Entities of {@code text}, sorted by start offset, never overlapping; an empty list for null or blank text. */
    public List<Entity> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return new Pass(lexicon, text).run();
    }

    // ------------------------------------------------------------------------------------------------------

    /** Candidate span in token indices [start, end). */
    private record Cand(int start, int end, Entity.Type type, int priority) {
        int length() {
            return end - start;
        }
    }

    /** Priorities: among equally long candidates the higher wins; below WEAK a candidate only fills gaps. */
    private static final int P_LAW = 60;
    private static final int P_KNOWN_ORG = 55;
    private static final int P_GAZETTEER = 50;
    private static final int P_ORG_HEAD = 45;
    private static final int P_ORG_CUE = 40;
    private static final int P_PERSON = 35;
    private static final int P_PLACE_CUE = 30;
    private static final int WEAK = 20;
    private static final int P_ORG_WEAK = 15;
    private static final int P_PLACE_WEAK = 10;

    private static final class Pass {
        private final Lexicon lex;
        private final String text;
        private final List<Token> toks;
        private final Token[] ta;
        private final int n;
        private final List<Cand> cands = new ArrayList<>();
        /** Token index -> end of a LAW candidate starting there (for "Article N of the ..."). */
        private final int[] lawEndAt;
        /** Token index -> true where a strong person candidate starts (organisation names stop there). */
        private final boolean[] personStart;
        private final boolean[] personEnd;
        /** Acronyms defined in this passage for things that are not organisations. */
        private final java.util.Set<String> notOrgAcronyms = new java.util.HashSet<>();

        Pass(Lexicon lex, String text) {
            this.lex = lex;
            this.text = text;
            this.toks = Tokenizer.tokenize(text);
            this.n = toks.size();
            this.ta = toks.toArray(new Token[0]);
            this.lawEndAt = new int[n + 1];
            this.personStart = new boolean[n + 1];
            this.personEnd = new boolean[n + 1];
            this.flags = new int[n];
            for (int i = 0; i < n; i++) {
                Token tok = toks.get(i);
                if (tok.kind == Token.Kind.WORD) {
                    flags[i] = lex.classes(tok);
                }
            }
        }

        private static final int F_COMMON = Lexicon.F_COMMON;
        private static final int F_MONTH = Lexicon.F_MONTH;
        private static final int F_FUNCTION = Lexicon.F_FUNCTION;
        private static final int F_TITLE = Lexicon.F_TITLE;
        private static final int F_DEMONYM = Lexicon.F_DEMONYM;
        private static final int F_ORG_HEAD = Lexicon.F_ORG_HEAD;
        private static final int F_LAW_HEAD = Lexicon.F_LAW_HEAD;
        private static final int F_PLACE = Lexicon.F_PLACE;
        private static final int F_GIVEN = Lexicon.F_GIVEN;
        private static final int F_PLACE_FIRST = Lexicon.F_PLACE_FIRST;
        private static final int F_KNOWN_ORG_FIRST = Lexicon.F_KNOWN_ORG_FIRST;
        private static final int F_ORG_CUE = Lexicon.F_ORG_CUE;
        private static final int F_ORG_AFTER_CUE = Lexicon.F_ORG_AFTER_CUE;
        private static final int F_PLACE_OF_CUE = Lexicon.F_PLACE_OF_CUE;
        private static final int F_ORG_PAREN = Lexicon.F_ORG_PAREN;
        private static final int F_PERSON_CUE = Lexicon.F_PERSON_CUE;
        private static final int F_DESIGNATOR = Lexicon.F_DESIGNATOR;
        private static final int F_LAW_QUOTE_CUE = Lexicon.F_LAW_QUOTE_CUE;
        private static final int F_PLACE_AFTER_CUE = Lexicon.F_PLACE_AFTER_CUE;
        private static final int F_ORG_LOWER_MOD = Lexicon.F_ORG_LOWER_MOD;
        private static final int F_NON_PERSON_AFTER = Lexicon.F_NON_PERSON_AFTER;
        private static final int F_PERSON_AFTER_CUE = Lexicon.F_PERSON_AFTER_CUE;
        private static final int F_ORG_CUE_ADJ = Lexicon.F_ORG_CUE_ADJ;
        private static final int F_ORG_END_HEAD = Lexicon.F_ORG_END_HEAD;
        private static final int F_ORG_CONN = Lexicon.F_ORG_CONN;
        private static final int F_ORG_LOWER_HEAD = Lexicon.F_ORG_LOWER_HEAD;
        /** Per-token word classes, computed once. */
        private final int[] flags;

        private boolean has(int i, int flag) {
            return (flags[i] & flag) != 0;
        }

        List<Entity> run() {
            if (n == 0) {
                return List.of();
            }
            persons();
            laws();
            articles();
            quotedLawTitles();
            knownOrgs();
            orgHeads();
            orgLowerHeads();
            orgCues();
            places();
            parentheses();
            appositions();
            appositionsAfter();
            domains();
            acronyms();
            List<Cand> accepted = resolve();
            accepted = orgCoordination(accepted);
            accepted = propagate(accepted);
            accepted.sort(Comparator.comparingInt(Cand::start));
            List<Entity> out = new ArrayList<>(accepted.size());
            for (Cand c : accepted) {
                int s = toks.get(c.start).start;
                int e = toks.get(c.end - 1).end;
                out.add(new Entity(text.substring(s, e), c.type, s, e));
            }
            return out;
        }

        // ---------------------------------------------------------------------------------- helpers

        private Token t(int i) {
            return ta[i];
        }

        private boolean word(int i, String lower) {
            return i >= 0 && i < n && t(i).kind == Token.Kind.WORD && t(i).lower.equals(lower);
        }

        private boolean isCommon(int i) {
            return has(i, F_COMMON);
        }

        private boolean isMonthOrDay(int i) {
            return has(i, F_MONTH);
        }

        private boolean nonOrgAcronym(int i) {
            Token tok = t(i);
            return tok.cap && tok.text.length() <= 8
                    && Words.NON_ORG_ACRONYMS.contains(tok.hasLower ? tok.text.toUpperCase(java.util.Locale.ROOT) : tok.text);
        }

        private boolean isDemonym(int i) {
            return has(i, F_DEMONYM);
        }

        /** Single-token place from the gazetteer. */
        private boolean isPlaceToken(int i) {
            return has(i, F_PLACE);
        }

        private boolean isOrgHead(int i) {
            return i >= 0 && i < n && has(i, F_ORG_HEAD);
        }

        private boolean isLawHead(int i) {
            return i >= 0 && i < n && has(i, F_LAW_HEAD);
        }

        /** A capitalised word or acronym that can be part of an organisation or law name. */
        private boolean nameWord(int i) {
            if (i < 0 || i >= n) {
                return false;
            }
            Token tok = t(i);
            return tok.kind == Token.Kind.WORD && tok.cap;
        }

        private void add(int start, int end, Entity.Type type, int priority) {
            if (start >= 0 && end <= n && end > start) {
                cands.add(new Cand(start, end, type, priority));
            }
        }

        // ---------------------------------------------------------------------------------- persons

        private static final String[] STRONG_SURNAME = {"ov", "ova", "ev", "eva", "yev", "yeva", "iev", "ieva",
            "uly", "kyzy", "kizi", "qyzy", "ovich", "evich", "ovna", "evna", "enko", "dze", "shvili",
            "yan", "zoda", "zade", "ovs", "ovy", "ова", "ов", "ев", "ева", "ович", "евич", "овна", "евна",
            "енко", "улы", "кызы", "ұлы", "қызы"};
        private static final String[] WEAK_SURNAME = {"in", "ina", "yn", "sky", "skiy", "skii", "skaya", "ski",
            "ska", "chuk", "yuk", "bek", "bay", "bai", "gali", "gul", "zhan", "jan", "khan",
            "ин", "ина", "ский", "ская", "бек", "бай"};

        /** 2: strong surname morphology (-ov, -eva, -uly ...), 1: weak (-in, -sky, -bek ...), 0: none. */
        private int morphology(int i) {
            Token tok = t(i);
            String w = tok.lower;
            if (w.length() < 4 || isCommon(i)) {
                return 0;
            }
            int hyphen = w.lastIndexOf('-');
            if (hyphen >= 0) {
                w = w.substring(hyphen + 1);
            }
            if (w.length() >= 5) {
                for (String s : STRONG_SURNAME) {
                    if (w.endsWith(s)) {
                        return 2;
                    }
                }
            }
            for (String s : WEAK_SURNAME) {
                if (w.endsWith(s) && w.length() >= s.length() + 3) {
                    return 1;
                }
            }
            return 0;
        }

        /** Capitalised word that may be part of a person name. */
        private boolean nameToken(int i) {
            Token tok = t(i);
            if (tok.kind != Token.Kind.WORD || !tok.cap || !tok.hasLower || tok.text.length() < 2) {
                return false;
            }
            for (int k = 0; k < tok.text.length(); k++) {
                char c = tok.text.charAt(k);
                if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '\u2019' && c != '\u2010'
                        && c != '\u2011' && Character.getType(c) != Character.NON_SPACING_MARK) {
                    return false;
                }
            }
            if (has(i, F_MONTH | F_TITLE | F_DEMONYM | F_ORG_HEAD | F_LAW_HEAD | F_FUNCTION)
                    || has(i, F_ORG_END_HEAD | F_DESIGNATOR)) {
                return false;
            }
            // plural acronyms such as "NGOs"
            return !(tok.text.length() >= 3 && tok.text.endsWith("s")
                    && tok.text.substring(0, tok.text.length() - 1).chars().allMatch(Character::isUpperCase));
        }

        private boolean given(int i) {
            return has(i, F_GIVEN);
        }

        /** Token is usable inside a person segment: a name token that is not a common word nor a place. */
        private boolean personCore(int i) {
            if (!nameToken(i)) {
                return false;
            }
            if (given(i)) {
                return true;
            }
            return !isCommon(i) && !isPlaceToken(i);
        }

        private boolean cueBefore(int s) {
            int p = s - 1;
            if (p < 0) {
                return false;
            }
            if (t(p).isPunct('.') && p - 1 >= 0 && has(p - 1, F_TITLE)) {
                return true; // Mr. / Dr.
            }
            if (t(p).isPunct(',')) {
                // "the chair of the Criminal Corrective Committee, Zhanat Keshubayev"
                for (int k = p - 1; k >= 1 && k >= p - 12; k--) {
                    if (t(k).kind == Token.Kind.PUNCT) {
                        return false;
                    }
                    if (!t(k).cap && has(k, F_PERSON_CUE)
                            && (word(k + 1, "of") || word(k + 1, "at") || word(k + 1, "for") || word(k + 1, "from"))) {
                        return true;
                    }
                }
                return false;
            }
            if (t(p).kind != Token.Kind.WORD) {
                return false;
            }
            return has(p, F_PERSON_CUE) || has(p, F_TITLE)
                    && !t(p).lower.equals("former") && !t(p).lower.equals("first");
        }

        private boolean cueAfter(int e) {
            if (e >= n) {
                return false;
            }
            if (t(e).kind == Token.Kind.WORD && has(e, F_PERSON_AFTER_CUE)) {
                return true;
            }
            if (t(e).isPunct(',') && e + 1 < n) {
                Token a = t(e + 1);
                if (a.lower.equals("who")) {
                    return true;
                }
                int r = e + 1;
                if (a.lower.equals("a") || a.lower.equals("an") || a.lower.equals("the")) {
                    r++;
                }
                // ", a journalist", ", head of", ", a local activist"
                for (int k = r; k < Math.min(n, r + 3); k++) {
                    if (t(k).kind != Token.Kind.WORD) {
                        break;
                    }
                    if (has(k, F_PERSON_CUE) && !t(k).cap) {
                        return true;
                    }
                    if (t(k).cap) {
                        break;
                    }
                }
            }
            return false;
        }

        private boolean nonPersonAfter(int e) {
            if (e >= n || t(e).kind != Token.Kind.WORD) {
                return false;
            }
            String lower = t(e).lower;
            if (Words.NON_PERSON_AFTER.contains(lower)) {
                return true;
            }
            return t(e).cap && (has(e, F_ORG_HEAD) || has(e, F_ORG_END_HEAD)
                    || has(e, F_LAW_HEAD));
        }

        private boolean determinerBefore(int s) {
            return s > 0 && t(s - 1).kind == Token.Kind.WORD && !t(s - 1).cap
                    && (t(s - 1).lower.equals("the") || t(s - 1).lower.equals("a") || t(s - 1).lower.equals("an"));
        }

        private void persons() {
            // segments: maximal runs of person-core tokens within one sentence
            List<int[]> segments = new ArrayList<>();
            int i = 0;
            while (i < n) {
                if (!personCore(i)) {
                    i++;
                    continue;
                }
                int j = i + 1;
                while (j < n && personCore(j) && !t(j).sentenceStart) {
                    j++;
                }
                segments.add(new int[] {i, j});
                i = j;
            }
            int m = segments.size();
            int[] score = new int[m];
            boolean[] strongEvidence = new boolean[m];
            boolean[] ok = new boolean[m];
            for (int k = 0; k < m; k++) {
                int s = segments.get(k)[0];
                int e = segments.get(k)[1];
                int len = e - s;
                if (len > 4 || nonPersonAfter(e)) {
                    score[k] = Integer.MIN_VALUE / 2;
                    continue;
                }
                int morph = 0;
                for (int x = s; x < e; x++) {
                    if (x == s && len > 1 && given(x)) {
                        continue;
                    }
                    morph = Math.max(morph, morphology(x));
                }
                boolean cueB = cueBefore(s);
                int sc = morph + (cueB ? 2 : 0) + (cueAfter(e) ? 1 : 0) - (determinerBefore(s) ? 2 : 0);
                if (len >= 2) {
                    // given name, and a base point: two or more unknown capitalised words in a row
                    sc += (given(s) ? 2 : 0) + 1;
                } else if (isCommon(s) || isPlaceToken(s)
                        || (e < n && nameWord(e) && t(e).hasLower && isCommon(e) && !has(e, F_FUNCTION | F_MONTH))) {
                    // a lone surname-like word followed by an ordinary capitalised word names something else:
                    // "Temirov Live", "Satpayev Street"
                    sc = Integer.MIN_VALUE / 2;
                }
                score[k] = sc;
                strongEvidence[k] = morph == 2 || cueB;
                ok[k] = len >= 2 ? sc >= 3 : sc >= 2 && strongEvidence[k] && t(s).text.length() >= 3;
            }
            // coordination: "Kalyk and Erik Mendygaziyev", "Sholpan Utekeyeva, Ulbosyn Turdiyeva, and ..."
            for (int round = 0; round < 2; round++) {
                for (int k = 0; k < m; k++) {
                    if (ok[k] || score[k] < -100) {
                        continue;
                    }
                    int s = segments.get(k)[0];
                    int e = segments.get(k)[1];
                    boolean coord = (k > 0 && ok[k - 1] && joinedByConjunction(segments.get(k - 1)[1], s))
                            || (k + 1 < m && ok[k + 1] && joinedByConjunction(e, segments.get(k + 1)[0]));
                    if (!coord) {
                        continue;
                    }
                    int sc = score[k] + 2;
                    int len = e - s;
                    ok[k] = len >= 2 ? sc >= 3 : sc >= 2 && !isCommon(s) && t(s).text.length() >= 3;
                }
            }
            for (int k = 0; k < m; k++) {
                if (ok[k]) {
                    int s = segments.get(k)[0];
                    int e = segments.get(k)[1];
                    add(s, e, Entity.Type.PERSON, P_PERSON);
                    personStart[s] = true;
                    personEnd[e] = true;
                }
            }
        }

        /** Tokens between a and b are only "and", "," or ", and" (a = end of the first segment). */
        private boolean joinedByConjunction(int a, int b) {
            if (b - a < 1 || b - a > 2) {
                return false;
            }
            for (int x = a; x < b; x++) {
                if (!(t(x).isPunct(',') || word(x, "and") || word(x, "or"))) {
                    return false;
                }
            }
            return true;
        }

        // ---------------------------------------------------------------------------------- laws

        private void laws() {
            for (int h = 0; h < n; h++) {
                if (!isLawHead(h)) {
                    continue;
                }
                // modifiers: capitalised words right before the head ("Criminal", "ILO", "UN", "Draft")
                int s = h;
                while (s - 1 >= 0 && h - s < 5 && nameWord(s - 1) && !isMonthOrDay(s - 1) && !isLawHead(s - 1)
                        && !t(s).sentenceStart && !has(s - 1, F_TITLE)) {
                    s--;
                }
                while (s < h && (has(s, F_FUNCTION) || isMonthOrDay(s))) {
                    s++;
                }
                int e = complement(h + 1, Words.LAW_CONNECTORS, true);
                // a head alone ("the Constitution", "Law enforcement", "the Code") names no particular law
                if (s == h && e == h + 1) {
                    continue;
                }
                add(s, e, Entity.Type.LAW, P_LAW);
                if (lawEndAt[s] < e) {
                    lawEndAt[s] = e;
                }
            }
        }

        /**
         * End (exclusive) of a name complement starting at {@code i}: connector words followed by capitalised
         * words, repeatedly ("of the Republic of Kazakhstan", "for Human Rights and the Rule of Law",
         * "against Torture and Other Cruel, Inhuman or Degrading Treatment"). Returns {@code i} if none.
         */
        private int complement(int i, java.util.Set<String> connectors, boolean law) {
            int end = i;
            int j = i;
            while (j < n) {
                int k = j;
                int conn = 0;
                while (k < n && t(k).kind == Token.Kind.WORD && !t(k).cap && connectors.contains(t(k).lower)
                        && conn < 3) {
                    k++;
                    conn++;
                }
                if (k < n && t(k).isPunct('&') && conn == 0) {
                    k++;
                    conn++;
                }
                boolean comma = false;
                if (conn == 0 && k < n && t(k).isPunct(',') && k > i) {
                    // a comma inside a list of capitalised words closed by and/or: "Export, Import and Trafficking"
                    int q = k + 1;
                    int caps = 0;
                    while (q < n && nameWord(q)) {
                        q++;
                        caps++;
                    }
                    if (caps > 0 && caps <= 3 && q + 1 < n && (word(q, "and") || word(q, "or")) && nameWord(q + 1)
                            && !isOrgHead(k + 1)) {
                        k++;
                        comma = true;
                    } else {
                        break;
                    }
                }
                if (conn == 0 && !comma) {
                    break;
                }
                if (k >= n || !nameWord(k) || t(k).sentenceStart || has(k, F_FUNCTION)) {
                    break;
                }
                if (conn > 0) {
                    String first = t(j).lower;
                    if (first.equals("to") && (conn > 1 && !law || isOrgHead(k) || isPlaceToken(k))) {
                        break; // "... to the KNB", "sent to Almaty"
                    }
                    if (first.equals("and") || first.equals("or")) {
                        if (law ? lawHeadInRun(k) : isOrgHead(k)) {
                            break; // coordination of two names: "the Ministry of Justice and the Ministry of ..."
                        }
                        if (!law && (isOrgHead(firstHeadAfter(k)) || has(k, F_KNOWN_ORG_FIRST) && lex.knownOrgs.match(toks, k) > 0
                                || endHeadInRun(k))) {
                            break;
                        }
                    }
                }
                if (!law && personStart[k]) {
                    break;
                }
                // consume capitalised words (and possessives that lead to a head: "General Prosecutor's Office")
                int q = k;
                while (q < n && nameWord(q) && !(q > k && t(q).sentenceStart) && !(q > k && personStart[q] && !law)
                        && !(q > k && has(q, F_FUNCTION))) {
                    q++;
                    if (q + 1 < n && t(q).kind == Token.Kind.POSS && nameWord(q + 1) && possessiveLeadsToHead(q + 1)) {
                        q++;
                    }
                }
                if (law && k < n && isMonthOrDay(k)) {
                    break;
                }
                end = q;
                j = q;
            }
            return end;
        }

        /** Index of the first organisation head in the capitalised run starting at k, or -1. */
        private int firstHeadAfter(int k) {
            int q = k;
            while (q < n && nameWord(q)) {
                if (isOrgHead(q)) {
                    return q;
                }
                q++;
            }
            return -1;
        }

        private boolean lawHeadInRun(int k) {
            for (int q = k; q < n && nameWord(q); q++) {
                if (isLawHead(q)) {
                    return true;
                }
            }
            return false;
        }

        private boolean endHeadInRun(int k) {
            for (int q = k; q < n && nameWord(q); q++) {
                if (has(q, F_ORG_END_HEAD)) {
                    return true;
                }
            }
            return false;
        }

        private boolean possessiveLeadsToHead(int k) {
            return firstHeadAfter(k) >= 0;
        }

        /** "Article 164 of the Criminal Code", "Articles 270 and 271 of the Criminal Code", "Article 31". */
        private void articles() {
            for (int a = 0; a < n; a++) {
                if (!(word(a, "article") || word(a, "articles")) || a + 1 >= n || t(a + 1).kind != Token.Kind.NUM) {
                    continue;
                }
                int e = a + 2;
                while (e < n) {
                    if ((t(e).isPunct(',') || word(e, "and")) && e + 1 < n && t(e + 1).kind == Token.Kind.NUM) {
                        e += 2;
                    } else if (t(e).isPunct(',') && e + 2 < n && word(e + 1, "and") && t(e + 2).kind == Token.Kind.NUM) {
                        e += 3;
                    } else if ((word(e, "part") || word(e, "paragraph")) && e + 1 < n
                            && t(e + 1).kind == Token.Kind.NUM) {
                        e += 2;
                    } else if (t(e).isPunct(',') && e + 2 < n && (word(e + 1, "part") || word(e + 1, "paragraph"))
                            && t(e + 2).kind == Token.Kind.NUM) {
                        e += 3;
                    } else if (t(e).isPunct('(') && e + 2 < n && (t(e + 1).kind == Token.Kind.NUM
                            || t(e + 1).kind == Token.Kind.WORD && t(e + 1).text.length() == 1)
                            && t(e + 2).isPunct(')')) {
                        e += 3;
                    } else {
                        break;
                    }
                }
                // "of the Criminal Code", "of the Code of Administrative Offenses", "of the constitution"
                int o = e;
                if (word(o, "of")) {
                    int p = o + 1;
                    if (word(p, "the")) {
                        p++;
                    }
                    if (p < n && lawEndAt[p] > p) {
                        e = lawEndAt[p];
                    } else if (p < n && (t(p).lower.equals("constitution"))) {
                        e = p + 1;
                    }
                }
                add(a, e, Entity.Type.LAW, P_LAW);
            }
        }

        /** Quoted law titles: {@code the draft law "On Trade Unions"}, {@code "On ..."} titles in general. */
        private void quotedLawTitles() {
            boolean previousWasLaw = false;
            int previousEnd = -10;
            for (int q = 0; q < n; q++) {
                if (!t(q).isOpenQuote()) {
                    continue;
                }
                int close = -1;
                for (int k = q + 1; k < n && k <= q + 40; k++) {
                    if (t(k).isCloseQuote() && k > q + 1) {
                        close = k;
                        break;
                    }
                }
                if (close < 0) {
                    continue;
                }
                int s = q + 1;
                int e = close;
                while (e > s && t(e - 1).kind == Token.Kind.PUNCT && !t(e - 1).isPunct(')')) {
                    e--;
                }
                if (e <= s || !t(s).cap) {
                    continue;
                }
                boolean onTitle = t(s).norm.equals("On") && e - s >= 2;
                boolean cue = false;
                for (int k = q - 1; k >= Math.max(0, q - 3); k--) {
                    if (t(k).kind == Token.Kind.WORD && has(k, F_LAW_QUOTE_CUE)) {
                        cue = true;
                        break;
                    }
                    if (t(k).kind == Token.Kind.PUNCT) {
                        break;
                    }
                }
                boolean coordinated = previousWasLaw && q - previousEnd <= 2 && q - 1 >= 0
                        && (word(q - 1, "and") || word(q - 1, "or") || t(q - 1).isPunct(','));
                if (onTitle || (cue && e - s >= 2) || coordinated) {
                    add(s, e, Entity.Type.LAW, P_LAW);
                    previousWasLaw = true;
                    previousEnd = close;
                    q = close;
                } else {
                    previousWasLaw = false;
                }
            }
        }

        // ---------------------------------------------------------------------------------- organisations

        private void knownOrgs() {
            for (int i = 0; i < n; i++) {
                if (!has(i, F_KNOWN_ORG_FIRST)) {
                    continue;
                }
                int len = lex.knownOrgs.match(toks, i);
                if (len > 0) {
                    add(i, i + len, Entity.Type.ORG, P_KNOWN_ORG);
                }
            }
        }

        /** Modifier chain before an organisation head: capitalised words (and "Prosecutor's"-style possessives). */
        private int modifiersStart(int h) {
            int s = h;
            int count = 0;
            while (count < 7) {
                int p = s - 1;
                if (p < 0) {
                    break;
                }
                if (t(p).kind == Token.Kind.POSS) {
                    // cross a possessive only after a common word: "Prosecutor's Office", "People's Party"
                    int w = p - 1;
                    if (w >= 0 && nameWord(w) && commonish(w) && !isPlaceToken(w) && !t(s).sentenceStart) {
                        s = w;
                        count++;
                        continue;
                    }
                    break;
                }
                if (!nameWord(p) || t(s).sentenceStart || isMonthOrDay(p) || isLawHead(p)
                        || nonOrgAcronym(p) || functionPrefixed(p)
                        || (has(p, F_FUNCTION) && !t(p).sentenceStart)) {
                    break;
                }
                if (has(p, F_TITLE) && !t(p).norm.equals("General") && !t(p).norm.equals("Special")
                        && !t(p).norm.equals("Prosecutor") && !t(p).norm.equals("Ombudsman")) {
                    break;
                }
                if (personStart[p] || isPersonEndingAt(p)) {
                    break;
                }
                s = p;
                count++;
            }
            // one coordination of ordinary words inside the modifiers: "Oil and Gas Workers Union"
            if (s < h && s >= 2 && word(s - 1, "and") && nameWord(s - 2) && isCommon(s - 2) && isCommon(s)
                    && !t(s).sentenceStart && !has(s - 2, F_FUNCTION | F_MONTH | F_TITLE)
                    && !(s - 3 >= 0 && (nameWord(s - 3) || t(s - 3).kind == Token.Kind.POSS))) {
                s -= 2;
            }
            while (s < h && (has(s, F_FUNCTION) || isMonthOrDay(s)
                    || (t(s).kind == Token.Kind.POSS))) {
                s++;
            }
            return s;
        }

        private static final java.util.Set<String> NUMBERED_HEADS = java.util.Set.of("Unit", "Colony", "Brigade",
                "Division", "School", "Regiment", "Battalion", "Department", "Office", "Hospital");

        /** A common word, or a hyphenated word made of common words ("Prosecutor-General"). */
        private boolean commonish(int i) {
            if (isCommon(i)) {
                return true;
            }
            String w = t(i).lower;
            if (w.indexOf('-') < 0) {
                return false;
            }
            for (String part : w.split("-")) {
                if (!lex.commonWords.contains(part)) {
                    return false;
                }
            }
            return true;
        }

        /** "No. 2" after a court. */
        private boolean courtNumber(int i) {
            return i + 2 < n && t(i).norm.equals("No") && t(i + 1).isPunct('.') && t(i + 2).kind == Token.Kind.NUM;
        }

        /** Hyphenated word starting with a function word ("In-country"): heading material, not a name. */
        private boolean functionPrefixed(int i) {
            int h = t(i).lower.indexOf('-');
            return h > 0 && Words.FUNCTION.contains(t(i).lower.substring(0, h));
        }

        /** "Freedom of Peaceful Assembly", "Access to Basic Services": rights and headings, not organisations. */
        private boolean rightsPhraseBefore(int s) {
            if (s < 2) {
                return false;
            }
            String a = t(s - 2).lower;
            String b = t(s - 1).lower;
            return (b.equals("of") && (a.equals("freedom") || a.equals("freedoms") || a.equals("rights") || a.equals("right")))
                    || (b.equals("to") && (a.equals("access") || a.equals("right")))
                    || (b.equals("for") && a.equals("respect"));
        }

        private boolean isPersonEndingAt(int p) {
            return personEnd[p + 1];
        }

        private void orgHeads() {
            for (int h = 0; h < n; h++) {
                Token tok = t(h);
                if (tok.kind != Token.Kind.WORD || !tok.cap) {
                    continue;
                }
                boolean head = has(h, F_ORG_HEAD);
                boolean endHead = has(h, F_ORG_END_HEAD) && !nameWord(h + 1)
                        && !(h + 1 < n && t(h + 1).kind == Token.Kind.WORD
                            && has(h + 1, F_ORG_CONN));
                if (!head && !endHead) {
                    continue;
                }
                // the first head of a capitalised run owns the modifiers: skip heads preceded by another head
                if (h > 0 && isOrgHead(h - 1) && !Words.ORG_WEAK_HEADS.contains(t(h - 1).norm)) {
                    continue;
                }
                // "Prison and Detention Center Conditions": a head followed by an ordinary capitalised word
                if (h + 1 < n && nameWord(h + 1) && isCommon(h + 1) && !isOrgHead(h + 1) && !courtNumber(h + 1)
                        && !has(h + 1, F_TITLE) && !has(h + 1, F_ORG_END_HEAD)
                        && !has(h + 1, F_ORG_CONN)) {
                    continue;
                }
                int s = modifiersStart(h);
                int e = h + 1;
                // further heads and capitalised words right after the head: "Support Services", "Court No. 2"
                while (e < n && nameWord(e) && !t(e).sentenceStart && !personStart[e]
                        && (isOrgHead(e) || has(e, F_ORG_END_HEAD))) {
                    e++;
                }
                if (endHead) {
                    e = h + 1;
                } else {
                    e = complement(e, Words.ORG_CONNECTORS, false);
                }
                if (e + 2 < n && (t(e - 1).norm.equals("Court") || t(e - 1).norm.equals("Courts"))
                        && word(e, "no") && t(e + 1).isPunct('.') && t(e + 2).kind == Token.Kind.NUM) {
                    e += 3;
                } else if (e < n && t(e).kind == Token.Kind.NUM && NUMBERED_HEADS.contains(t(e - 1).norm)) {
                    e++; // "Army Unit 32363"
                }
                boolean modifiers = s < h;
                boolean complement = e > h + 1;
                if (!modifiers && !complement) {
                    if (!Words.ORG_STANDALONE.contains(tok.norm)) {
                        continue;
                    }
                }
                if (Words.ORG_WEAK_HEADS.contains(tok.norm) && !modifiers && !complement) {
                    continue;
                }
                if (endHead && !modifiers) {
                    continue;
                }
                // "Kazakh Government", "Soviet Army": a demonym or place alone before a weak head is no name
                if (Words.ORG_WEAK_HEADS.contains(tok.norm) && !complement && h - s == 1
                        && (isDemonym(s) || isPlaceToken(s))) {
                    continue;
                }
                if (rightsPhraseBefore(s)) {
                    continue;
                }
                add(s, e, Entity.Type.ORG, P_ORG_HEAD);
            }
        }

        /** "Aktobe regional court", "the Bishkek city court", "Medeu District court", "Almaty prosecutor's office". */
        private void orgLowerHeads() {
            for (int h = 1; h < n; h++) {
                Token tok = t(h);
                if (tok.kind != Token.Kind.WORD || tok.cap) {
                    continue;
                }
                int headEnd;
                if (has(h, F_ORG_LOWER_HEAD)) {
                    headEnd = h + 1;
                } else if (tok.lower.equals("prosecutor") && h + 2 < n && t(h + 1).kind == Token.Kind.POSS
                        && word(h + 2, "office")) {
                    headEnd = h + 3;
                } else if (tok.lower.equals("police") && word(h + 1, "department")) {
                    headEnd = h + 2;
                } else {
                    continue;
                }
                int m = h;
                int lowerModifiers = 0;
                while (m - 1 >= 0 && t(m - 1).kind == Token.Kind.WORD && !t(m - 1).cap
                        && has(m - 1, F_ORG_LOWER_MOD) && lowerModifiers < 3) {
                    m--;
                    lowerModifiers++;
                }
                int s = m;
                while (s - 1 >= 0 && nameWord(s - 1) && !t(s).sentenceStart && m - s < 3 && !isMonthOrDay(s - 1)) {
                    s--;
                }
                while (s < m && (has(s, F_FUNCTION) || isMonthOrDay(s)
                        || has(s, F_TITLE))) {
                    s++;
                }
                if (s == m) {
                    continue;
                }
                boolean designator = has(m - 1, F_DESIGNATOR)
                        || t(m - 1).lower.equals("city");
                boolean prosecutor = headEnd - h == 3;
                if (lowerModifiers == 0 && !designator && !prosecutor) {
                    continue;
                }
                boolean placeLike = false;
                for (int x = s; x < m; x++) {
                    if (isPlaceToken(x) || !isCommon(x) || has(x, F_DESIGNATOR)
                            || t(x).lower.equals("city")) {
                        placeLike = true;
                    }
                    if (isDemonym(x)) {
                        placeLike = false;
                        break;
                    }
                }
                if (placeLike) {
                    add(s, headEnd, Entity.Type.ORG, P_ORG_HEAD);
                }
            }
        }

        /** Capitalised run for a name after an organisation cue; returns its end or -1. */
        private int cueNameEnd(int s, boolean allowThe) {
            if (s >= n || !nameWord(s) || t(s).sentenceStart && !allowThe) {
                return -1;
            }
            if (isMonthOrDay(s) || has(s, F_TITLE) || isDemonym(s)
                    || nonOrgAcronym(s)) {
                return -1;
            }
            if (has(s, F_FUNCTION) && !(allowThe && t(s).norm.equals("The") && nameWord(s + 1))) {
                return -1;
            }
            int e = s + 1;
            while (e < n && e - s < 4 && (nameWord(e) || t(e).kind == Token.Kind.WORD && t(e).text.length() == 1
                    && Character.isUpperCase(t(e).text.charAt(0))) && !t(e).sentenceStart) {
                if (t(e).norm.equals("Web") && !nameWord(e + 1)) {
                    break;
                }
                e++;
            }
            // "the NGO Justice for All", "the foundation Friends of Nature"
            while (e + 1 < n && (word(e, "for") || word(e, "of")) && nameWord(e + 1) && !t(e + 1).sentenceStart
                    && !isMonthOrDay(e + 1) && !t(e + 1).norm.equals("The") && !t(e + 1).norm.equals("A") && e - s < 6) {
                int q = e + 1;
                while (q < n && nameWord(q) && q - e <= 3) {
                    q++;
                }
                e = q;
            }
            return e;
        }

        private void orgCues() {
            for (int c = 0; c < n; c++) {
                Token cue = t(c);
                if (cue.kind != Token.Kind.WORD) {
                    continue;
                }
                boolean cueWord = has(c, F_ORG_CUE) && (!cue.cap || cue.allCaps || cue.lower.equals("ngo"));
                if (cueWord && c + 1 < n) {
                    // quoted name: newspaper "Uralskaya Nedelya"
                    if (t(c + 1).isOpenQuote()) {
                        quotedOrg(c + 1);
                        continue;
                    }
                    int s = c + 1;
                    int e = cueNameEnd(s, true);
                    if (e > s && !(e - s == 1 && isPlaceToken(s)) && !isPlaceRun(s, e) && !personLike(s, e)) {
                        add(s, e, Entity.Type.ORG, P_ORG_CUE);
                        // plural cue with a list: "the newspapers Golos Respubliki, Vzglyad, ..."
                        if (cue.lower.endsWith("s") && !cue.lower.endsWith("ss")) {
                            int k = e;
                            while (k + 1 < n && (t(k).isPunct(',') || word(k, "and"))) {
                                int s2 = k + 1;
                                if (word(s2, "and")) {
                                    s2++;
                                }
                                int e2 = cueNameEnd(s2, false);
                                if (e2 <= s2) {
                                    break;
                                }
                                add(s2, e2, Entity.Type.ORG, P_ORG_CUE);
                                k = e2;
                            }
                        }
                    }
                }
                // reverse cue: "the Alga party", "Independent Tribuna newspaper", "Respublika Web portal"
                if (!cue.cap && has(c, F_ORG_AFTER_CUE) && c > 0) {
                    int e = c;
                    int adjectives = 0;
                    while (e - 1 >= 0 && adjectives < 2 && t(e - 1).kind == Token.Kind.WORD
                            && has(e - 1, F_ORG_CUE_ADJ)
                            && (!t(e - 1).cap || t(e - 1).norm.equals("Web"))) {
                        e--;
                        adjectives++;
                    }
                    int s = e;
                    while (s - 1 >= 0 && e - s < 4 && (nameWord(s - 1) || isDomainWord(s - 1)) && !t(s).sentenceStart
                            && !has(s - 1, F_FUNCTION) && !nonOrgAcronym(s - 1)
                            && (t(s - 1).hasLower || t(s - 1).allCaps)) {
                        s--;
                    }
                    while (s < e && (has(s, F_FUNCTION) || isMonthOrDay(s)
                            || has(s, F_TITLE))) {
                        s++;
                    }
                    if (s < e && !isPlaceRun(s, e) && !allDemonyms(s, e) && !(e - s == 1 && t(s).sentenceStart)
                            && !(e - s == 1 && Words.GENERIC_PARTY_WORDS.contains(t(s).lower))
                            && !functionPrefixed(s) && !personLike(s, e)) {
                        add(s, e, Entity.Type.ORG, P_ORG_CUE);
                    }
                }
            }
            // quoted names right after an organisation head or cue within a few words:
            // the People's Patriotic Party "Auyl", the trade union of journalists "Mass-Media PR", at "Karazhan Bas Munay"
            for (int q = 1; q < n; q++) {
                if (!t(q).isOpenQuote()) {
                    continue;
                }
                boolean cue = false;
                for (int k = q - 1; k >= Math.max(0, q - 4); k--) {
                    Token b = t(k);
                    if (b.kind == Token.Kind.PUNCT && !b.isPunct(',')) {
                        break;
                    }
                    if (b.kind == Token.Kind.WORD && (Words.ORG_CUES.contains(b.lower) || Words.ORG_HEADS.contains(b.norm)
                            || (k == q - 1 && (b.lower.equals("at") || b.lower.equals("by"))))) {
                        cue = true;
                        break;
                    }
                    if (b.kind == Token.Kind.WORD && Words.LAW_QUOTE_CUES.contains(b.lower)) {
                        break;
                    }
                }
                if (cue) {
                    quotedOrg(q);
                }
            }
        }

        /** Two or more name words that look like a person: a given name first or a surname ending last. */
        private boolean personLike(int s, int e) {
            return e - s >= 2 && (given(s) || morphology(e - 1) >= 1);
        }

        private boolean isDomainWord(int i) {
            return t(i).kind == Token.Kind.WORD && t(i).text.indexOf('.') > 0;
        }

        private boolean isPlaceRun(int s, int e) {
            return has(s, F_PLACE_FIRST) && lex.places.match(toks, s) == e - s;
        }

        private boolean allDemonyms(int s, int e) {
            for (int x = s; x < e; x++) {
                if (!isDemonym(x)) {
                    return false;
                }
            }
            return true;
        }

        /** Organisation named by the quotation opening at q, if it is a short capitalised name. */
        private void quotedOrg(int q) {
            int close = -1;
            for (int k = q + 1; k < n && k <= q + 8; k++) {
                if (t(k).isCloseQuote()) {
                    close = k;
                    break;
                }
            }
            if (close <= q + 1) {
                return;
            }
            int s = q + 1;
            int e = close;
            while (e > s && t(e - 1).kind == Token.Kind.PUNCT) {
                e--;
            }
            if (e <= s || !t(s).cap || t(s).norm.equals("On")) {
                return;
            }
            int lowerWords = 0;
            for (int x = s; x < e; x++) {
                if (t(x).kind == Token.Kind.WORD && !t(x).cap) {
                    lowerWords++;
                }
            }
            if (lowerWords > 1 || e - s > 6) {
                return;
            }
            add(s, e, Entity.Type.ORG, P_ORG_CUE);
        }

        // ---------------------------------------------------------------------------------- places

        private void places() {
            for (int i = 0; i < n; i++) {
                Token tok = t(i);
                if (tok.kind != Token.Kind.WORD || !tok.cap) {
                    continue;
                }
                int len = has(i, F_PLACE_FIRST) ? lex.places.match(toks, i) : 0;
                if (len > 0) {
                    int e = i + len;
                    if (e < n && t(e).kind == Token.Kind.WORD && has(e, F_DESIGNATOR)) {
                        e++;
                    }
                    add(i, e, Entity.Type.PLACE, P_GAZETTEER);
                    continue;
                }
                // "X region", "X Oblast", "Saragash District": unknown capitalised words before a designator
                if (placeNameWord(i) && !tok.sentenceStart || placeNameWord(i) && !isCommon(i)) {
                    int e = i + 1;
                    if (e < n && placeNameWord(e) && !t(e).sentenceStart && !isCommon(e)) {
                        e++;
                    }
                    if (e < n && t(e).kind == Token.Kind.WORD && has(e, F_DESIGNATOR)
                            && !isCommon(e - 1)) {
                        add(i, e + 1, Entity.Type.PLACE, P_PLACE_CUE);
                        continue;
                    }
                    // "X penal colony", "X village"
                    if (e == i + 1 && !isCommon(i) && e < n && t(e).kind == Token.Kind.WORD
                            && has(e, F_PLACE_AFTER_CUE)
                            && (!t(e).cap || t(e).lower.equals("city"))) {
                        add(i, i + 1, Entity.Type.PLACE, P_PLACE_CUE);
                    } else if (e == i + 1 && !isCommon(i) && e + 1 < n && word(e, "penal") && word(e + 1, "colony")) {
                        add(i, i + 1, Entity.Type.PLACE, P_PLACE_CUE);
                    }
                }
            }
            // named sites: "Gandhi Park", "Republic Square", "Abylai Khan Avenue"
            for (int i = 1; i < n; i++) {
                if (!t(i).cap || !SITE_WORDS.contains(t(i).norm)) {
                    continue;
                }
                int s = i;
                while (s - 1 >= 0 && i - s < 3 && (placeNameWord(s - 1) || isPlaceToken(s - 1)) && !t(s).sentenceStart) {
                    s--;
                }
                while (s < i && has(s, F_FUNCTION)) {
                    s++;
                }
                if (s < i) {
                    add(s, i + 1, Entity.Type.PLACE, P_PLACE_CUE);
                }
            }
            // "the city of X", "the village of X", "the Oblast of X"
            for (int i = 0; i + 2 < n; i++) {
                if (t(i).kind == Token.Kind.WORD && has(i, F_PLACE_OF_CUE) && word(i + 1, "of")) {
                    int s = i + 2;
                    if (s < n && word(s, "the")) {
                        continue;
                    }
                    int len = s < n && has(s, F_PLACE_FIRST) ? lex.places.match(toks, s) : 0;
                    if (len > 0) {
                        add(s, s + len, Entity.Type.PLACE, P_PLACE_CUE);
                        continue;
                    }
                    int e = s;
                    while (e < n && e - s < 2 && placeNameWord(e) && !isCommon(e)) {
                        e++;
                    }
                    if (e > s && !(t(i).lower.equals("republic"))) {
                        add(s, e, Entity.Type.PLACE, P_PLACE_CUE);
                    }
                }
            }
            // "in/from/to X" where X looks like a Central Asian place name (-stan, -abad, -kent, -tau, -sk ...)
            for (int i = 1; i < n; i++) {
                if (!placeNameWord(i) || isCommon(i) || t(i).sentenceStart) {
                    continue;
                }
                String p = t(i - 1).lower;
                if (!(p.equals("in") || p.equals("from") || p.equals("to") || p.equals("near") || p.equals("of"))) {
                    continue;
                }
                if (nameWord(i + 1)) {
                    continue;
                }
                String w = t(i).lower;
                if (w.endsWith("stan") || w.endsWith("abad") || w.endsWith("kent") || w.endsWith("tau")
                        || w.endsWith("obe") || w.endsWith("kol") || w.endsWith("bulak") || w.endsWith("grad")
                        || w.endsWith("obod") || (w.endsWith("sk") && w.length() >= 5)) {
                    add(i, i + 1, Entity.Type.PLACE, P_PLACE_WEAK);
                }
            }
        }

        private static final java.util.Set<String> SITE_WORDS = java.util.Set.of("Park", "Square", "Street", "Avenue",
                "Boulevard", "Prospect", "Bazaar", "Lake", "River", "Mountains", "Valley", "Gorge", "Canal", "Sea",
                "Desert", "Plateau", "Peninsula", "Island", "Islands");

        private boolean placeNameWord(int i) {
            if (i < 0 || i >= n) {
                return false;
            }
            Token tok = t(i);
            return tok.kind == Token.Kind.WORD && tok.cap && tok.hasLower && !isMonthOrDay(i)
                    && !has(i, F_TITLE | F_FUNCTION | F_DEMONYM | F_ORG_HEAD | F_LAW_HEAD | F_DESIGNATOR);
        }

        // ---------------------------------------------------------------------------------- parentheses

        /**
         * "Name (ACR)": acronym of an organisation; "Agency ... (Financial Police)": alias of an organisation;
         * "Mazhilis (lower house of parliament)", "Syrbar (a separate foreign intelligence service)": the
         * parenthesis says what the name is.
         */
        private void parentheses() {
            for (int p = 1; p < n; p++) {
                if (!t(p).isPunct('(')) {
                    continue;
                }
                int close = -1;
                for (int k = p + 1; k < n && k <= p + 12; k++) {
                    if (t(k).isPunct(')')) {
                        close = k;
                        break;
                    }
                    if (t(k).isPunct('(')) {
                        break;
                    }
                }
                if (close < 0) {
                    continue;
                }
                int before = p - 1;
                Cand org = orgEndingAt(p);
                boolean acronym = close == p + 2 && t(p + 1).allCaps && t(p + 1).text.length() <= 10;
                if (acronym) {
                    if (org != null) {
                        add(p + 1, p + 2, Entity.Type.ORG, P_ORG_HEAD);
                    } else if (before >= 0 && nameWord(before)) {
                        int s = nameRunStart(before);
                        boolean allCommon = true;
                        for (int k = s; k <= before; k++) {
                            if (nameWord(k) && !isCommon(k)) {
                                allCommon = false;
                            }
                        }
                        if (lawEndingAt(p) || Words.NON_ORG_ENDS.contains(t(before).norm) || allCommon) {
                            // "Universal Periodic Review (UPR)", "Deep Packet Inspection (DPI)": not an organisation
                            notOrgAcronyms.add(t(p + 1).text);
                        } else if (initialsMatch(before, t(p + 1).text)) {
                            add(s, p, Entity.Type.ORG, P_ORG_CUE);
                            add(p + 1, p + 2, Entity.Type.ORG, P_ORG_CUE);
                        }
                    }
                    continue;
                }
                if (org != null) {
                    // alias in parentheses: "(Financial Police)"
                    boolean allCap = true;
                    for (int k = p + 1; k < close; k++) {
                        if (!nameWord(k)) {
                            allCap = false;
                            break;
                        }
                    }
                    if (allCap && close - p - 1 <= 4) {
                        add(p + 1, close, Entity.Type.ORG, P_ORG_CUE);
                    }
                    continue;
                }
                // "X (… parliament …)": X is an organisation
                if (before >= 0 && nameWord(before) && t(before).hasLower && !isPlaceToken(before)
                        && !isDemonym(before)) {
                    boolean orgWord = false;
                    for (int k = p + 1; k < close; k++) {
                        if (t(k).kind == Token.Kind.WORD && has(k, F_ORG_PAREN)) {
                            orgWord = true;
                            break;
                        }
                    }
                    if (orgWord) {
                        int s = before;
                        while (s - 1 >= 0 && nameWord(s - 1) && before - s < 3 && !t(s).sentenceStart) {
                            s--;
                        }
                        while (s < before && (has(s, F_FUNCTION) || isMonthOrDay(s))) {
                            s++;
                        }
                        if (!(before - s == 0 && (isCommon(before) || isMonthOrDay(before)))) {
                            add(s, before + 1, Entity.Type.ORG, P_ORG_CUE);
                        }
                    }
                }
            }
        }

        private static final java.util.Set<String> DOMAINS = java.util.Set.of("kz", "kg", "uz", "tj", "tm", "ru", "ua",
                "by", "org", "net", "com", "info", "media", "news", "tv", "fm", "am", "ge", "az", "eu", "uk", "de", "fr",
                "io", "online", "asia", "su");

        /** Websites named by their domain ("Ratel.kz", "guljan.org"): outlets, so organisations. */
        private void domains() {
            for (int i = 0; i < n; i++) {
                Token tok = t(i);
                int dot = tok.text.lastIndexOf('.');
                if (tok.kind != Token.Kind.WORD || dot <= 0 || !DOMAINS.contains(tok.lower.substring(dot + 1))
                        || tok.lower.startsWith("www.")) {
                    continue;
                }
                boolean url = (i > 0 && t(i - 1).end == tok.start && t(i - 1).kind == Token.Kind.PUNCT)
                        || (i + 1 < n && t(i + 1).start == tok.end && (t(i + 1).isPunct('/') || t(i + 1).isPunct('@')));
                if (!url) {
                    add(i, i + 1, Entity.Type.ORG, P_ORG_WEAK);
                }
            }
        }

        /** "Kaztelecom, the government-owned Internet service provider": a name in apposition to an organisation noun. */
        private void appositionsAfter() {
            for (int s = 0; s < n; s++) {
                if (!nameWord(s) || !t(s).hasLower || (s > 0 && nameWord(s - 1))) {
                    continue;
                }
                int e = s + 1;
                while (e < n && nameWord(e) && e - s < 4) {
                    e++;
                }
                if (e + 2 >= n || !t(e).isPunct(',') || personStart[s] || isPlaceRun(s, e) || isMonthOrDay(s)
                        || has(s, F_FUNCTION | F_TITLE | F_DEMONYM) || (e - s == 1 && (isCommon(s) || t(s).sentenceStart))) {
                    continue;
                }
                if (!(word(e + 1, "a") || word(e + 1, "an") || word(e + 1, "the"))) {
                    continue;
                }
                for (int k = e + 2; k < n && k <= e + 7; k++) {
                    Token w = t(k);
                    if (w.kind == Token.Kind.PUNCT && !w.isPunct('-')) {
                        break;
                    }
                    if (w.kind == Token.Kind.WORD && !w.cap && (has(k, F_ORG_PAREN) || APPOSITION_NOUNS.contains(w.lower))) {
                        boolean headNoun = k + 1 >= n || t(k + 1).kind == Token.Kind.PUNCT || word(k + 1, "that")
                                || word(k + 1, "which") || word(k + 1, "in") || word(k + 1, "of") || word(k + 1, "based");
                        if (headNoun) {
                            add(s, e, Entity.Type.ORG, P_ORG_WEAK);
                            break;
                        }
                    }
                }
            }
        }

        private static final java.util.Set<String> APPOSITION_NOUNS = java.util.Set.of("provider", "operator", "producer",
                "company", "firm", "outlet", "broadcaster", "ngo", "organization", "organisation", "newspaper",
                "website", "portal", "party", "movement", "group", "union", "association", "foundation", "agency",
                "bank", "corporation", "manufacturer", "contractor", "monopoly", "holding", "watchdog", "channel");

        /** "the lower house of parliament, the Mazhilis.": a name in apposition to an organisation word. */
        private void appositions() {
            for (int w = 0; w + 2 < n; w++) {
                Token word = t(w);
                if (word.kind != Token.Kind.WORD || word.cap || !has(w, F_ORG_PAREN)
                        || !t(w + 1).isPunct(',')) {
                    continue;
                }
                int s = w + 2;
                if (word(s, "the")) {
                    s++;
                }
                if (s >= n || !nameWord(s) || !t(s).hasLower || isPlaceToken(s) || isDemonym(s) || isMonthOrDay(s)
                        || has(s, F_FUNCTION)) {
                    continue;
                }
                int e = s + 1;
                while (e < n && e - s < 3 && nameWord(e)) {
                    e++;
                }
                if (e < n && t(e).kind != Token.Kind.PUNCT || personStart[s] || (e - s == 1 && isCommon(s))) {
                    continue;
                }
                add(s, e, Entity.Type.ORG, P_ORG_WEAK);
            }
        }

        private Cand orgEndingAt(int p) {
            Cand best = null;
            for (Cand c : cands) {
                if (c.type == Entity.Type.ORG && c.end == p && (best == null || c.length() > best.length())) {
                    best = c;
                }
            }
            return best;
        }

        private boolean lawEndingAt(int p) {
            for (Cand c : cands) {
                if (c.type == Entity.Type.LAW && c.end == p) {
                    return true;
                }
            }
            return false;
        }

        private int nameRunStart(int last) {
            int s = last;
            while (s - 1 >= 0 && !t(s).sentenceStart
                    && (nameWord(s - 1) || (t(s - 1).kind == Token.Kind.WORD && !t(s - 1).cap
                        && has(s - 1, F_ORG_CONN) && nameWord(s - 2)))
                    && last - s < 10) {
                s--;
            }
            while (s < last && (has(s, F_FUNCTION) && t(s).cap || !t(s).cap)) {
                s++;
            }
            return s;
        }

        /** Letters of the acronym match the initials of the capitalised words of the name ending at last. */
        private boolean initialsMatch(int last, String acronym) {
            if (last < 0 || !nameWord(last)) {
                return false;
            }
            int s = nameRunStart(last);
            StringBuilder initials = new StringBuilder();
            for (int k = s; k <= last; k++) {
                if (nameWord(k)) {
                    initials.append(Character.toUpperCase(t(k).text.charAt(0)));
                }
            }
            String a = acronym.replaceAll("[^A-Za-z]", "").toUpperCase(java.util.Locale.ROOT);
            String in = initials.toString();
            return a.length() >= 2 && (in.endsWith(a) || in.equals(a));
        }

        /** Stand-alone acronyms ("The MIA supervises"): all-capital words that are no heading and no known non-organisation. */
        private void acronyms() {
            for (int i = 0; i < n; i++) {
                Token tok = t(i);
                if (!tok.allCaps || tok.text.length() > 7 || Words.NON_ORG_ACRONYMS.contains(tok.text)
                        || notOrgAcronyms.contains(tok.text)
                        || lex.places.containsSingle(tok)) {
                    continue;
                }
                boolean letters = true;
                for (int k = 0; k < tok.text.length(); k++) {
                    if (!Character.isUpperCase(tok.text.charAt(k))) {
                        letters = false;
                        break;
                    }
                }
                if (!letters) {
                    continue;
                }
                boolean heading = (i > 0 && t(i - 1).allCaps) || (i + 1 < n && t(i + 1).allCaps);
                if (heading) {
                    continue;
                }
                add(i, i + 1, Entity.Type.ORG, P_ORG_WEAK);
            }
        }

        // ---------------------------------------------------------------------------------- resolution

        private List<Cand> resolve() {
            List<Cand> sorted = new ArrayList<>(cands);
            sorted.sort(Comparator.comparingInt((Cand c) -> c.priority >= WEAK ? 0 : 1)
                    .thenComparing(Comparator.comparingInt(Cand::length).reversed())
                    .thenComparing(Comparator.comparingInt(Cand::priority).reversed())
                    .thenComparingInt(Cand::start));
            boolean[] used = new boolean[n];
            List<Cand> accepted = new ArrayList<>();
            for (Cand c : sorted) {
                if (free(used, c.start, c.end)) {
                    mark(used, c.start, c.end);
                    accepted.add(c);
                }
            }
            return accepted;
        }

        private static boolean free(boolean[] used, int s, int e) {
            for (int i = s; i < e; i++) {
                if (used[i]) {
                    return false;
                }
            }
            return true;
        }

        private static void mark(boolean[] used, int s, int e) {
            for (int i = s; i < e; i++) {
                used[i] = true;
            }
        }

        /**
         * Names in a list with organisations: "KIBHR, Kadyr Kassiyet, the Legal Media Center, and PRI",
         * "including Ak Zhol, Birlik, and the People's Patriotic Party". A capitalised run between list
         * separators next to an organisation is an organisation too.
         */
        private List<Cand> orgCoordination(List<Cand> accepted) {
            boolean[] used = new boolean[n];
            Map<Integer, Cand> byStart = new HashMap<>();
            Map<Integer, Cand> byEnd = new HashMap<>();
            for (Cand c : accepted) {
                mark(used, c.start, c.end);
                byStart.put(c.start, c);
                byEnd.put(c.end, c);
            }
            List<Cand> out = new ArrayList<>(accepted);
            boolean changed = true;
            for (int round = 0; round < 4 && changed; round++) {
                changed = false;
                for (int s = 1; s < n; s++) {
                    if (used[s] || !nameWord(s) || !t(s).hasLower || isDemonym(s) || isMonthOrDay(s)
                            || (t(s).sentenceStart && isCommon(s))) {
                        continue;
                    }
                    int e = s;
                    while (e < n && nameWord(e) && !used[e] && e - s < 4 && (e == s || !t(e).sentenceStart)) {
                        e++;
                    }
                    if (e - s == 1 && isCommon(s)) {
                        continue;
                    }
                    // left neighbour
                    int p = s - 1;
                    boolean andBefore = word(p, "and") || word(p, "or");
                    if (andBefore) {
                        p--;
                    }
                    boolean commaBefore = p >= 0 && t(p).isPunct(',');
                    Cand left = commaBefore || andBefore ? byEnd.get(commaBefore ? p : p + 1) : null;
                    boolean leftOrg = left != null && left.type == Entity.Type.ORG;
                    boolean listStart = word(s - 1, "including") || word(s - 1, "include") || word(s - 1, "includes")
                            || word(s - 1, "namely") || (s >= 2 && word(s - 1, "as") && word(s - 2, "such"))
                            || (s >= 1 && t(s - 1).isPunct(':'));
                    // right neighbour
                    boolean rightOrg = false;
                    boolean commaAfter = e < n && t(e).isPunct(',');
                    if (commaAfter || word(e, "and")) {
                        int r = e + 1;
                        if (commaAfter && word(r, "and")) {
                            r++;
                        }
                        if (word(r, "the")) {
                            r++;
                        }
                        Cand right = byStart.get(r);
                        rightOrg = right != null && right.type == Entity.Type.ORG;
                    }
                    boolean closesList = andBefore && commaBefore && (e >= n || !t(e).isPunct(','));
                    boolean accept = (leftOrg && (rightOrg || closesList))
                            || (rightOrg && (commaBefore || listStart) && commaAfter);
                    if (accept) {
                        Cand c = new Cand(s, e, Entity.Type.ORG, P_ORG_WEAK);
                        out.add(c);
                        mark(used, s, e);
                        byStart.put(s, c);
                        byEnd.put(e, c);
                        changed = true;
                    }
                }
            }
            return out;
        }

        /** Finds accepted names again where they recur, persons also by their surname. */
        private List<Cand> propagate(List<Cand> accepted) {
            boolean[] used = new boolean[n];
            Map<String, Entity.Type> surfaceType = new HashMap<>();
            Map<String, List<String[]>> byFirst = new HashMap<>();
            for (Cand c : accepted) {
                mark(used, c.start, c.end);
            }
            // organisation and place names win over a person reading of the same words
            Map<String, Entity.Type> nonPerson = new HashMap<>();
            for (Cand c : accepted) {
                if (c.type == Entity.Type.ORG || c.type == Entity.Type.PLACE) {
                    nonPerson.put(key(c.start, c.end), c.type);
                }
            }
            List<Cand> out = new ArrayList<>(accepted.size() + 8);
            for (Cand c : accepted) {
                if (c.type == Entity.Type.PERSON) {
                    Entity.Type other = nonPerson.get(key(c.start, c.end));
                    if (other != null) {
                        c = new Cand(c.start, c.end, other, c.priority);
                    }
                }
                out.add(c);
            }
            for (Cand c : out) {
                if (c.type == Entity.Type.LAW) {
                    continue;
                }
                register(surfaceType, byFirst, c.start, c.end, c.type);
                if (c.type == Entity.Type.PERSON && c.length() >= 2) {
                    int last = c.end - 1;
                    if (!isCommon(last) && t(last).text.length() >= 3 && !given(last)) {
                        register(surfaceType, byFirst, last, last + 1, Entity.Type.PERSON);
                    }
                }
            }
            List<Cand> added = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (used[i] || t(i).kind != Token.Kind.WORD || !t(i).cap) {
                    continue;
                }
                List<String[]> seqs = byFirst.get(t(i).norm);
                if (seqs == null) {
                    continue;
                }
                for (String[] seq : seqs) {
                    int e = i + seq.length;
                    if (e > n || !free(used, i, e)) {
                        continue;
                    }
                    boolean match = true;
                    for (int k = 1; k < seq.length; k++) {
                        if (!seq[k].equals(t(i + k).norm)) {
                            match = false;
                            break;
                        }
                    }
                    // the match must not be part of a longer capitalised name
                    if (match && (nameWord(e) && t(e).hasLower || (i > 0 && nameWord(i - 1) && t(i - 1).hasLower
                            && !t(i).sentenceStart && !used[i - 1]))) {
                        match = false;
                    }
                    if (match) {
                        Entity.Type type = surfaceType.get(String.join("\u0001", seq));
                        added.add(new Cand(i, e, type, WEAK));
                        mark(used, i, e);
                        break;
                    }
                }
            }
            out.addAll(added);
            return out;
        }

        private String key(int s, int e) {
            StringBuilder sb = new StringBuilder();
            for (int i = s; i < e; i++) {
                if (i > s) {
                    sb.append('\u0001');
                }
                sb.append(t(i).norm);
            }
            return sb.toString();
        }

        private void register(Map<String, Entity.Type> surfaceType, Map<String, List<String[]>> byFirst, int s, int e,
                Entity.Type type) {
            String key = key(s, e);
            if (surfaceType.containsKey(key)) {
                return;
            }
            surfaceType.put(key, type);
            String[] seq = new String[e - s];
            for (int i = s; i < e; i++) {
                seq[i - s] = t(i).norm;
            }
            List<String[]> list = byFirst.computeIfAbsent(seq[0], k -> new ArrayList<>());
            list.add(seq);
            list.sort((a, b) -> Integer.compare(b.length, a.length));
        }
    }
}
