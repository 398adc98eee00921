package org.rightstream.classify.severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The compiled patterns of every rule, built once at class initialisation and shared by all threads.
 *
 * <p>Each rule is a list of branches; each branch starts with a literal word (or a group of literal words,
 * or a number) - class initialisation fails otherwise, so no rule can be silently unreachable. The scorer
 * tokenizes a passage once and, for each word, looks up only the branches that can start with that word's
 * first letters ({@link #bucket}: first three letters, then the fourth). Before a regular expression runs,
 * cheap checks discard most candidates: the literal start of the branch, its second word, and for branches
 * that start with a common word or a number, a word that must follow shortly ({@link #near}). Branches that
 * can only match one whole word are expanded into their word forms ({@link SingleWord}) and matched without
 * a regular expression. That keeps the scorer linear in the passage length instead of "rules x characters".
 *
 * <p>All patterns are case-insensitive and end on a word boundary; inflections are spelled out
 * (kill/kills/killed/killing/killings, tortur*, beat/beaten/beating, rape/raped/rapes - never "grape",
 * "therapeutic" or "rapid", because matching starts at a word start and ends at a word boundary).
 */
final class RuleBook {
    static final int FLAGS = Pattern.CASE_INSENSITIVE;
    /** Words are dispatched on their first four letters (or the whole shorter word). */
    static final int KEY_LETTERS = 4;
    /** Prefix of keys that hold branches known only by their first three letters. */
    private static final char FALLBACK = '~';

    /** A word inside a phrase (letters, digits, apostrophes, hyphens). */
    static final String W = "[\\w\u2019'-]+";

    /** Up to max whole words, as few as possible (possessive inside, so a word is never split by backtracking). */
    static String gap(int max) {
        return "(?:" + W + "+\\s++){0," + max + "}?";
    }

    static final String NUM = "(?:(?!(?:19|20)\\d\\d\\b)\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
            + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
            + "|ninety|hundreds|thousands|dozens|scores)";

    /** A prison term of three years or more, in words or digits ("five", "seven and one-half", "10"). */
    static final String YEARS = "(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
            + "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|[3-9]|[1-9][0-9])"
            + "(?:\\s+and\\s+(?:one-half|one\\s+half|a\\s+half)|-and-a-half|\\.5)?";

    // ---------------------------------------------------------------- markers (found in the same token scan)

    /**
     * Phrases that are not rules themselves but are looked up around a rule's phrase: the context a pair rule
     * needs, the vetoes and recommendation phrases. They are found in the same token scan as the rules, so
     * checking one is a look-up in a short list of positions.
     */
    enum Marker {
        /** Who or what a long prison term must concern to count as imprisonment for activity. */
        ACTIVITY("activists?", "journalists?", "reporters?", "bloggers?", "editors?", "poets?", "writers?",
                "dissidents?", "defenders?", "opposition", "opponents?", "critics?", "(?:party|movement)\\s+leaders?",
                "trade\\s+union\\s+(?:leaders?|lawyers?|activists?|members?)",
                "union\\s+(?:leaders?|lawyers?|activists?|members?)", "political\\s+prisoners?",
                "prisoners?\\s+of\\s+conscience", "believers", "worshippers", "congregants", "religious", "imams?",
                "pastors?", "priests?", "missionar\\w+", "protesters", "demonstrators", "strikers", "striking",
                "social\\s+discord", "extremis\\w+", "false\\s+information", "insult\\w*",
                "politically\\s+motivated", "political\\s+activit\\w+", "peaceful"),
        /** Speech, media, online posts, religion: what a penalty must concern to count as one for expression. */
        EXPRESSION("libel\\w*", "slander\\w*", "defamat\\w+", "insult\\w*", "false\\s+information",
                "disinformation", "(?:social|national|ethnic|religious|class)\\s+(?:discord|hatred|enmity)", "discord",
                "extremis\\w+", "posts?", "posted", "reposts?", "reposted", "articles?(?!\\s+\\d)", "publish\\w*",
                "publications?", "journalis\\w+", "bloggers?", "blogs?", "media", "newspapers?", "outlets?",
                "web\\s*sites?", "reporters?", "editors?", "speech", "expression", "criticism", "criticiz\\w+",
                "critical\\s+of", "religio\\w*", "missionar\\w*", "worship\\w*", "prayers?", "praying",
                "believers?", "sermons?", "proselyti[sz]\\w*", "spiritual", "church\\w*", "mosques?",
                "union\\s+(?:leaders?|activit\\w+|lawyers?)", "strikes?", "peaceful"),
        /** Protests and gatherings. */
        PROTEST("unsanctioned", "unauthori[sz]ed", "unpermitted", "protest\\w*", "rall(?:y|ies)", "demonstrations?",
                "demonstrators?", "pickets?", "picketing", "gatherings?", "assembl(?:y|ies)", "marches", "marched",
                "strikers?", "striking", "sit-ins?", "hunger\\s+strik\\w+"),
        /** Activists, journalists, lawyers, NGOs: whose harassment counts. */
        DEFENDER("activists?", "journalists?", "defenders?", "reporters?", "bloggers?", "lawyers?", "attorneys?",
                "advocates?", "ngos?", "human\\s+rights", "opposition", "critics?", "dissidents?",
                "union\\s+(?:leaders?|members|activists?)", "trade\\s+unions?", "civil\\s+society", "monitors?",
                "observers?", "witnesses?", "whistleblowers?", "complainants?", "editors?", "media", "outlets?",
                "independent\\s+unions?"),
        /** Accidents and disasters: a death or injury there is not an abuse. */
        ACCIDENT("accident\\w*", "explosions?", "blast", "crash\\w*", "collaps\\w+", "earthquakes?", "flood\\w*",
                "disasters?", "workplace", "occupational", "landslides?", "avalanches?"),
        /** Officials or police sentenced: a long term for them is not imprisonment for activism. */
        SENTENCED_OFFICIALS(nearLocal("police|officer|official|guard|manager|judge|mayor|prosecutor|director|chief|head"
                + "|trafficker|perpetrator", "(?:sentenc\\w+|convict\\w+)\\s+" + g(5) + "(?:police\\w*|officers?"
                + "|officials?|guards?|managers?|judges?|mayors?|prosecutors?|directors?|chiefs?|heads?|traffickers?"
                + "|perpetrators?)")),
        /** An ordinary criminal matter: an arrest for it is not raised to 3 by a named or counted person. */
        ORDINARY_CRIME("corrupt\\w*", "brib\\w+", "embezzl\\w+", "fraud\\w*", "tax\\s+evasion",
                "money\\s+laundering", "theft", "robbery", "carjacking", "drug\\s+trafficking", "smuggling",
                "abuse\\s+of\\s+(?:power|office|authority)"),
        /** "Recommendations:", "We recommend", "it is recommended". */
        RECOMMEND("recommendations?\\s*:", "we\\s+(?:recommend|urge|call\\s+on|call\\s+upon)",
                "(?:it\\s+is|are)\\s+(?:recommended|urged)");

        final String[] branches;

        Marker(String... branches) {
            this.branches = branches;
        }

        /** Same as {@link RuleBook#near}; local for the same reason as {@link #g}. */
        private static String nearLocal(String words, String branch) {
            return NEAR + words + NEAR + branch;
        }

        /** Same as {@link RuleBook#gap}; local so that initialising the markers does not initialise the rules. */
        private static String g(int max) {
            return "(?:" + W + "+\\s++){0," + max + "}?";
        }
    }

    // ---------------------------------------------------------------- rules

    /** A rule: its branches and, for pair rules, the marker that must be near (clause, or sentences around). */
    static final class Rule {
        final SeverityRule rule;
        final String[] branches;
        final Marker context;
        final int contextBefore;
        final int contextAfter;
        final boolean accidentVeto;
        int index;

        Rule(SeverityRule rule, Marker context, int contextBefore, int contextAfter, boolean accidentVeto,
                String... branches) {
            this.rule = rule;
            this.context = context;
            this.contextBefore = contextBefore;
            this.contextAfter = contextAfter;
            this.accidentVeto = accidentVeto;
            this.branches = branches;
        }
    }

    private static final char NEAR = '\u0001';

    /** Stems of the verbs that follow "the law ..." in legal-framework language (pre-check for that branch). */
    private static final String LEGAL_VERBS = "provide|prohibit|criminali|require|allow|stipulat|establish|define"
            + "|grant|guarantee|prescribe|penali|permit|mandate|protect|specif|impose|sets|bars|forbid|outline|states"
            + "|include|contain|enable|identifies|does|do|lack|has|limits|restricts|oblige|entitle|regulate|give"
            + "|exempt|concentrate|recogni";

    /**
     * A branch that can only match when one of its next {@link #NEAR_TOKENS} words starts with one of the given
     * words: a cheap pre-check for branches that start with a common word or a number.
     */
    static String near(String words, String branch) {
        return NEAR + words + NEAR + branch;
    }

    static final int NEAR_TOKENS = 9;

    static Rule r(SeverityRule rule, String... branches) {
        return new Rule(rule, null, 0, 0, false, branches);
    }

    static Rule veto(SeverityRule rule, String... branches) {
        return new Rule(rule, null, 0, 0, true, branches);
    }

    /** A rule that counts only with its context marker in the same clause (before = after = 0) or sentence window. */
    static Rule pair(SeverityRule rule, Marker context, int before, int after, String... branches) {
        return new Rule(rule, context, before, after, false, branches);
    }

    private static final String[] PENALTY_FOR_SPEECH_OR_RELIGION = {
        "charg(?:ed|es|ing)",
        "prosecut(?:ed|ing|ions)",
        "(?<!the\\s)prosecution",
        "convict(?:ed|ion|ions|ing)",
        "fin(?:ed|es?)",
        "sentenc(?:ed|es?|ing)",
        "found\\s+" + gap(2) + "guilty",
        "guilty\\s+of",
        "criminal\\s+(?:cases?|charges?|liability|proceedings|investigations?|suits?|libel)",
        "administrative\\s+(?:arrests?|charges|penalt(?:y|ies)|violations?|offen[cs]es?|cases?|liability|proceedings)",
        "indict(?:ed|ment|ments)",
        "(?:libel|defamation|slander)\\s+(?:suits?|cases?|lawsuits?|charges?)",
        "sued",
        "lawsuits?",
        "detain(?:ed|s|ing)",
        "arrest(?:ed|s|ing)?",
        "jailed",
        near("extremist", "(?:banned|declared|designated|recogni[sz]ed)\\s+" + gap(6) + "as\\s+extremist"),
    };

    static final List<Rule> RULES = List.of(
            // ---- level 5
            veto(SeverityRule.KILLING,
                    "kill(?:s|ed|ing|ings|er|ers)?",
                    "murder(?:s|ed|ing|er|ers)?(?!\\s+(?:cases?|trials?|charges?))",
                    "assassinat\\w*",
                    "homicides?",
                    "shot\\s+dead",
                    "extrajudicial(?:ly)?\\s+(?:execut\\w*|kill\\w*)",
                    "summar(?:y|ily)\\s+execut\\w*",
                    near("dead", "(?:people|persons|protesters|demonstrators|civilians|residents|workers|detainees"
                            + "|prisoners|men|women|children)\\s+(?:were\\s+|was\\s+)?(?:left\\s+)?dead")),
            r(SeverityRule.DEATH_IN_CUSTODY,
                    near("custody|detention|prison|jail|cell|penal|pretrial|remand", "(?:died|dies|death|deaths)\\s+"
                            + gap(3) + "(?:in|while\\s+in|inside|at|within)\\s+" + gap(2) + "(?:custody|detention|prisons?"
                            + "|jails?|cells?|penal\\s+colon(?:y|ies)|pretrial|remand)"),
                    near("died|killed", "(?:prisoners?|detainees?|inmates?|convicts?)\\s+" + gap(4)
                            + "(?:died|were\\s+killed|was\\s+killed|had\\s+died)"),
                    "custodial\\s+deaths?",
                    "deaths?\\s+of\\s+" + gap(2) + "(?:detainees?|prisoners?|inmates?|persons\\s+in\\s+custody)"),
            veto(SeverityRule.DEATH_OUTCOME,
                    "(?:beaten|tortured|stabbed|kicked|starved|burned|choked|shot)\\s+to\\s+death",
                    "(?<!crimes\\sthat\\s)(?<!crime\\sthat\\s)(?<!crimes\\swhich\\s)(?:resulting|resulted|results?)\\s+in\\s+"
                            + gap(2) + "deaths?",
                    "(?<!crimes\\sthat\\s)(?<!crime\\sthat\\s)(?<!crimes\\swhich\\s)(?:led|leading|leads)\\s+to\\s+"
                            + gap(2) + "deaths?",
                    "died\\s+" + gap(2) + "(?:after|from|following|of\\s+(?:his|her|their|the)\\s+(?:injuries|wounds)"
                            + "|as\\s+a\\s+result\\s+of)(?!\\s+(?:a\\s+)?(?:natural|illness|old|long|terminal|cancer"
                            + "|covid|heart|disease))",
                    "(?:deadly|lethal|fatal(?:ly)?)\\s+(?:abuse|beatings?|force|torture|violence|injur\\w+|wounds?"
                            + "|attacks?|assaults?|shootings?|beaten|shot|wounded|injured)",
                    "succumbed\\s+to\\s+(?:his|her|their)\\s+(?:injuries|wounds)",
                    "caused\\s+" + gap(2) + "deaths?"),
            veto(SeverityRule.GRAVE_INJURY,
                    "stabb(?:ed|ing)",
                    "shot\\s+(?:him|her|them|at|and\\s+(?:wounded|injured)|in\\s+the)",
                    "gunshot\\s+wounds?",
                    "(?:serious|severe|grave|lasting|permanent|critical)\\s+(?:bodily\\s+)?(?:injur(?:y|ies)|harm"
                            + "|wounds?|burns|disabilit(?:y|ies)|brain\\s+damage)",
                    "(?:seriously|severely|gravely|critically|permanently)\\s+(?:injured|wounded|disabled|hurt|maimed)",
                    "(?:lost|regained)\\s+consciousness",
                    "beaten\\s+unconscious",
                    "broken\\s+(?:bones?|ribs?|jaw|nose|skull|limbs?|arms?|legs?)",
                    "fractur(?:ed|es?)\\s+(?:skull|ribs?|jaw|spine|bones?)",
                    "concussions?",
                    "brain\\s+injur(?:y|ies)"),
            r(SeverityRule.ENFORCED_DISAPPEARANCE,
                    "disappear(?:ed|ance|ances)",
                    "whereabouts\\s+" + gap(3) + "unknown",
                    "(?:went|gone|remains?|remained|reported|been)\\s+missing",
                    "missing\\s+persons?"),
            r(SeverityRule.MASS_VIOLENCE,
                    "massacr(?:e|es|ed)",
                    "mass\\s+(?:killings?|shootings?|graves?|executions?|atrocit\\w+|violence|casualties|murders?)",
                    "genocid\\w*",
                    "ethnic\\s+cleansing",
                    "pogroms?",
                    "crimes\\s+against\\s+humanity",
                    "war\\s+crimes",
                    "(?:fir(?:ed|ing)|shoot(?:ing|s)?|shot)\\s+(?:live\\s+ammunition\\s+|rubber\\s+bullets\\s+"
                            + "|indiscriminately\\s+)?(?:in|into|on|at|upon)\\s+(?:the\\s+)?(?:crowds?|protesters"
                            + "|demonstrators|strikers|civilians|peaceful)",
                    "opened\\s+fire",
                    "(?:deadly|bloody|armed|lethal)\\s+clash(?:es)?",
                    near("kill|dead|massacr", NUM + "\\s+(?:of\\s+)?(?:people|persons|civilians|protesters|demonstrators|residents|villagers)"
                            + "\\s+(?:were\\s+)?(?:killed|dead|massacred)")),
            // ---- level 4 (torture / ill-treatment: 3, or 4 with a concrete victim)
            r(SeverityRule.TORTURE,
                    "(?<!against\\s)(?<!counter-)(?<!anti-)tortur(?:e|ed|es|ing|er|ers)"),
            r(SeverityRule.ILL_TREATMENT,
                    "beat(?:s|en|ing|ings)?",
                    "ill-treat\\w*",
                    "mistreat\\w*",
                    "maltreat\\w*",
                    "(?<!terrorist\\s)(?<!cyber\\s)(?<!cyber-)assault(?:s|ed|ing)?",
                    "(?<!terrorist\\s)(?<!cyber\\s)(?<!cyber-)(?<!hacker\\s)attack(?:s|ed|ing)?",
                    "electric(?:al)?\\s+shocks?",
                    "tas(?:ed|ered|ering)",
                    "stun\\s+guns?",
                    "chok(?:ed|ing)",
                    "suffocat\\w+",
                    "plastic\\s+bags?\\s+over",
                    "humiliat\\w+",
                    "(?:cruel|inhuman)(?:,?\\s+(?:inhuman|or|and|degrading))*\\s+(?:treatment|punishment)",
                    "degrading\\s+(?:treatment|punishment)",
                    "hazing",
                    "(?:physical(?:ly)?|deadly|severe|brutal(?:ly)?|violent(?:ly)?)\\s+(?:abus\\w+|assault\\w*"
                            + "|attack\\w*|beat\\w*)",
                    "abus(?:ed|ing|es)\\s+(?:detainees|prisoners|inmates|him|her|them|patients|children|conscripts"
                            + "|recruits|suspects|protesters)",
                    "abuse\\s+(?:in|of)\\s+(?:prisons?|custody|detention|detainees|prisoners|inmates|conscripts"
                            + "|recruits|patients)",
                    "police\\s+(?:violence|brutality)",
                    "brutality",
                    "violence\\s+against\\s+(?:journalists|activists|protesters|detainees|prisoners|lgbt\\w*|them"
                            + "|him|her)",
                    "struck\\s+(?:him|her|them|" + gap(3) + "in\\s+the\\s+(?:head|face|body|chest|stomach))",
                    "punitive\\s+cells?",
                    "punishment\\s+cells?",
                    "solitary\\s+confinement"),
            r(SeverityRule.SEXUAL_VIOLENCE,
                    "rap(?:e|es|ed|ing|ist|ists)",
                    "gang[- ]rap\\w*",
                    "sexual(?:ly)?\\s+(?:violence|assault\\w*|abuse\\w*|abusing|exploitation|exploited|humiliat\\w+"
                            + "|coercion|slavery|torture|harm)",
                    "humiliated\\s+sexually",
                    "forced\\s+prostitution",
                    "molest\\w*",
                    "indecent\\s+assault",
                    "sexual\\s+offen[cs]es"),
            r(SeverityRule.TRAFFICKING,
                    "(?<!drug\\s)(?<!arms\\s)(?<!weapons\\s)(?<!drugs\\s)traffick(?:ing|ed|ers?)",
                    "forced\\s+(?:or\\s+compulsory\\s+)?(?:labou?r|prostitution|begging)",
                    "compulsory\\s+labou?r",
                    "debt\\s+bondage",
                    "involuntary\\s+servitude",
                    "servitude",
                    "slavery",
                    "enslav\\w+",
                    near("exploitation", "(?:sexual|labou?r)\\s+exploitation"),
                    "confiscat\\w+\\s+" + gap(2) + "passports"),
            r(SeverityRule.ABDUCTION,
                    "kidnap\\w*",
                    "abduct\\w*",
                    "hostages?"),
            pair(SeverityRule.LONG_IMPRISONMENT, Marker.ACTIVITY, 1, 0,
                    near("year", "(?<!up\\sto\\s)(?<!maximum\\sof\\s)(?<!than\\s)" + YEARS + "[-\\s]+years?[\u2019']?\\s+"
                            + "(?:of\\s+)?(?:in\\s+)?(?:prison|jail|imprisonment|incarceration|a\\s+(?:penal|labou?r|prison)"
                            + "\\s+colony|deprivation\\s+of\\s+(?:liberty|freedom))"),
                    near("year", "(?<!up\\sto\\s)" + YEARS + "-year\\s+(?:(?:prison|jail|custodial)\\s+(?:sentences?|terms?)"
                            + "|sentences?)"),
                    "(?:prison|jail)\\s+(?:terms?|sentences?)\\s+of\\s+(?:between\\s+)?" + YEARS
                            + "(?:\\s+(?:to|and)\\s+[\\w-]+)?\\s+years"),
            r(SeverityRule.POLITICAL_IMPRISONMENT,
                    "political\\s+(?:prisoners?|detainees?|persecution|prosecutions?)",
                    "prisoners?\\s+of\\s+conscience",
                    "politically\\s+motivated",
                    "imprisoned\\s+for\\s+(?:their|his|her)\\s+(?:views|activit\\w+|beliefs|faith|criticism|posts?"
                            + "|journalism|work)"),
            // ---- level 3
            r(SeverityRule.ARBITRARY_DETENTION,
                    "arbitrar(?:y|ily)\\s+(?:arrests?|detentions?|detain\\w*|arrested|deprivation)",
                    "(?:unlawful|illegal)(?:ly)?\\s+(?:arrest\\w*|detain\\w*|detentions?|confine\\w*|imprison\\w*|held"
                            + "|deprivation\\s+of\\s+(?:liberty|freedom))",
                    "administrative\\s+(?:arrests?|detentions?)",
                    "incommunicado",
                    "kettl(?:e|ed|ing)",
                    "detained\\s+without\\s+(?:charges?|a\\s+warrant|trial|a\\s+court\\s+order)",
                    "house\\s+arrest",
                    "forcibly\\s+(?:detained|committed|hospitali[sz]ed|confined)",
                    "(?:forced|involuntary|compulsory)\\s+(?:psychiatric\\s+)?(?:hospitali[sz]ation|confinement)",
                    "psychiatric\\s+(?:detention|confinement)"),
            r(SeverityRule.ARREST_DETENTION,
                    "arrest(?:s|ed|ing)?(?!\\s+warrants?)",
                    "detain(?:s|ed|ing)",
                    "detention\\s+of",
                    "taken\\s+into\\s+(?:police\\s+)?custody",
                    "remand(?:ed|ing)",
                    "jailed",
                    "imprisoned",
                    "incarcerated",
                    "apprehended",
                    "placed\\s+" + gap(3) + "in\\s+(?:pretrial\\s+)?detention",
                    "(?:held|kept)\\s+in\\s+(?:pretrial\\s+)?(?:detention|custody)"),
            pair(SeverityRule.PROSECUTION_FOR_EXPRESSION, Marker.EXPRESSION, 0, 0, PENALTY_FOR_SPEECH_OR_RELIGION),
            pair(SeverityRule.ASSEMBLY_PENALTY, Marker.PROTEST, 0, 0,
                    "detain(?:ed|s|ing)",
                    "arrest(?:ed|s|ing)?",
                    "fin(?:ed|es?)",
                    "charg(?:ed|es)",
                    "prosecut(?:ed|ion|ions)",
                    "convict(?:ed|ion|ions)",
                    "sentenc(?:ed|es)",
                    "jailed",
                    "administrative\\s+(?:arrests?|charges|penalt(?:y|ies)|violations?|offen[cs]es?|liability)",
                    "found\\s+" + gap(2) + "guilty"),
            pair(SeverityRule.VIOLENT_DISPERSAL, Marker.PROTEST, 0, 0,
                    "dispers(?:e|ed|es|ing|al)",
                    "disrupt(?:ed|s|ing|ion)?",
                    "(?:broke|break|breaking)\\s+up",
                    "kettl(?:e|ed|ing)",
                    "tear\\s+gas",
                    "rubber\\s+bullets",
                    "water\\s+cannons?",
                    "stun\\s+grenades?",
                    "batons?",
                    "(?:used|use\\s+of|using|excessive|disproportionate)\\s+force",
                    "riot\\s+police",
                    "forcibly\\s+(?:removed|dragged|pushed|detained)",
                    "physically\\s+prevented"),
            r(SeverityRule.FORCED_EVICTION,
                    "(?:forced|forcible|illegal|arbitrary)\\s+evictions?",
                    "forcibl[ey]\\s+evicted",
                    "evict(?:ed|ion|ions|ing|s)?",
                    "demoli(?:sh\\w*|tions?)",
                    "expropriat\\w+",
                    "(?:seiz\\w+|confiscat\\w+)\\s+(?:of\\s+)?" + gap(2) + "(?:homes?|houses?|land|lands)",
                    "appropriated\\s+" + gap(2) + "(?:lands?|houses?|homes?)"),
            pair(SeverityRule.DEFENDER_HARASSMENT, Marker.DEFENDER, 0, 0,
                    "(?<!life-)(?<!life\\s)threat(?:s|en|ened|ening)?",
                    "intimidat\\w+",
                    "harass\\w+",
                    "surveil\\w+",
                    "monitor(?:ed|ing|s)?\\s+(?:their|his|her|the)\\s+(?:movements?|activities|communications|phones?"
                            + "|e-mails?|correspondence)",
                    "track(?:ed|ing|s)?\\s+(?:his|her|their|the)\\s+movements?",
                    "spyware",
                    "wiretap\\w*",
                    "intercept\\w*",
                    "persecut\\w+",
                    "reprisals?",
                    "smear\\w*",
                    "pressured",
                    "(?:put|exerted|applied)\\s+pressure",
                    "retaliat\\w+",
                    "hack(?:ed|ing)"),
            r(SeverityRule.GENDER_VIOLENCE,
                    "(?:domestic|spousal|family|partner|intimate\\s+partner)\\s+(?:violence|abuse|battery|assault)",
                    "violence\\s+against\\s+(?:women|girls|children|minors|wives|a\\s+woman)",
                    "bride[- ]?kidnapp\\w*",
                    "kidnapping\\s+(?:of\\s+)?(?:women|girls|brides?)",
                    near("marriage", "(?:forced|early|child)\\s+marriages?"),
                    "hono(?:u)?r\\s+(?:killings?|crimes?)",
                    "femicides?",
                    "child\\s+abuse",
                    "abuse\\s+of\\s+children",
                    "(?:abused|beaten|battered)\\s+(?:women|wives|children)",
                    "female\\s+genital\\s+mutilation"),
            // ---- level 2
            r(SeverityRule.RESTRICTION,
                    "restrict(?:s|ed|ing|ion|ions|ive|ively)?",
                    "limit(?:s|ed|ing)?\\s+(?:on\\s+)?(?:the\\s+|their\\s+|citizens[\u2019']?\\s+|individuals[\u2019']?\\s+)?"
                            + "(?:freedom|right|rights|ability|criticism|participation|activit\\w+)",
                    "ban(?:s|ned|ning)?",
                    "block(?:s|ed|ing)",
                    "censor\\w*",
                    "surveillance",
                    "self-censorship",
                    "blacklist\\w*",
                    "suspend(?:ed|s|ing)?(?!\\s+sentences?)",
                    "suspension\\s+of",
                    "shut(?:\\s+|-)down",
                    "closed\\s+down",
                    "liquidat\\w+",
                    "onerous",
                    "prohibitive",
                    near("free", "not\\s+free"),
                    "interfer(?:e|ed|es|ence|ing)\\s+(?:with|in)",
                    "confiscat\\w+",
                    "seiz(?:e|ed|ure)"),
            r(SeverityRule.DISCRIMINATION,
                    "discriminat\\w*",
                    "stigma\\w*",
                    "marginali[sz]\\w+",
                    "underrepresent\\w+",
                    "xenophob\\w+",
                    "hate\\s+speech",
                    "hostility",
                    "prejudice\\w*",
                    "(?:unequal|differential)\\s+(?:treatment|pay|access|opportunities)",
                    "segregat\\w+",
                    "intoleran\\w+",
                    "homophob\\w+",
                    "transphob\\w+",
                    "racis\\w+"),
            r(SeverityRule.REGISTRATION_REFUSAL,
                    near("regist", "(?:refus\\w*|den(?:y|ied|ies|ial|ials)|reject\\w*|revok\\w*|revocation|withdr[ae]w\\w*|cancel\\w*"
                            + "|annul\\w*|fail(?:ed|s|ure)?\\s+to\\s+(?:achieve|obtain|receive|get)"
                            + "|unable\\s+to\\s+(?:obtain|achieve|receive|get)|turned\\s+down)\\s+" + gap(5)
                            + "(?:re-?)?regist(?:er|ers|ered|ering|ration|rations)"),
                    "unable\\s+to\\s+register",
                    "deregist\\w+",
                    near("refused|denied|rejected|revoked|cancel|annulled|suspended", "regist(?:ration|er)\\s+" + gap(3)
                            + "(?:was|were|has\\s+been|had\\s+been|is|are)\\s+(?:refused|denied|rejected|revoked|cancell?ed"
                            + "|annulled|suspended)")),
            r(SeverityRule.ADMINISTRATIVE_OBSTACLE,
                    "(?:administrative|bureaucratic|procedural)\\s+(?:barriers?|obstacles?|hurdles?|delays?"
                            + "|constraints?|burdens?|pretexts?|errors?|harassment|pressure)",
                    "red\\s+tape",
                    "burdensome",
                    "burdened",
                    "(?:lengthy|complicated|cumbersome|vague|complex|costly)\\s+(?:bureaucratic\\s+)?(?:procedures?"
                            + "|process\\w*|requirements?)",
                    "difficult(?:y|ies)\\s+(?:in\\s+)?(?:registering|obtaining|acquiring|accessing|finding|securing"
                            + "|gaining|getting|receiving)",
                    "formal\\s+pretexts?",
                    "audit(?:s|ed|ing)?",
                    "heightened\\s+scrutiny",
                    "delays?\\s+(?:in|of)\\s+(?:registration|processing|issuing)",
                    "queue\\s+for"),
            r(SeverityRule.ACCESS_DENIED,
                    "lack(?:ed|s|ing)?\\s+(?:of\\s+)?(?:access|medical|adequate|proper|sufficient|basic|legal\\s+aid"
                            + "|social|housing|funding|resources|qualified|effective|independen\\w+|transparency)",
                    "(?:limited|restricted|insufficient|inadequate|unequal|poor|no|difficult|without)\\s+access",
                    "(?:denied|refused|barred|prevented)\\s+" + gap(2) + "(?:access|entry|birth\\s+certificates?"
                            + "|treatment|medical|care|education|the\\s+right)",
                    "(?:unable|not\\s+able)\\s+to\\s+(?:access|receive|obtain|get|afford|enroll|attend)",
                    "(?:inadequate|insufficient|poor|substandard|unsanitary)\\s+(?:medical|health|sanitary|prison"
                            + "|detention|living|working|conditions|treatment|care|services|food|nutrition"
                            + "|ventilation|heating|bedding|plumbing|sewage)",
                    "(?:harsh|life[- ]threatening)(?:\\s+and\\s+(?:sometimes\\s+|often\\s+)?life[- ]threatening)?"
                            + "\\s+(?:prison\\s+)?conditions",
                    "shortages?\\s+of",
                    "untreated",
                    "overcrowd\\w*",
                    "ineligible",
                    "not\\s+eligible"),
            r(SeverityRule.CORRUPTION_IMPUNITY,
                    "corrupt\\w*",
                    "brib\\w+",
                    "impunity",
                    "embezzl\\w+",
                    "kickbacks?",
                    "extort\\w*",
                    "nepotism",
                    "abuse\\s+of\\s+(?:power|authority|office)"),
            r(SeverityRule.ACCIDENTAL_HARM,
                    "fatalit(?:y|ies)",
                    "fatal\\s+accidents?",
                    "(?:workplace|industrial|occupational|traffic|mining|construction)\\s+(?:deaths?|injur(?:y|ies)"
                            + "|accidents?|fatalities)"),
            // ---- level 1 (context)
            r(SeverityRule.LEGAL_FRAMEWORK,
                    near(LEGAL_VERBS, "(?:laws?(?!\\s+enforcement)|legislation|constitution|code|statute|regulations?"
                            + "|decrees?|amendments?)\\s+" + gap(3) + "(?:provides?|provided|prohibits?|prohibited|criminali[sz]es?"
                            + "|requires?|required|allows?|stipulates?|establish(?:es)?|defines?|grants?|guarantees?"
                            + "|prescribes?|penali[sz]es?|permits?|mandates?|protects?|specifies?|imposes?|sets|bars"
                            + "|forbids?|outlines?|states|includes?|contains?|enables?|identifies|does\\s+not"
                            + "|do\\s+not|lacks?|has\\s+no|limits|restricts|obliges?|entitles?|regulates?|gives?"
                            + "|exempts?|concentrates?|recogni[sz]es)"),
                    near("law|legislation|constitution|code", "(?:by|under|according\\s+to|in\\s+accordance\\s+with"
                            + "|prohibited\\s+by|punishable\\s+by|stipulated\\s+(?:by|in))\\s+(?:the\\s+)?(?:law|legislation"
                            + "|constitution|criminal\\s+code|code)"),
                    "legal(?:ly)?\\s+(?:definition|framework|norms?|provisions?|prohibition|requirements?|basis"
                            + "|grounds)",
                    "definition\\s+of",
                    "punishable",
                    "penalt(?:y|ies)\\s+(?:for|of|include|includes|range|ranges|up|were|are)",
                    "punishment\\s+for",
                    "criminal\\s+liability",
                    "(?:has|have|had)\\s+the\\s+right",
                    "(?:is|are)\\s+entitled",
                    "ranges?\\s+from",
                    "conventions?",
                    "covenants?",
                    "optional\\s+protocols?",
                    "legislative"),
            r(SeverityRule.POSITIVE_DEVELOPMENT,
                    "welcomed",
                    "improv(?:ed|ement|ements|ing)",
                    "progress",
                    "positive\\s+(?:steps?|developments?)",
                    "ratif(?:y|ied|ies|ication)",
                    "decriminali[sz]\\w+",
                    "reforms?",
                    "reformed",
                    "released",
                    "pardon(?:ed|s)?",
                    "acquitted",
                    "amnesty",
                    "cooperated",
                    "generally\\s+respected",
                    "operated\\s+freely",
                    "did\\s+not\\s+restrict",
                    "decreas(?:ed|e)",
                    "declined",
                    "reduced",
                    "removed\\s+(?:restrictions|prohibitions|limits)",
                    "abolish(?:ed)?",
                    "lifted"),
            r(SeverityRule.STATISTICS,
                    "percent(?:age)?",
                    "statistic\\w*",
                    "data",
                    "census",
                    "surveys?",
                    "estimat(?:ed|es)"));

    /**
     * What may start at a word: a rule or a marker, with a pattern holding only the branches that can start
     * with that word's first three letters, and a slot for the per-thread matcher.
     */
    static final class Entry {
        final Rule rule;
        final Marker marker;
        final Pattern pattern;
        final int slot;
        /** Lowercase literal starts of the branches (null when a branch starts with a number): a cheap pre-check. */
        final char[][] literals;
        /** Words one of which must occur shortly after the start (null: no such pre-check). */
        final char[][] near;
        /** Lowercase literal starts of the second word, when every branch is "one word, space, ..." (else null). */
        final char[][] second;
        /** When every branch matches one whole word: its word forms, compared without a regular expression. */
        final SingleWord single;

        /** First letters of the near words (bit c - 'a'), to skip most words without comparing. */
        private final int nearFirst;
        /** The second-word literals bucketed by first letter (index 26: anything else). */
        private final char[][][] secondByFirst;

        /** How many leading letters the dispatch key already guarantees. */
        private final int checked;

        Entry(Rule rule, Marker marker, Pattern pattern, int slot, char[][] literals, int checked, char[][] near,
                char[][] second, SingleWord single) {
            this.single = single;
            this.checked = checked;
            int mask = 0;
            if (near != null) {
                for (char[] w : near) {
                    mask |= w[0] >= 'a' && w[0] <= 'z' ? 1 << (w[0] - 'a') : -1;
                }
            }
            this.nearFirst = mask;
            if (second == null) {
                this.secondByFirst = null;
            } else {
                List<List<char[]>> buckets = new ArrayList<>();
                for (int i = 0; i < 27; i++) {
                    buckets.add(new ArrayList<>());
                }
                for (char[] w : second) {
                    buckets.get(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 'a' : 26).add(w);
                }
                this.secondByFirst = new char[27][][];
                for (int i = 0; i < 27; i++) {
                    secondByFirst[i] = buckets.get(i).toArray(new char[0][]);
                }
            }
            this.rule = rule;
            this.marker = marker;
            this.pattern = pattern;
            this.slot = slot;
            this.literals = literals;
            this.near = near;
            this.second = second;
        }

        /**
         * False when no branch can match at token t: its literal start, its second word or its near word is
         * missing. The first three letters already agree (that is how the entry was found), so literals are
         * compared from the fourth letter on.
         */
        boolean mayMatch(TextLayout layout, int t) {
            if (literals != null && !literalFits(layout.chars, layout.tokStart[t])) {
                return false;
            }
            if (second != null && !secondWordFits(layout, t)) {
                return false;
            }
            return near == null || nearWordAfter(layout, t);
        }

        private boolean literalFits(char[] text, int start) {
            for (char[] lit : literals) {
                if (lit.length <= checked) {
                    return true;
                }
                if (start + lit.length > text.length) {
                    continue;
                }
                int i = checked;
                while (i < lit.length) {
                    char c = text[start + i];
                    if (c >= 'A' && c <= 'Z') {
                        c = (char) (c + 32);
                    } else if (c >= 128) {
                        c = Character.toLowerCase(c);
                    }
                    if (c != lit[i]) {
                        break;
                    }
                    i++;
                }
                if (i == lit.length) {
                    return true;
                }
            }
            return false;
        }

        private boolean secondWordFits(TextLayout layout, int t) {
            int n = t + 1;
            if (n >= layout.tokenCount) {
                return false;
            }
            char[] text = layout.chars;
            for (int i = layout.tokEnd[t]; i < layout.tokStart[n]; i++) {
                if (!Character.isWhitespace(text[i])) {
                    return false;
                }
            }
            int p = layout.tokStart[n];
            int len = layout.tokEnd[n] - p;
            char f = text[p];
            if (f >= 'A' && f <= 'Z') {
                f = (char) (f + 32);
            }
            char[][] bucket = secondByFirst[f >= 'a' && f <= 'z' ? f - 'a' : 26];
            for (char[] w : bucket) {
                if (w.length > len) {
                    continue;
                }
                int i = 0;
                while (i < w.length) {
                    char d = text[p + i];
                    if (d >= 'A' && d <= 'Z') {
                        d = (char) (d + 32);
                    }
                    if (d != w[i]) {
                        break;
                    }
                    i++;
                }
                if (i == w.length) {
                    return true;
                }
            }
            return false;
        }

        /** True when one of the next {@link #NEAR_TOKENS} words starts with a near word. */
        private boolean nearWordAfter(TextLayout layout, int t) {
            char[] text = layout.chars;
            int end = Math.min(layout.tokenCount, t + NEAR_TOKENS);
            for (int k = t; k < end; k++) {
                int p = layout.tokStart[k];
                int len = layout.tokEnd[k] - p;
                char c = text[p];
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                }
                if (c >= 'a' && c <= 'z' && (nearFirst & (1 << (c - 'a'))) == 0) {
                    continue;
                }
                for (char[] w : near) {
                    if (c != w[0] || w.length > len) {
                        continue;
                    }
                    int i = 1;
                    while (i < w.length) {
                        char d = text[p + i];
                        if (d >= 'A' && d <= 'Z') {
                            d = (char) (d + 32);
                        }
                        if (d != w[i]) {
                            break;
                        }
                        i++;
                    }
                    if (i == w.length) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static final Entry[] NONE = new Entry[0];
    static final Entry[] NO_ENTRIES = NONE;
    private static final KeyTable DISPATCH;
    /** Number of distinct patterns (matcher slots). */
    static final int SLOTS;

    static {
        for (int i = 0; i < RULES.size(); i++) {
            RULES.get(i).index = i;
        }
        Map<String, List<Entry>> byKey = new LinkedHashMap<>();
        int[] slot = {0};
        for (Rule rule : RULES) {
            addEntries(byKey, rule, null, rule.branches, rule.rule.id(), slot);
        }
        for (Marker marker : Marker.values()) {
            addEntries(byKey, null, marker, marker.branches, marker.name(), slot);
        }
        // two levels: the first three letters (or the whole shorter word) find a bucket, the fourth letter a list
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        byKey.forEach((k, v) -> {
            Entry[] entries = v.toArray(new Entry[0]);
            if (k.equals("#")) {
                buckets.computeIfAbsent("#", x -> new Bucket()).exact = entries;
            } else if (k.charAt(0) == FALLBACK) {
                buckets.computeIfAbsent(k.substring(1), x -> new Bucket()).fallback = entries;
            } else if (k.length() < KEY_LETTERS) {
                buckets.computeIfAbsent(k, x -> new Bucket()).exact = entries;
            } else {
                char fourth = k.charAt(KEY_LETTERS - 1);
                buckets.computeIfAbsent(k.substring(0, KEY_LETTERS - 1), x -> new Bucket())
                        .byFourth[fourth >= 'a' && fourth <= 'z' ? fourth - 'a' : 26] = entries;
            }
        });
        KeyTable table = new KeyTable(buckets.size());
        buckets.forEach((k, b) -> table.put(packKey(k), b));
        DISPATCH = table;
        SLOTS = slot[0];
    }

    private static void addEntries(Map<String, List<Entry>> byKey, Rule rule, Marker marker, String[] branches,
            String owner, int[] slot) {
        Map<String, List<String>> branchesByKey = new LinkedHashMap<>();
        for (String branch : branches) {
            String plain = branch.charAt(0) == NEAR ? branch.substring(branch.indexOf(NEAR, 1) + 1) : branch;
            for (String k : firstKeys(plain, owner)) {
                branchesByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(branch);
            }
        }
        branchesByKey.forEach((k, withNear) -> {
            List<String> list = new ArrayList<>();
            Set<String> nearWords = new LinkedHashSet<>();
            boolean allNear = true;
            for (String b : withNear) {
                if (b.charAt(0) == NEAR) {
                    int close = b.indexOf(NEAR, 1);
                    nearWords.addAll(List.of(b.substring(1, close).split("\\|")));
                    list.add(b.substring(close + 1));
                } else {
                    allNear = false;
                    list.add(b);
                }
            }
            char[][] near = allNear ? nearWords.stream().map(String::toCharArray).toArray(char[][]::new) : null;
            Set<String> secondWords = new LinkedHashSet<>();
            for (String b : list) {
                List<String> sw = secondLiterals(b);
                if (sw == null) {
                    secondWords = null;
                    break;
                }
                secondWords.addAll(sw);
            }
            char[][] second = secondWords == null ? null
                    : secondWords.stream().map(String::toCharArray).toArray(char[][]::new);
            List<SingleWord> singles = new ArrayList<>();
            for (String b : list) {
                singles.add(near == null ? SingleWord.of(b) : null);
            }
            SingleWord single = SingleWord.union(singles);
            Pattern p = Pattern.compile("(?:" + String.join("|", list) + ")\\b", FLAGS);
            Set<String> lits = new LinkedHashSet<>();
            boolean number = k.equals("#");
            boolean fallback = k.charAt(0) == FALLBACK;
            String prefix = fallback ? k.substring(1) : k;
            for (String branch : list) {
                for (String lit : leadingLiterals(branch)) {
                    if (lit.isEmpty()) {
                        number = true;
                    } else if (lit.startsWith(prefix) && lit.length() > prefix.length()) {
                        lits.add(lit);
                    } else if (lit.equals(prefix)) {
                        lits.add(lit);
                    }
                }
            }
            char[][] literals = number || lits.isEmpty() ? null : lits.stream().map(String::toCharArray).toArray(char[][]::new);
            int checked = number ? 0 : prefix.length();
            byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(new Entry(rule, marker, p, slot[0]++, literals, checked, near, second, single));
        });
    }

    private RuleBook() {
    }

    /** The entries of one three-letter prefix (or one short word, or numbers). */
    static final class Bucket {
        /** For a word that is exactly the key (short words, numbers). */
        Entry[] exact = NONE;
        /** For longer words, by their fourth letter ('a'..'z', 26 for anything else). */
        final Entry[][] byFourth = new Entry[27][];
        /** For every word of three or more letters starting with the key ("rap(?:e|ed)"). */
        Entry[] fallback = NONE;

        /** The entries to try for the word text[start, end) whose bucket this is. */
        Entry[] specific(char[] text, int start, int end) {
            int len = end - start;
            if (len < KEY_LETTERS || text[start] <= '9') {
                return len <= KEY_LETTERS - 1 || text[start] <= '9' ? exact : NONE;
            }
            char f = text[start + KEY_LETTERS - 1];
            if (f >= 'A' && f <= 'Z') {
                f = (char) (f + 32);
            }
            Entry[] e = byFourth[f >= 'a' && f <= 'z' ? f - 'a' : 26];
            return e == null ? NONE : e;
        }
    }

    /** The bucket of the word text[start, end), or null when no rule can start with it. */
    static Bucket bucket(char[] text, int start, int end) {
        return DISPATCH.get(tokenKey(text, start, Math.min(KEY_LETTERS - 1, end - start)));
    }

    private static final long NUMBER_KEY = 1L << 62;

    /** The first len lowercase letters packed into a long (hashed beyond ASCII); numbers share one key. */
    static long tokenKey(char[] text, int start, int len) {
        char c = text[start];
        if (c >= '0' && c <= '9') {
            return NUMBER_KEY;
        }
        long key = len;
        for (int i = 0; i < len; i++) {
            char ch = text[start + i];
            if (ch >= 'A' && ch <= 'Z') {
                ch = (char) (ch + 32);
            }
            key = ch < 128 ? (key << 7) | ch : key * 1_000_003L + ch;
        }
        return key;
    }

    private static long packKey(String k) {
        if (k.equals("#")) {
            return NUMBER_KEY;
        }
        char[] c = k.toLowerCase(Locale.ROOT).toCharArray();
        return tokenKey(c, 0, c.length);
    }

    /** Open addressing long -> Bucket map, read-only after class initialisation. */
    private static final class KeyTable {
        private final long[] keys;
        private final Bucket[] values;
        private final int mask;

        KeyTable(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 4) - 1) << 1;
            keys = new long[cap];
            values = new Bucket[cap];
            mask = cap - 1;
        }

        private static int hash(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        void put(long k, Bucket v) {
            int i = hash(k) & mask;
            while (keys[i] != 0 && keys[i] != k) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            values[i] = v;
        }

        Bucket get(long k) {
            int i = hash(k) & mask;
            while (true) {
                long found = keys[i];
                if (found == k) {
                    return values[i];
                }
                if (found == 0) {
                    return null;
                }
                i = (i + 1) & mask;
            }
        }
    }

    // ---------------------------------------------------------------- dispatch keys

    /**
     * The keys (first three letters of a word, a whole short word, or "#" for a number) of the words a branch
     * can start with. Fails at class initialisation when a branch does not start with a literal word, so a rule
     * can never be silently unreachable.
     */
    static Set<String> firstKeys(String branch, String ruleId) {
        Set<String> out = new LinkedHashSet<>();
        collectKeys(branch, ruleId, out);
        return out;
    }

    private static void collectKeys(String re, String ruleId, Set<String> out) {
        int p = 0;
        while (re.startsWith("(?<!", p) || re.startsWith("(?<=", p) || re.startsWith("(?!", p)
                || re.startsWith("(?=", p)) {
            p = closingParen(re, p) + 1;
        }
        if (re.startsWith("\\b", p)) {
            p += 2;
        }
        if (re.startsWith("(?:", p)) {
            int close = closingParen(re, p);
            if (close + 1 < re.length() && "?*".indexOf(re.charAt(close + 1)) >= 0) {
                throw new IllegalStateException(ruleId + ": optional group at branch start: " + re);
            }
            String after = re.substring(close + 1);
            boolean lettersFollow = !after.isEmpty() && Character.isLetter(after.charAt(0));
            for (String alt : splitTopLevel(re.substring(p + 3, close))) {
                String lit = leadingLetters(alt, 0);
                if (lettersFollow && lit.length() == alt.length() && lit.length() < 4) {
                    throw new IllegalStateException(ruleId + ": short alternative followed by letters: " + re);
                }
                collectKeys(alt, ruleId, out);
            }
            return;
        }
        if (re.startsWith("\\d", p) || re.startsWith("[0-9", p) || re.startsWith("[1-9", p)
                || re.startsWith("[3-9", p)) {
            out.add("#");
            return;
        }
        String lit = leadingLetters(re, p);
        int after = p + lit.length();
        boolean continues = false;
        if (after < re.length() && "?*{".indexOf(re.charAt(after)) >= 0 && !lit.isEmpty()) {
            lit = lit.substring(0, lit.length() - 1); // "laws?": the last letter is optional
            continues = true;
        } else if (after < re.length()) {
            continues = "([+".indexOf(re.charAt(after)) >= 0 || re.startsWith("\\w", after)
                    || re.startsWith("\\d", after);
        }
        lit = lit.toLowerCase(Locale.ROOT);
        if (lit.length() >= KEY_LETTERS) {
            out.add(lit.substring(0, KEY_LETTERS));
            return;
        }
        if (!lit.isEmpty() && !continues) {
            out.add(lit); // a whole short word
            return;
        }
        if (lit.length() == KEY_LETTERS - 1) {
            out.add(FALLBACK + lit); // "rap(?:e|ed...)": words of any length starting with these three letters
            return;
        }
        throw new IllegalStateException(ruleId + ": branch must start with a literal word of 3+ letters: " + re);
    }



    /**
     * The lowercase literal text every match of the branch starts with, per alternative of a leading group
     * ("" for a number). A letter made optional by a following '?', '*' or '{' is left out.
     */
    static List<String> leadingLiterals(String re) {
        List<String> out = new ArrayList<>();
        int p = 0;
        while (re.startsWith("(?<!", p) || re.startsWith("(?<=", p) || re.startsWith("(?!", p)
                || re.startsWith("(?=", p)) {
            p = closingParen(re, p) + 1;
        }
        if (re.startsWith("\\b", p)) {
            p += 2;
        }
        if (re.startsWith("(?:", p)) {
            int close = closingParen(re, p);
            for (String alt : splitTopLevel(re.substring(p + 3, close))) {
                out.addAll(leadingLiterals(alt));
            }
            return out;
        }
        if (re.startsWith("\\d", p) || re.startsWith("[", p)) {
            out.add("");
            return out;
        }
        String lit = leadingLetters(re, p);
        int after = p + lit.length();
        if (after < re.length() && "?*{".indexOf(re.charAt(after)) >= 0 && !lit.isEmpty()) {
            lit = lit.substring(0, lit.length() - 1);
        }
        out.add(lit.toLowerCase(Locale.ROOT));
        return out;
    }

    /**
     * The literal starts of the second word when the branch is "one word (no space, hyphen or class with a space),
     * then \\s+, then a literal word or a group of literal words"; null when that cannot be said for sure.
     */
    static List<String> secondLiterals(String re) {
        int p = 0;
        while (re.startsWith("(?<!", p) || re.startsWith("(?<=", p)) {
            p = closingParen(re, p) + 1;
        }
        int depth = 0;
        boolean inClass = false;
        int split = -1;
        for (int i = p; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (depth == 0 && !inClass && re.startsWith("\\s+", i)) {
                    split = i;
                    break;
                }
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return null;
            }
        }
        if (split < 0) {
            return null;
        }
        String first = re.substring(p, split);
        if (first.contains("\\s") || first.contains(" ") || first.contains("-") || first.contains("\\W")
                || first.contains("(?!") || first.contains(".")) {
            return null;
        }
        String rest = re.substring(split + 3);
        if (rest.isEmpty()) {
            return null;
        }
        if (rest.startsWith("(?:")) {
            int close = closingParen(rest, 0);
            if (close + 1 < rest.length() && "?*{".indexOf(rest.charAt(close + 1)) >= 0) {
                return null; // optional second word
            }
        } else if (!Character.isLetter(rest.charAt(0))) {
            return null;
        }
        List<String> lits = leadingLiterals(rest);
        for (String l : lits) {
            if (l.isEmpty()) {
                return null;
            }
        }
        return lits;
    }

    private static String leadingLetters(String s, int p) {
        int i = p;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return s.substring(p, i);
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("unbalanced: " + s);
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(s.substring(last, i));
                last = i + 1;
            }
        }
        parts.add(s.substring(last));
        return parts;
    }
}
