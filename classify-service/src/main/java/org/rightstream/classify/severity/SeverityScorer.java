package org.rightstream.classify.severity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.rightstream.contracts.Severity;

/**
 * Explainable, rule-based severity (taxonomy.json levels 1-5) for one passage.
 *
 * <p>How a level comes about:
 * <ol>
 *   <li>Every {@link SeverityRule} of kind ABUSE proposes a level for each phrase it finds (word-boundary,
 *       case-insensitive patterns with their inflections, see {@link RuleBook}). Some rules need a context in
 *       the same sentence (a penalty <em>for a protest</em>, harassment <em>of a journalist</em>).</li>
 *   <li>A phrase does not count when it is negated in its clause ("there were no reports of killings",
 *       "no cases of disappearance were reported") or named only as something to prevent or combat; the
 *       indicator then says so ({@code negated}, {@code prevention}).</li>
 *   <li>A named person (two consecutive capitalised words not opening a sentence) or a count ("three
 *       detainees", "24 cases") in the sentence or next to it raises torture and ill-treatment to 4 and
 *       arrest to 3 ({@code concrete-victim}).</li>
 *   <li>Death outcomes ("beaten to death", "died in custody", "died after") are level-5 rules of their own.</li>
 *   <li>Legal-framework language in the clause ("the law prohibits torture", "the constitution provides for")
 *       caps that clause's phrases at 2 unless the sentence names a concrete victim.</li>
 *   <li>The level is the highest remaining proposal (1 when none); a recommendation ({@code isRecommendation}
 *       or imperative bullets such as "Ensure that", "Adopt", "Ratify") caps it at 1.</li>
 * </ol>
 * Every result carries its indicators: the exact phrase as it appears in the passage and the rule
 * ({@code "<id>: <reason>"}) it triggered, modifiers included. Stateless and thread-safe: patterns are compiled
 * once, everything else is per call.
 */
public final class SeverityScorer {
    /** At most this many indicators are returned, the ones that decided the level first. */
    public static final int MAX_INDICATORS = 12;

    /** Capitalised words that are not (parts of) person names: institutions, titles, months, generic nouns. */
    private static final Set<String> NOT_NAMES = Set.copyOf(Arrays.asList(
            "the", "a", "an", "and", "of", "for", "in", "on", "at", "to", "by", "with", "from", "against", "under",
            "ministry", "minister", "ministers", "committee", "commission", "commissioner", "court", "courts",
            "council", "office", "bureau", "agency", "department", "service", "services", "human", "rights", "right",
            "watch", "house", "freedom", "party", "parties", "union", "unions", "federation", "confederation",
            "association", "coalition", "movement", "organization", "organisation", "center", "centre", "institute",
            "institution", "institutions", "foundation", "fund", "network", "group", "forum", "alliance", "society",
            "assembly", "parliament", "senate", "government", "state", "states", "national", "international",
            "republic", "affairs", "internal", "external", "foreign", "security", "police", "militia", "army",
            "military", "supreme", "district", "city", "regional", "region", "oblast", "province", "village", "street",
            "square", "university", "school", "college", "hospital", "prison", "colony", "general", "prosecutor",
            "public", "monitoring", "social", "protection", "labor", "labour", "health", "justice", "information",
            "development", "economic", "economy", "election", "elections", "electoral", "central", "ombudsman",
            "president", "presidential", "prime", "vice", "deputy", "chairman", "chairwoman", "chair", "head",
            "director", "chief", "judge", "major", "colonel", "captain", "lieutenant", "sergeant", "private",
            "officer", "mr", "mrs", "ms", "dr", "sir", "special", "inter", "interdistrict", "mechanism", "preventive",
            "torture", "reform", "penal", "penitentiary", "criminal", "civil", "code", "administrative",
            "constitution", "constitutional", "law", "laws", "act", "convention", "covenant", "protocol",
            "declaration", "charter", "plan", "strategy", "program", "programme", "action", "report", "reports",
            "review", "universal", "periodic", "united", "nations", "european", "cooperation", "democratic",
            "democracy", "east", "west", "north", "south", "northern", "southern", "eastern", "western", "upper",
            "lower", "high", "higher", "first", "second", "third", "new", "old", "great", "greater", "federal",
            "independent", "free", "trade", "workers", "women", "children", "child", "family", "youth", "people",
            "peoples", "citizens", "muslim", "muslims", "christian", "christians", "orthodox", "catholic",
            "protestant", "church", "mosque", "islamic", "jewish", "baptist", "evangelical", "witnesses", "spiritual",
            "board", "administration", "authority", "authorities", "inspectorate", "inspection", "internet", "web",
            "online", "radio", "media", "news", "press", "daily", "times", "post", "journal", "magazine", "channel",
            "television", "portal", "newspaper", "website", "telecom", "bank", "company", "corporation", "holding",
            "oil", "gas", "energy", "mining", "steel", "railway", "market", "tax", "customs", "finance", "financial",
            "defense", "defence", "education", "science", "culture", "sport", "interior", "emergency", "emergencies",
            "situations", "digital", "innovations", "aerospace", "industry", "agriculture", "environment",
            "environmental", "ecology", "natural", "resources", "water", "transport", "communications",
            "migration", "refugee", "refugees", "asylum", "section", "chapter", "article", "part", "annex", "table",
            "figure", "recommendation", "recommendations", "executive", "summary", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "covid", "day", "year", "days",
            "conditions", "detention", "arrest", "arbitrary", "disappearance", "discrimination", "trafficking",
            "persons", "treatment", "punishment", "cruel", "inhuman", "degrading", "respect", "integrity", "role",
            "physical", "access", "basic", "birth", "registration", "academic", "cultural", "events", "abuse",
            "abuses", "violence", "domestic", "sexual", "harassment", "reproductive", "employment", "occupation",
            "wage", "hour", "occupational", "safety", "informal", "sector", "acceptable", "work", "worst", "forms",
            "prohibition", "forced", "compulsory", "elimination", "minimum", "age", "status", "situation",
            "politically", "motivated", "reprisal", "reprisals", "transnational", "investigations", "investigation",
            "corruption", "transparency", "financial", "disclosure", "participation", "minorities", "minority",
            "groups", "acts", "societal", "other", "such", "this", "these", "that", "those", "their", "his", "her",
            "its", "our", "according", "although", "however", "during", "after", "before", "since", "while",
            "there", "it", "they", "he", "she", "we", "in", "as", "if", "but", "or", "not", "no", "all", "some",
            "many", "most", "several", "both", "each", "any", "every", "also", "only", "crisis", "centers", "centres",
            "committees", "councils", "agencies", "ministries", "offices", "organizations", "organisations",
            "harmful", "traditional", "practices", "rights", "defenders", "monitors", "observers", "watchdog",
            "initiative", "project", "campaign", "list", "index", "bill", "draft", "resolution", "decree",
            "order", "rules", "standards", "principles", "guidelines", "freedoms", "liberties", "prisoners",
            "political", "religious", "religion", "affairs", "welfare", "youth", "veterans", "workers",
            "employers", "trade", "unions", "amnesty", "red", "cross", "crescent", "sanitary",
            "epidemiology", "criminal", "corrective", "anti", "against", "fight", "combating", "combatting"));

    public SeverityScorer() {
    }

    /**
     * Scores one passage.
     *
     * @param text             the passage (null is treated as empty)
     * @param isRecommendation true when the passage is known to be a recommendation (caps the level at 1)
     * @return the level 1-5 with at least one indicator; each indicator's text occurs in the passage
     */
    public Severity score(String text, boolean isRecommendation) {
        return new Run(text == null ? "" : text).score(isRecommendation);
    }

    // ==================================================================================== word lists

    private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "nor", "neither", "none");
    /** Words between "not" and the phrase that move the negation onto the reporting, not the event. */
    private static final String[] NEG_BLOCKER_PREFIXES = {
        "investigat", "prosecut", "punish", "address", "stop", "prevent", "protect", "respond", "consider",
        "recogni", "enforce", "publish", "disclose", "acknowledg", "identif"};
    private static final Set<String> NEG_BLOCKERS = Set.of(
            "hold", "held", "take", "taken", "only", "just", "always", "effectively", "adequately", "properly", "fully");
    private static final Set<String> REPORT_WORDS = Set.of(
            "report", "reports", "reported", "case", "cases", "instance", "instances", "incident", "incidents",
            "accident", "accidents", "evidence", "allegation", "allegations", "indication", "indications",
            "complaint", "complaints", "sign", "signs", "record", "records", "recorded", "known", "confirmed");
    private static final Set<String> REPORTED = Set.of(
            "reported", "recorded", "documented", "registered", "confirmed", "found", "observed");
    private static final String[] PREVENT_PREFIXES = {
        "prevent", "combat", "counteract", "countering", "eradicat", "eliminat", "avoid", "reduc", "fight"};
    private static final Set<String> DETER = Set.of("deter", "deters", "deterred", "deterring", "deterrence");
    private static final Set<String> IMPERATIVES = Set.of(
            "ensure", "adopt", "ratify", "accede", "amend", "abolish", "align", "allocate", "bring", "cease",
            "conduct", "consider", "continue", "create", "criminalize", "criminalise", "decriminalize",
            "decriminalise", "develop", "eliminate", "enact", "end", "enhance", "establish", "expedite", "extend",
            "guarantee", "harmonize", "harmonise", "implement", "improve", "include", "increase", "intensify",
            "introduce", "investigate", "lift", "prevent", "promote", "prosecute", "protect", "provide", "refrain",
            "release", "remove", "repeal", "review", "revise", "revoke", "sign", "stop", "strengthen", "support",
            "take", "undertake", "withdraw", "train", "publish", "recognize", "recognise", "respect", "reform",
            "make", "allow", "invite", "facilitate", "combat", "abandon", "assure", "collect", "designate",
            "eradicate", "expand", "finalize", "finalise", "pass", "carry", "put", "step", "set", "fully");
    /** Imperatives that need their particle: "carry out", "put an end", "step up", "set up", "fully implement". */
    private static final Map<String, String[]> PHRASAL = Map.of(
            "carry", new String[] {"out"}, "put", new String[] {"an", "end"}, "step", new String[] {"up"},
            "set", new String[] {"up"}, "fully", new String[] {"implement"});
    private static final Set<String> NOT_IMPERATIVE_NEXT = Set.of(
            "of", "for", "was", "were", "is", "are", "has", "had", "have", "in", "on", "by", "remained",
            "continued", "s", "to");

    private static final String[] NUMBER_WORDS = {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundreds", "thousands", "dozens", "scores"};
    /** Nouns that make a number a count of victims or cases. */
    private static final String[] VICTIM_WORDS = {
        "persons", "people", "detainee", "detainees", "prisoner", "prisoners", "inmate", "inmates", "activist",
        "activists", "journalist", "journalists", "reporter", "reporters", "blogger", "bloggers", "protester",
        "protesters", "demonstrator", "demonstrators", "worker", "workers", "men", "women", "children", "minors",
        "girls", "boys", "students", "residents", "villagers", "individuals", "victim", "victims", "members",
        "believers", "defenders", "lawyers", "cases", "incidents", "complaints", "instances", "suspects",
        "defendants", "civilians", "migrants", "refugees", "patients", "soldiers", "recruits", "conscripts",
        "servicemen", "employees", "relatives", "critics", "opponents", "organizers", "participants", "leaders",
        "attacks", "assaults", "beatings", "deaths", "killings", "person", "woman", "man", "child", "family",
        "families", "orphans", "pedestrian", "pedestrians", "peasants", "farmers", "teenager", "teenagers", "youth",
        "youths"};
    private static final Set<String> VICTIMS = Set.of(VICTIM_WORDS);

    /**
     * Per-thread matchers, one per dispatch pattern, all reading one mutable character sequence that is pointed
     * at each passage in turn: no matcher is created or re-targeted per passage.
     */
    private static final class Matchers {
        final Chars chars = new Chars();
        final Matcher[] matchers = new Matcher[RuleBook.SLOTS];
    }

    /** A CharSequence over a char array that can be re-pointed; only the matchers of one thread read it. */
    private static final class Chars implements CharSequence {
        char[] a = new char[0];
        int len;

        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int index) {
            return a[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(a, start, end - start);
        }

        @Override
        public String toString() {
            return new String(a, 0, len);
        }
    }

    private static final char[] EMPTY = new char[0];
    private static final ThreadLocal<Matchers> MATCHERS = ThreadLocal.withInitial(Matchers::new);

    // ==================================================================================== one scoring run

    private static final class Raw {
        final RuleBook.Rule rule;
        final int start;
        final int end;
        final int clause;

        Raw(RuleBook.Rule rule, int start, int end, int clause) {
            this.rule = rule;
            this.start = start;
            this.end = end;
            this.clause = clause;
        }
    }

    private static final class Scored {
        final SeverityRule rule;
        final int level;
        final int start;
        final int end;

        Scored(SeverityRule rule, int level, int start, int end) {
            this.rule = rule;
            this.level = level;
            this.start = start;
            this.end = end;
        }
    }

    private static final class Note {
        final String text;
        final String rule;

        Note(String text, String rule) {
            this.text = text;
            this.rule = rule;
        }
    }

    private static final class Run {
        private static final int MARKERS = RuleBook.Marker.values().length;

        private final String text;
        private final TextLayout layout;
        private final Matchers cache;
        private final int[] lastEnd = new int[RuleBook.RULES.size()];
        private final int[] markerLastEnd = new int[MARKERS];
        private final int[][] markerStart = new int[MARKERS][];
        private final int[][] markerEnd = new int[MARKERS][];
        private final int[] markerCount = new int[MARKERS];
        private final List<Raw> raws = new ArrayList<>();
        private final List<Scored> scored = new ArrayList<>();
        private final List<Note> modifiers = new ArrayList<>();
        private final List<Scored> info = new ArrayList<>();
        private int[] legalOfClause; // index into raws + 1, 0 = none
        private String[] victimOfSentence; // null = not computed, "" = none
        private int[] negReportOfClause; // token index of the reporting word after "no ..." + 2; 1 = none; 0 = unknown
        private int[] negReportCueOfClause;

        Run(String text) {
            this.text = text;
            this.layout = new TextLayout(text);
            this.cache = MATCHERS.get();
            cache.chars.a = layout.chars;
            cache.chars.len = layout.length;
        }

        Severity score(boolean flaggedRecommendation) {
            scan();
            legalOfClause = new int[layout.clauseCount];
            for (int i = 0; i < raws.size(); i++) {
                Raw raw = raws.get(i);
                if (raw.rule.rule == SeverityRule.LEGAL_FRAMEWORK && raw.clause >= 0
                        && legalOfClause[raw.clause] == 0) {
                    legalOfClause[raw.clause] = i + 1;
                }
            }
            for (Raw raw : raws) {
                if (raw.rule.rule.kind() == SeverityRule.Kind.INFO) {
                    int s = raw.rule.rule == SeverityRule.LEGAL_FRAMEWORK ? extendOverThe(raw.start) : raw.start;
                    info.add(new Scored(raw.rule.rule, 1, s, raw.end));
                } else {
                    evaluate(raw);
                }
            }
            int uncapped = 1;
            for (Scored s : scored) {
                uncapped = Math.max(uncapped, s.level);
            }
            Note recommendation = recommendation(flaggedRecommendation);
            int level = recommendation != null ? 1 : uncapped;
            Severity severity = new Severity(level, indicators(recommendation, uncapped));
            cache.chars.a = EMPTY; // do not keep the passage reachable from the thread
            cache.chars.len = 0;
            return severity;
        }

        // ------------------------------------------------------------------ scanning

        private void scan() {
            int n = text.length();
            for (int t = 0; t < layout.tokenCount; t++) {
                int ts = layout.tokStart[t];
                RuleBook.Bucket bucket = RuleBook.bucket(layout.chars, ts, layout.tokEnd[t]);
                if (bucket == null) {
                    continue;
                }
                RuleBook.Entry[] main = bucket.specific(layout.chars, ts, layout.tokEnd[t]);
                RuleBook.Entry[] fallback = layout.tokEnd[t] - ts >= RuleBook.KEY_LETTERS - 1 ? bucket.fallback
                        : RuleBook.NO_ENTRIES;
                int clause = Integer.MIN_VALUE;
                for (int c = 0; c < main.length + fallback.length; c++) {
                    RuleBook.Entry entry = c < main.length ? main[c] : fallback[c - main.length];
                    RuleBook.Rule rule = entry.rule;
                    if (rule != null ? ts < lastEnd[rule.index] : ts < markerLastEnd[entry.marker.ordinal()]) {
                        continue;
                    }
                    if (!entry.mayMatch(layout, t)) {
                        continue;
                    }
                    int end;
                    if (entry.single != null) {
                        if (!entry.single.matches(layout.chars, ts, layout.tokEnd[t])) {
                            continue;
                        }
                        end = layout.tokEnd[t];
                    } else {
                        Matcher m = matcher(entry);
                        m.region(ts, n);
                        if (!m.lookingAt()) {
                            continue;
                        }
                        end = m.end();
                    }
                    if (rule == null) {
                        markerLastEnd[entry.marker.ordinal()] = end;
                        addMarker(entry.marker.ordinal(), ts, end);
                        continue;
                    }
                    lastEnd[rule.index] = end;
                    if (clause == Integer.MIN_VALUE) {
                        clause = layout.clauseAt(ts);
                    }
                    if (clause >= 0 && layout.clauseLabel[clause]) {
                        continue; // a heading or run-in label: not an incident
                    }
                    raws.add(new Raw(rule, ts, end, clause));
                }
            }
        }

        private Matcher matcher(RuleBook.Entry entry) {
            Matcher m = cache.matchers[entry.slot];
            if (m == null) {
                m = entry.pattern.matcher(cache.chars);
                m.useTransparentBounds(true);
                cache.matchers[entry.slot] = m;
            }
            return m; // region(...) before each use resets it and picks up the current passage's length
        }

        private void addMarker(int marker, int start, int end) {
            int c = markerCount[marker];
            if (markerStart[marker] == null) {
                markerStart[marker] = new int[4];
                markerEnd[marker] = new int[4];
            } else if (c == markerStart[marker].length) {
                markerStart[marker] = Arrays.copyOf(markerStart[marker], c * 2);
                markerEnd[marker] = Arrays.copyOf(markerEnd[marker], c * 2);
            }
            markerStart[marker][c] = start;
            markerEnd[marker][c] = end;
            markerCount[marker] = c + 1;
        }

        /** Index of the marker occurrence inside [from, to) nearest to [near, nearEnd), or -1. */
        private int marker(RuleBook.Marker marker, int from, int to, int near, int nearEnd) {
            int m = marker.ordinal();
            int best = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < markerCount[m]; i++) {
                int s = markerStart[m][i];
                int e = markerEnd[m][i];
                if (s < from || e > to) {
                    continue;
                }
                int d = s >= nearEnd ? s - nearEnd : Math.max(0, near - e);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            return best;
        }

        private boolean hasMarker(RuleBook.Marker marker, int from, int to) {
            return marker(marker, from, to, from, from) >= 0;
        }

        // ------------------------------------------------------------------ evaluating one phrase

        private void evaluate(Raw raw) {
            SeverityRule rule = raw.rule.rule;
            int clause = Math.max(0, raw.clause);
            int cs = layout.clauseStart[clause];
            int ce = layout.clauseEnd[clause];
            int sentence = layout.clauseSentence[clause];
            int ss = layout.sentStart[sentence];
            int se = layout.sentEnd[sentence];
            int shownStart = raw.start;
            int shownEnd = raw.end;

            if (titleCase(raw.start, raw.end)) {
                return; // part of a name or title ("Convention on ... Child Abduction", "Forced Labor" in a title)
            }
            if (raw.rule.context != null) {
                boolean clauseOnly = raw.rule.contextBefore == 0 && raw.rule.contextAfter == 0;
                int ws = clauseOnly ? cs : layout.sentStart[Math.max(0, sentence - raw.rule.contextBefore)];
                int we = clauseOnly ? ce
                        : layout.sentEnd[Math.min(layout.sentenceCount - 1, sentence + raw.rule.contextAfter)];
                int m = marker(raw.rule.context, ws, we, raw.start, raw.end);
                if (m < 0) {
                    return; // the pair rule needs its context
                }
                int k = raw.rule.context.ordinal();
                int spanStart = Math.min(raw.start, markerStart[k][m]);
                int spanEnd = Math.max(raw.end, markerEnd[k][m]);
                if (spanStart >= ss && spanEnd <= se && spanEnd - spanStart <= 90) {
                    shownStart = spanStart;
                    shownEnd = spanEnd;
                }
            }

            int firstToken = layout.tokenAtOrAfter(raw.start);
            int endToken = layout.tokenAtOrAfter(raw.end);
            int clauseToken = layout.tokenAtOrAfter(cs);
            int negatedFrom = negation(firstToken, endToken, clauseToken, clause, ce);
            if (negatedFrom >= 0) {
                modifiers.add(new Note(text.substring(negatedFrom, Math.max(raw.end, negatedTo)),
                        SeverityRule.NEGATED.describe() + " (" + rule.id() + ")"));
                return;
            }
            int preventedFrom = prevention(firstToken, clauseToken);
            if (preventedFrom >= 0) {
                modifiers.add(new Note(text.substring(preventedFrom, raw.end),
                        SeverityRule.PREVENTION.describe() + " (" + rule.id() + ")"));
                return;
            }
            if (raw.rule.accidentVeto && hasMarker(RuleBook.Marker.ACCIDENT, cs, ce)) {
                rule = SeverityRule.ACCIDENTAL_HARM;
            }
            if (rule == SeverityRule.LONG_IMPRISONMENT && hasMarker(RuleBook.Marker.SENTENCED_OFFICIALS, ss, se)) {
                return; // officials or police sentenced: not imprisonment for activism
            }

            int level = rule.level();
            boolean mayRaise = rule != SeverityRule.ARREST_DETENTION
                    || !hasMarker(RuleBook.Marker.ORDINARY_CRIME, ss, se);
            if (mayRaise && rule.levelWithVictim() > level) {
                String victim = victimNear(sentence);
                if (victim != null) {
                    level = rule.levelWithVictim();
                    modifiers.add(new Note(victim, SeverityRule.CONCRETE_VICTIM.describe()
                            + " (" + rule.id() + " -> " + level + ")"));
                }
            }
            if (level > 2 && legalOfClause[clause] > 0 && victimIn(sentence) == null) {
                Raw legal = raws.get(legalOfClause[clause] - 1);
                level = 2;
                modifiers.add(new Note(text.substring(extendOverThe(legal.start), legal.end),
                        SeverityRule.LEGAL_FRAMEWORK.describe() + " (" + rule.id() + " capped at 2)"));
            }
            scored.add(new Scored(rule, level, shownStart, shownEnd));
        }

        /**
         * True when every word of the phrase is Capitalised (not ALL CAPS) and it does not open a sentence:
         * a title or a name ("Convention on ... Child Abduction", "Forced Labor" in a report title).
         */
        private boolean titleCase(int start, int end) {
            int t = layout.tokenAtOrAfter(start);
            if (t >= layout.tokenCount || layout.tokenStartsUnit[t]) {
                return false;
            }
            boolean any = false;
            for (; t < layout.tokenCount && layout.tokStart[t] < end; t++) {
                int s = layout.tokStart[t];
                char c = layout.chars[s];
                if (!Character.isLetter(c)) {
                    continue;
                }
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                if (layout.tokEnd[t] - s > 1 && Character.isUpperCase(layout.chars[s + 1])) {
                    return false; // ALL CAPS is emphasis, not a title
                }
                any = true;
            }
            return any;
        }

        // ------------------------------------------------------------------ negation and prevention

        private int negatedTo;

        private String[] words;

        /** The lowercase word at token t (cached: the modifiers look at the same few words repeatedly). */
        private String word(int t) {
            if (words == null) {
                words = new String[layout.tokenCount];
            }
            String w = words[t];
            if (w == null) {
                w = layout.lowerToken(t);
                words[t] = w;
            }
            return w;
        }

        private boolean wordIs(int t, String w) {
            int len = layout.tokEnd[t] - layout.tokStart[t];
            return len == w.length() && text.regionMatches(true, layout.tokStart[t], w, 0, len);
        }

        private static boolean startsWithAny(String w, String[] prefixes) {
            for (String p : prefixes) {
                if (w.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Start of the negation covering the phrase at tokens [first, end), or -1. Sets {@link #negatedTo}.
         * "no/not/never ... (at most two words) PHRASE", "no (two words) reports/cases ... PHRASE" earlier in
         * the clause, "PHRASE ... were not reported".
         */
        private int negation(int first, int end, int clauseToken, int clause, int clauseEnd) {
            negatedTo = -1;
            for (int k = 1; k <= 3; k++) {
                int t = first - k;
                if (t < clauseToken) {
                    break;
                }
                char c0 = layout.chars[layout.tokStart[t]];
                if (c0 != 'n' && c0 != 'N' && c0 != 'a' && c0 != 'A' && c0 != 't') {
                    continue;
                }
                int cue = -1;
                if ((c0 == 'n' || c0 == 'N') && NEGATIONS.contains(word(t))) {
                    cue = t;
                } else if (wordIs(t, "any") && t - 1 >= clauseToken && wordIs(t - 1, "without")) {
                    cue = t - 1;
                } else if (wordIs(t, "t") && t - 1 >= clauseToken && layout.tokEnd[t - 1] + 1 == layout.tokStart[t]
                        && "'\u2019".indexOf(text.charAt(layout.tokEnd[t - 1])) >= 0
                        && text.charAt(layout.tokEnd[t - 1] - 1) == 'n') {
                    cue = t - 1; // didn't, wasn't
                }
                if (cue >= 0) {
                    if (!blocked(t + 1, first)) {
                        return layout.tokStart[cue];
                    }
                    break;
                }
            }
            int report = negReport(clause, clauseToken);
            if (report >= 0 && negReportOfClause[clause] - 2 < first) {
                return layout.tokStart[report];
            }
            // "... were not reported"
            for (int j = end; j <= end + 3 && j + 2 < layout.tokenCount; j++) {
                if (layout.tokStart[j] >= clauseEnd) {
                    break;
                }
                int v = j;
                if (wordIs(v, "have") || wordIs(v, "has") || wordIs(v, "had")) {
                    if (!wordIs(v + 1, "been")) {
                        continue;
                    }
                    v++;
                } else if (!(wordIs(v, "were") || wordIs(v, "was") || wordIs(v, "is") || wordIs(v, "are"))) {
                    continue;
                }
                if (v + 2 < layout.tokenCount && (wordIs(v + 1, "not") || wordIs(v + 1, "never"))
                        && REPORTED.contains(word(v + 2)) && layout.tokEnd[v + 2] <= clauseEnd) {
                    negatedTo = layout.tokEnd[v + 2];
                    return layout.tokStart[first];
                }
            }
            return -1;
        }

        private boolean blocked(int from, int to) {
            for (int t = from; t < to; t++) {
                String w = word(t);
                if (NEG_BLOCKERS.contains(w) || startsWithAny(w, NEG_BLOCKER_PREFIXES)) {
                    return true;
                }
            }
            return false;
        }

        /** The cue token of "no/nor/never/not any (two words at most) report-word" in the clause, or -1. */
        private int negReport(int clause, int clauseToken) {
            if (negReportOfClause == null) {
                negReportOfClause = new int[layout.clauseCount];
                negReportCueOfClause = new int[layout.clauseCount];
            }
            if (negReportOfClause[clause] == 0) {
                negReportOfClause[clause] = 1;
                int end = layout.tokenAtOrAfter(layout.clauseEnd[clause]);
                outer:
                for (int t = clauseToken; t < end; t++) {
                    char c0 = layout.chars[layout.tokStart[t]];
                    if (c0 != 'n' && c0 != 'N') {
                        continue;
                    }
                    int after = t + 1;
                    if (wordIs(t, "not") && after < end && wordIs(after, "any")) {
                        after++;
                    } else if (!(wordIs(t, "no") || wordIs(t, "nor") || wordIs(t, "never"))) {
                        continue;
                    }
                    for (int j = after; j < end && j <= after + 2; j++) {
                        if (layout.tokEnd[j] - layout.tokStart[j] <= 11 && REPORT_WORDS.contains(word(j))) {
                            negReportOfClause[clause] = j + 2;
                            negReportCueOfClause[clause] = t;
                            break outer;
                        }
                    }
                }
            }
            return negReportOfClause[clause] == 1 ? -1 : negReportCueOfClause[clause];
        }

        /**
         * Start of a cue that names the phrase only as something to prevent or combat, or as a risk
         * ("to prevent forced labour", "protection against evictions", "free from discrimination",
         * "at risk of forced labour"), or -1. "failed to prevent" does not count.
         */
        private int prevention(int first, int clauseToken) {
            for (int k = 1; k <= 4; k++) {
                int t = first - k;
                if (t < clauseToken) {
                    return -1;
                }
                char c0 = layout.chars[layout.tokStart[t]];
                if ("pcearfdtovPCEARFDTOV".indexOf(c0) < 0) {
                    continue;
                }
                String w = word(t);
                int cue = -1;
                if (startsWithAny(w, PREVENT_PREFIXES) || DETER.contains(w)) {
                    cue = t;
                } else if (w.equals("against")) {
                    if (k == 1) {
                        cue = t;
                    }
                } else if (w.equals("from")) {
                    for (int b = t - 1; b >= clauseToken && b >= t - 4; b--) {
                        String x = word(b);
                        if (x.equals("free") || x.equals("freedom") || x.startsWith("protect")) {
                            cue = b;
                            break;
                        }
                    }
                } else if (w.equals("to") && t - 1 >= clauseToken) {
                    String x = word(t - 1);
                    if (x.equals("end") || x.startsWith("vulnerab")) {
                        cue = t - 1;
                    }
                } else if ((w.equals("of") || w.equals("about") || w.equals("for")) && t - 1 >= clauseToken) {
                    String x = word(t - 1);
                    if (x.equals("risk") || x.equals("risks") || (x.equals("awareness") && !w.equals("for"))) {
                        cue = t - 1;
                    }
                }
                if (cue >= 0) {
                    for (int b = cue - 1; b >= clauseToken && b >= cue - 2; b--) {
                        if (word(b).startsWith("fail")) {
                            return -1; // "failed to prevent the killing"
                        }
                    }
                    return layout.tokStart[cue];
                }
            }
            return -1;
        }

        /** Moves a legal phrase's start back over a preceding "the " so it reads "The law prohibits". */
        private int extendOverThe(int start) {
            if (start >= 4 && text.regionMatches(true, start - 4, "the ", 0, 4)
                    && (start == 4 || !Character.isLetterOrDigit(text.charAt(start - 5)))) {
                return start - 4;
            }
            return start;
        }

        // ------------------------------------------------------------------ concrete victims

        private String victimNear(int sentence) {
            String v = victimIn(sentence);
            if (v == null && sentence > 0 && !layout.sentHeading[sentence - 1]) {
                v = victimIn(sentence - 1);
            }
            if (v == null && sentence + 1 < layout.sentenceCount && !layout.sentHeading[sentence + 1]) {
                v = victimIn(sentence + 1);
            }
            return v;
        }

        /** The first named person or count in the sentence, or null. */
        private String victimIn(int sentence) {
            if (victimOfSentence == null) {
                victimOfSentence = new String[layout.sentenceCount];
            }
            String cached = victimOfSentence[sentence];
            if (cached == null) {
                cached = findVictim(sentence);
                victimOfSentence[sentence] = cached;
            }
            return cached.isEmpty() ? null : cached;
        }

        private String findVictim(int sentence) {
            if (layout.sentHeading[sentence]) {
                return "";
            }
            int first = layout.sentFirstToken[sentence];
            int last = layout.sentTokenEnd[sentence];
            for (int t = first; t + 1 < last; t++) {
                if (layout.tokenStartsUnit[t] || !isNameWord(t) || !isNameWord(t + 1)
                        || !whitespaceOnly(layout.tokEnd[t], layout.tokStart[t + 1])) {
                    continue;
                }
                int c = layout.clauseAt(layout.tokStart[t]);
                if (c >= 0 && layout.clauseLabel[c]) {
                    continue; // a run-in heading ("Other Harmful Practices:")
                }
                int e = t + 1;
                while (e + 1 < last && isNameWord(e + 1) && whitespaceOnly(layout.tokEnd[e], layout.tokStart[e + 1])) {
                    e++;
                }
                return text.substring(layout.tokStart[t], layout.tokEnd[e]);
            }
            return count(first, last);
        }

        /**
         * A counted victim in tokens [first, last): a number (not a year) followed within four words by a person
         * or case noun ("three detainees", "24 cases", "13 oil workers", "1,715 officially reported rape cases"),
         * or an age ("30-year-old"); "" when there is none.
         */
        private String count(int first, int last) {
            for (int t = first; t < last; t++) {
                int s = layout.tokStart[t];
                int e = layout.tokEnd[t];
                boolean digits = layout.chars[s] >= '0' && layout.chars[s] <= '9';
                if (digits) {
                    if (e - s <= 3 && text.startsWith("-year-old", e)) {
                        return text.substring(s, e + 9);
                    }
                    if (e - s == 4 && (text.startsWith("19", s) || text.startsWith("20", s))) {
                        continue; // a year
                    }
                    // 1,715 / 1.6: one number spread over several tokens
                    int n = t;
                    while (n + 1 < last && layout.tokStart[n + 1] == layout.tokEnd[n] + 1
                            && (layout.chars[layout.tokEnd[n]] == ',' || layout.chars[layout.tokEnd[n]] == '.')
                            && layout.chars[layout.tokStart[n + 1]] >= '0' && layout.chars[layout.tokStart[n + 1]] <= '9') {
                        n++;
                    }
                    t = n;
                } else if (e - s > 9 || "otfsenhdOTFSENHD".indexOf(layout.chars[s]) < 0
                        || !layout.tokenIn(t, NUMBER_WORDS)) {
                    continue;
                }
                int between = 0;
                for (int j = t + 1; j < last && between <= 3; j++) {
                    if (!whitespaceOnly(layout.tokEnd[j - 1], layout.tokStart[j])) {
                        break; // "seven-month", "8, a group": not one noun phrase
                    }
                    if (VICTIMS.contains(word(j))
                            || (wordIs(j, "asylum") && j + 1 < last && wordIs(j + 1, "seekers"))) {
                        int end = wordIs(j, "asylum") ? layout.tokEnd[j + 1] : layout.tokEnd[j];
                        return text.substring(s, end);
                    }
                    if (layout.chars[layout.tokStart[j]] >= '0' && layout.chars[layout.tokStart[j]] <= '9') {
                        break;
                    }
                    if (!(wordIs(j, "of") || wordIs(j, "the"))) {
                        between++;
                    }
                }
            }
            return "";
        }

        private boolean isNameWord(int t) {
            int s = layout.tokStart[t];
            int e = layout.tokEnd[t];
            if (e - s < 2) {
                return false;
            }
            char c0 = text.charAt(s);
            char c1 = text.charAt(s + 1);
            if (!Character.isUpperCase(c0) || !Character.isLowerCase(c1)) {
                return false;
            }
            if (s > 0) {
                char before = text.charAt(s - 1);
                if (before == '\'' || before == '\u2019' || before == '.' || before == '@' || before == '/') {
                    return false;
                }
            }
            return !NOT_NAMES.contains(word(t));
        }

        private boolean whitespaceOnly(int from, int to) {
            if (to <= from || to - from > 3) {
                return false;
            }
            for (int i = from; i < to; i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        // ------------------------------------------------------------------ recommendations

        /** The recommendation indicator when the passage is (flagged or phrased as) a recommendation, else null. */
        private Note recommendation(boolean flagged) {
            int items = 0;
            int imperatives = 0;
            boolean firstIsImperative = false;
            String phrase = null;
            for (int s = 0; s < layout.sentenceCount; s++) {
                if (layout.sentHeading[s]) {
                    continue;
                }
                int t = layout.sentFirstToken[s];
                int end = layout.sentTokenEnd[s];
                while (t < end && layout.isListMarkerToken(t) && t + 1 < end) {
                    t++;
                }
                if (t >= end) {
                    continue;
                }
                items++;
                String found = imperativeAt(t, end);
                if (found == null) {
                    int m = marker(RuleBook.Marker.RECOMMEND, layout.sentStart[s], layout.sentEnd[s],
                            layout.sentStart[s], layout.sentStart[s]);
                    if (m >= 0) {
                        int k = RuleBook.Marker.RECOMMEND.ordinal();
                        found = text.substring(markerStart[k][m], markerEnd[k][m]);
                    }
                }
                if (found != null) {
                    imperatives++;
                    if (items == 1) {
                        firstIsImperative = true;
                    }
                    if (phrase == null) {
                        phrase = found;
                    }
                }
            }
            boolean phrased = items > 0 && (firstIsImperative || imperatives * 2 >= items);
            if (!flagged && !phrased) {
                return null;
            }
            String shown = phrase != null ? phrase : leadingWords(6);
            String why = flagged ? " (marked as a recommendation)" : " (imperative recommendation phrasing)";
            return new Note(shown, SeverityRule.RECOMMENDATION.describe() + why);
        }

        /** "Ensure that", "Adopt", "Put an end", ... opening a sentence and followed by its object, else null. */
        private String imperativeAt(int t, int sentenceTokenEnd) {
            if (!Character.isUpperCase(text.charAt(layout.tokStart[t]))) {
                return null;
            }
            String verb = word(t);
            if (!IMPERATIVES.contains(verb)) {
                return null;
            }
            int last = t;
            String[] particle = PHRASAL.get(verb);
            if (particle != null) {
                for (String p : particle) {
                    if (last + 1 >= sentenceTokenEnd || !wordIs(last + 1, p)) {
                        return null;
                    }
                    last++;
                }
            }
            int next = last + 1;
            if (next >= sentenceTokenEnd) {
                return null;
            }
            if (wordIs(next, "that")) {
                last = next;
                next++;
                if (next >= sentenceTokenEnd) {
                    return null;
                }
            }
            char c = text.charAt(layout.tokStart[next]);
            String between = text.substring(layout.tokEnd[last], layout.tokStart[next]);
            if (Character.isUpperCase(c) && !between.contains("\u201c") && !between.contains("\"")) {
                return null;
            }
            if (NOT_IMPERATIVE_NEXT.contains(word(next))) {
                return null;
            }
            return text.substring(layout.tokStart[t], layout.tokEnd[last]);
        }

        private String leadingWords(int count) {
            if (layout.tokenCount == 0) {
                return text.strip();
            }
            int last = Math.min(count, layout.tokenCount) - 1;
            return text.substring(layout.tokStart[0], layout.tokEnd[last]);
        }

        // ------------------------------------------------------------------ indicators

        private List<Severity.Indicator> indicators(Note recommendation, int uncapped) {
            Map<String, Severity.Indicator> out = new LinkedHashMap<>();
            if (recommendation != null) {
                put(out, recommendation.text, recommendation.rule);
            }
            List<Scored> byLevel = new ArrayList<>(scored);
            byLevel.sort(Comparator.comparingInt((Scored s) -> -s.level).thenComparingInt(s -> s.start));
            for (Scored s : byLevel) {
                if (s.level == uncapped) {
                    put(out, text.substring(s.start, s.end), describe(s));
                }
            }
            for (Note n : modifiers) {
                put(out, n.text, n.rule);
            }
            for (Scored s : byLevel) {
                if (s.level != uncapped) {
                    put(out, text.substring(s.start, s.end), describe(s));
                }
            }
            for (Scored s : info) {
                put(out, text.substring(s.start, s.end), s.rule.describe());
            }
            if (out.isEmpty()) {
                put(out, firstSentenceSnippet(), SeverityRule.CONTEXT.describe());
            }
            List<Severity.Indicator> list = new ArrayList<>(out.values());
            return list.size() > MAX_INDICATORS ? list.subList(0, MAX_INDICATORS) : list;
        }

        private static String describe(Scored s) {
            if (s.level < s.rule.level()) {
                return s.rule.describe() + " (capped at " + s.level + ")";
            }
            if (s.level > s.rule.level()) {
                return s.rule.describe() + " (raised to " + s.level + " by a concrete victim)";
            }
            return s.rule.describe();
        }

        private static void put(Map<String, Severity.Indicator> out, String text, String rule) {
            String id = rule.substring(0, rule.indexOf(':'));
            out.putIfAbsent(id + '\u0000' + text.toLowerCase(Locale.ROOT), new Severity.Indicator(text, rule));
        }

        private String firstSentenceSnippet() {
            if (layout.sentenceCount == 0) {
                return text.strip();
            }
            int s = layout.sentStart[0];
            int e = layout.sentEnd[0];
            if (e - s > 80) {
                int cut = text.lastIndexOf(' ', s + 80);
                e = cut > s ? cut : s + 80;
            }
            return text.substring(s, e).strip();
        }
    }
}
