package org.rightstream.classify.severity;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The documented, stable set of rules the {@link SeverityScorer} can cite. Every indicator's rule text is
 * {@code "<id>: <reason>"} ({@link #describe()}), so the id before the first colon is always one of these.
 *
 * <p>{@link Kind#ABUSE} rules fire on a phrase and propose a level; {@link Kind#INFO} rules mark context
 * (level 1) and, for {@link #LEGAL_FRAMEWORK} and {@link #RECOMMENDATION}, cap the level;
 * {@link Kind#MODIFIER} rules explain why a phrase did not count ({@link #NEGATED}, {@link #PREVENTION}) or
 * why a level was raised ({@link #CONCRETE_VICTIM}).
 */
public enum SeverityRule {
    // ---- level 5: loss of life or grave physical harm
    KILLING("killing", 5, 5, Kind.ABUSE, "a killing, murder or assassination of a person"),
    DEATH_IN_CUSTODY("death-in-custody", 5, 5, Kind.ABUSE, "a death of a person held by authorities"),
    DEATH_OUTCOME("death-outcome", 5, 5, Kind.ABUSE,
            "violence or abuse that ended in death (beaten to death, died after, led to deaths)"),
    GRAVE_INJURY("grave-injury", 5, 5, Kind.ABUSE,
            "violence causing grave or lasting physical harm (stabbing, shooting, serious injuries)"),
    ENFORCED_DISAPPEARANCE("enforced-disappearance", 5, 5, Kind.ABUSE,
            "a person disappeared or whose whereabouts are unknown"),
    MASS_VIOLENCE("mass-violence", 5, 5, Kind.ABUSE,
            "violence against crowds or many people (firing on crowds, massacres, deadly clashes)"),

    // ---- level 4: severe
    TORTURE("torture", 3, 4, Kind.ABUSE, "torture alleged or reported; 4 when its victims are named or counted"),
    ILL_TREATMENT("ill-treatment", 3, 4, Kind.ABUSE,
            "beating, assault or cruel, inhuman or degrading treatment; 4 when its victims are named or counted"),
    SEXUAL_VIOLENCE("sexual-violence", 4, 4, Kind.ABUSE, "rape or other sexual violence"),
    TRAFFICKING("trafficking", 4, 4, Kind.ABUSE, "human trafficking, forced labour, servitude or exploitation"),
    ABDUCTION("abduction", 4, 4, Kind.ABUSE, "kidnapping or abduction of a person"),
    LONG_IMPRISONMENT("long-imprisonment", 4, 4, Kind.ABUSE,
            "a prison term of three years or more linked to activists, journalists, believers or their activity"),
    POLITICAL_IMPRISONMENT("political-imprisonment", 3, 4, Kind.ABUSE,
            "political prisoners or politically motivated charges; 4 when the prisoners are named or counted"),

    // ---- level 3: serious
    ARBITRARY_DETENTION("arbitrary-detention", 3, 3, Kind.ABUSE,
            "an arrest or detention described as arbitrary, unlawful or administrative, or kettling"),
    ARREST_DETENTION("arrest-detention", 2, 3, Kind.ABUSE,
            "an arrest or detention; 3 when the detained persons are named or counted"),
    PROSECUTION_FOR_EXPRESSION("prosecution-for-expression", 3, 3, Kind.ABUSE,
            "a criminal or administrative penalty linked to speech, media, online posts or religion"),
    ASSEMBLY_PENALTY("assembly-penalty", 3, 3, Kind.ABUSE,
            "detention, charges or fines linked to a protest, rally or unsanctioned gathering"),
    VIOLENT_DISPERSAL("violent-dispersal", 3, 3, Kind.ABUSE, "force used to disperse or disrupt a protest"),
    FORCED_EVICTION("forced-eviction", 3, 3, Kind.ABUSE, "people evicted from their homes or land"),
    DEFENDER_HARASSMENT("defender-harassment", 3, 3, Kind.ABUSE,
            "threats, harassment, persecution or surveillance of activists, journalists, lawyers or NGOs"),
    GENDER_VIOLENCE("gender-violence", 3, 4, Kind.ABUSE,
            "domestic violence, violence against women or children, forced marriage; 4 when victims are named or counted"),

    // ---- level 2: moderate
    RESTRICTION("restriction", 2, 2, Kind.ABUSE,
            "a restrictive law or practice (restrictions, bans, blocking, censorship, suspension)"),
    DISCRIMINATION("discrimination", 2, 2, Kind.ABUSE, "discrimination, stigma or unequal treatment"),
    REGISTRATION_REFUSAL("registration-refusal", 2, 2, Kind.ABUSE, "registration refused, denied or revoked"),
    ADMINISTRATIVE_OBSTACLE("administrative-obstacle", 2, 2, Kind.ABUSE,
            "administrative or bureaucratic obstacles, delays or burdens"),
    ACCESS_DENIED("access-denied", 2, 2, Kind.ABUSE,
            "lack of access to services, care, information or justice, or poor conditions"),
    CORRUPTION_IMPUNITY("corruption-impunity", 2, 2, Kind.ABUSE, "corruption, bribery or impunity of officials"),
    ACCIDENTAL_HARM("accidental-harm", 2, 2, Kind.ABUSE,
            "death or injury in an accident or unsafe workplace, not attributed to an abuse"),

    // ---- level 1: context
    LEGAL_FRAMEWORK("legal-framework", 1, 1, Kind.INFO,
            "describes the law rather than an incident; caps the phrases of its clause at 2 unless a concrete victim is named"),
    POSITIVE_DEVELOPMENT("positive-development", 1, 1, Kind.INFO,
            "a positive development (reform, release, improvement, ratification)"),
    STATISTICS("statistics", 1, 1, Kind.INFO, "statistics or figures"),
    RECOMMENDATION("recommendation", 1, 1, Kind.INFO, "a recommendation; recommendations are capped at 1"),
    CONTEXT("context", 1, 1, Kind.INFO, "no abuse rule matched: context or background"),

    // ---- modifiers
    NEGATED("negated", 1, 1, Kind.MODIFIER,
            "mentioned as absent or not reported in the same clause, so it does not count"),
    PREVENTION("prevention", 1, 1, Kind.MODIFIER,
            "mentioned only as a risk or as something to prevent, combat or protect against, so it does not count"),
    CONCRETE_VICTIM("concrete-victim", 1, 1, Kind.MODIFIER,
            "a named person or counted victims: raises torture and ill-treatment to 4 and arrest to 3");

    /** What a rule does. */
    public enum Kind { ABUSE, INFO, MODIFIER }

    private static final Set<String> IDS =
            Arrays.stream(values()).map(SeverityRule::id).collect(Collectors.toUnmodifiableSet());

    private final String id;
    private final int level;
    private final int levelWithVictim;
    private final Kind kind;
    private final String reason;
    private final String description;

    SeverityRule(String id, int level, int levelWithVictim, Kind kind, String reason) {
        this.id = id;
        this.level = level;
        this.levelWithVictim = levelWithVictim;
        this.kind = kind;
        this.reason = reason;
        this.description = id + ": " + reason;
    }

    /** Stable rule id (never changes meaning once published). */
    public String id() {
        return id;
    }

    /** The level this rule proposes on its own. */
    public int level() {
        return level;
    }

    /** The level this rule proposes when a concrete victim (named or counted) is in the same sentence or next to it. */
    public int levelWithVictim() {
        return levelWithVictim;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    /** The text used as {@code Severity.Indicator.rule}: {@code "<id>: <reason>"}. */
    public String describe() {
        return description;
    }

    /** All documented rule ids. */
    public static Set<String> ids() {
        return IDS;
    }

    /** The rule whose id starts the given indicator rule text ({@code "<id>: ..."}), if any. */
    public static Optional<SeverityRule> ofIndicatorRule(String ruleText) {
        if (ruleText == null) {
            return Optional.empty();
        }
        int colon = ruleText.indexOf(':');
        String id = colon < 0 ? ruleText.strip() : ruleText.substring(0, colon).strip();
        for (SeverityRule r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
