package org.rightstream.classify.entities;

import java.util.Set;

/** Small closed word classes used by the rules (lower case unless said otherwise). */
final class Words {
    private Words() {
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    static final Set<String> MONTHS = set("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec");

    static final Set<String> DAYS = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    /** Words that start sentences but never start a name. */
    static final Set<String> FUNCTION = set("the", "a", "an", "in", "on", "at", "for", "by", "with", "from",
            "during", "according", "after", "before", "since", "while", "when", "although", "though", "this",
            "that", "these", "those", "its", "their", "his", "her", "our", "your", "my", "some", "many", "several",
            "both", "all", "each", "other", "others", "such", "under", "following", "as", "if", "but", "and", "or",
            "however", "also", "there", "it", "he", "she", "they", "we", "no", "not", "only", "most", "more",
            "thus", "therefore", "then", "yet", "so", "because", "despite", "unlike", "like", "between", "among",
            "within", "without", "upon", "about", "over", "into", "through", "against", "toward", "towards", "per",
            "via", "nor", "either", "neither", "any", "every", "another", "same", "what", "which", "who", "whom",
            "whose", "where", "how", "why", "instead", "meanwhile", "additionally", "furthermore", "moreover",
            "nevertheless", "nonetheless", "currently", "recently", "further", "finally", "overall", "later",
            "earlier", "initially", "subsequently", "to", "of", "i", "you", "one", "two", "three", "four", "five",
            "six", "seven", "eight", "nine", "ten", "see", "note", "yes", "here", "once", "until", "unless",
            "whether", "even", "just", "still", "again", "already", "whereas", "namely", "i.e", "e.g");

    /** Titles and honorifics: they precede a name and are never part of it. */
    static final Set<String> TITLES = set("mr", "mrs", "ms", "miss", "dr", "president", "vice", "prime",
            "minister", "deputy", "chairman", "chairwoman", "chairperson", "chair", "head", "director", "general",
            "colonel", "major", "captain", "lieutenant", "sergeant", "private", "corporal", "commander", "judge",
            "senator", "akim", "mayor", "governor", "ambassador", "secretary", "prosecutor", "ombudsman",
            "commissioner", "rapporteur", "sheikh", "imam", "pastor", "father", "bishop", "archbishop",
            "patriarch", "mufti", "professor", "prof", "sir", "lord", "king", "queen", "prince", "princess",
            "emperor", "saint", "st", "former", "first", "lady", "madam", "mister", "hon", "honorable",
            "spokesperson", "spokesman", "spokeswoman", "representative", "envoy", "marshal", "admiral", "officer",
            "chief", "acting", "special", "senior", "assistant", "member", "speaker", "citizen", "activist",
            "journalist", "blogger", "lawyer", "attorney", "advocate", "editor", "leader");

    /** Lower-cased words right before a name that make it a person. */
    static final Set<String> PERSON_CUES = set("activist", "activists", "journalist", "journalists", "blogger",
            "bloggers", "lawyer", "lawyers", "attorney", "advocate", "defender", "defenders", "editor",
            "editor-in-chief", "reporter", "correspondent", "photographer", "poet", "writer", "author", "pastor",
            "imam", "priest", "prisoner", "prisoners", "detainee", "inmate", "convict", "chair", "chairman",
            "chairwoman", "chairperson", "head", "leader", "leaders", "director", "founder", "cofounder",
            "co-founder", "member", "members", "mayor", "deputy", "judge", "prosecutor", "investigator", "officer",
            "policeman", "policewoman", "citizen", "citizens", "resident", "brother", "sister", "son", "daughter",
            "wife", "husband", "mother", "father", "uncle", "aunt", "cousin", "nephew", "niece", "grandson",
            "granddaughter", "grandmother", "grandfather", "widow", "opponent", "critic", "supporter",
            "businessman", "businesswoman", "businessperson", "entrepreneur", "banker", "ex-banker", "politician",
            "candidate", "official", "teacher", "student", "colleague", "commentator", "analyst", "scholar",
            "professor", "researcher", "doctor", "rapporteur", "ombudsman", "guard", "inspector", "minister",
            "spokesperson", "spokesman", "spokeswoman", "akim", "president", "employee", "manager", "asylee",
            "asylees", "asylum-seeker", "refugee", "named", "dissident", "dissidents", "oppositionist", "defendant",
            "defendants", "plaintiff", "victim", "singer", "artist", "musician", "athlete", "coach", "captain",
            "colonel", "major", "private", "sergeant", "lieutenant", "general", "commander", "soldier", "conscript",
            "recruit", "mr", "ms", "mrs", "dr", "secretary", "governor", "senator", "ambassador", "envoy",
            "economist", "expert", "chief", "secretary-general", "nominee", "co-chair", "sheikh", "mufti", "bishop",
            "monk", "nun", "pensioner", "lecturer", "rector", "dean", "prime", "vice", "premier", "speaker",
            "pianist", "filmmaker", "historian", "philanthropist", "tycoon", "oligarch", "mp", "deputies",
            "lawmaker", "parliamentarian", "protester", "protesters", "demonstrator", "volunteer", "worker",
            "workers", "nurse", "physician", "believer", "preacher", "missionary", "reverend", "sir", "madam");

    /** Words right after a name (and a comma for "who") that point to a person. */
    static final Set<String> PERSON_AFTER_CUES = set("said", "says", "stated", "told", "claimed", "added",
            "noted", "explained", "wrote", "complained", "testified", "alleged", "asserted", "argued", "denied",
            "died", "confessed", "pleaded", "insisted", "recalled", "himself", "herself");

    /** Capitalised organisation head words (exact case). */
    static final Set<String> ORG_HEADS = set("Ministry", "Committee", "Commission", "Court", "Bureau", "Office",
            "Council", "Party", "Union", "Unions", "Agency", "Service", "Services", "Foundation", "Fund",
            "Association", "Associations", "Coalition", "Center", "Centre", "Institute", "Organization",
            "Organisation", "Parliament", "Department", "Administration", "Inspectorate", "Directorate",
            "Secretariat", "Assembly", "Chamber", "Senate", "Tribunal", "Police", "Society", "Federation",
            "Confederation", "Movement", "Network", "Alliance", "League", "Forum", "Group", "Bank", "Company",
            "Corporation", "University", "Academy", "Mission", "Programme", "Unit", "Forces", "Guard", "Board",
            "Authority", "Bloc", "Church", "Congress", "Akimat", "Mechanism", "Procuracy", "Commissariat",
            "Holding", "Trust", "Inc", "LLP", "LLC", "JSC", "Ltd", "Council", "Cabinet", "Government", "Prosecutor's",
            "Front", "Brigade", "Army", "Navy", "Guards", "Consulate", "Embassy", "Headquarters", "Courts",
            "Division", "Section", "Collegium", "Ombudsperson", "Institution", "Laboratory", "Hospital", "School",
            "College", "Club", "Community", "Initiative", "Partnership", "Agencies", "Parliaments", "Commonwealth");

    /** Heads that are organisations only at the end of a capitalised name ("Penal Reform International"). */
    static final Set<String> ORG_END_HEADS = set("International", "Watch", "Worldwide", "Monitor");

    /** Heads that name one organisation even without modifiers when capitalised. */
    static final Set<String> ORG_STANDALONE = set("Parliament", "Senate");

    /** Heads that need modifiers or a complement ("Section", "Division", "School" alone are too generic). */
    static final Set<String> ORG_WEAK_HEADS = set("Section", "Division", "School", "College", "Club",
            "Community", "Initiative", "Partnership", "Government", "Cabinet", "Army", "Navy", "Front", "Hospital",
            "Laboratory", "Institution", "Headquarters", "Group", "Unit", "Mission", "Trust", "Holding");

    /** Connectors inside organisation names. */
    static final Set<String> ORG_CONNECTORS = set("of", "for", "and", "on", "against", "the", "to", "&");

    /** Lower-case cue words before a name that make it an organisation ("the NGO Adil Soz"). */
    static final Set<String> ORG_CUES = set("ngo", "ngos", "organization", "organisation", "organizations",
            "newspaper", "newspapers", "weekly", "magazine", "journal", "outlet", "outlets", "portal", "website",
            "websites", "site", "channel", "channels", "station", "stations", "agency", "party", "parties",
            "movement", "movements", "union", "unions", "foundation", "fund", "association", "group", "watchdog",
            "company", "companies", "firm", "bloc", "coalition", "network", "publication", "daily", "broadcaster",
            "radio", "alliance", "society", "ngo's", "corporation", "bank", "charity", "initiative", "club",
            "platform", "tabloid", "gazette", "television", "tv", "studio", "publisher", "consortium", "holding",
            "enterprise", "factory", "plant", "mine", "producer", "operator", "contractor");

    /** Lower-case cue words after a name ("the Alga party", "Independent Tribuna newspaper"). */
    static final Set<String> ORG_AFTER_CUES = set("party", "movement", "newspaper", "weekly", "magazine",
            "portal", "website", "channel", "ngo", "foundation", "association", "coalition", "bloc", "union",
            "agency", "company", "group", "network", "publication", "tabloid", "gazette", "outlet", "alliance",
            "society", "organization", "organisation", "broadcaster", "corporation", "site");

    /** Capitalised words before "party"/"group" that do not name one ("the State party", "Member States"). */
    static final Set<String> GENERIC_PARTY_WORDS = set("state", "states", "member", "contracting", "third",
            "working", "ruling", "opposition", "political", "host", "other", "interested", "requesting",
            "concerned", "ministerial", "expert", "parliamentary", "target", "vulnerable", "ethnic", "religious",
            "minority", "majority", "coalition", "all", "each");

    /** Lower-case adjectives allowed between a name and a following organisation cue. */
    static final Set<String> ORG_CUE_ADJECTIVES = set("political", "opposition", "independent", "online",
            "public", "religious", "media", "news", "youth", "civic", "environmental", "web", "internet",
            "unregistered", "registered", "banned", "extremist", "human", "rights", "local", "national",
            "international", "nongovernmental", "non-governmental", "women's", "trade", "labor", "labour",
            "oil", "opposition-leaning", "pro-government", "satirical", "regional", "private", "state", "state-run",
            "state-owned", "television", "tv", "radio", "information", "watchdog", "advocacy");

    /** Lower-case organisation heads after a place or name ("Aktobe regional court"). */
    static final Set<String> ORG_LOWER_HEADS = set("court", "akimat", "maslikhat");

    /** Lower-case modifiers between a place and a lower-case head. */
    static final Set<String> ORG_LOWER_MODIFIERS = set("city", "regional", "district", "oblast", "military",
            "specialized", "specialised", "interdistrict", "inter-district", "appeals", "appellate",
            "administrative", "criminal", "civil", "economic", "juvenile", "garrison", "municipal", "provincial",
            "town", "village", "inter", "raion", "rayon", "county", "financial", "appeal", "cassation",
            "supreme", "local", "interregional", "inter-regional", "specialized", "investigative");

    /** Words inside a parenthesis that say the preceding name is an organisation ("Mazhilis (lower house of parliament)"). */
    static final Set<String> ORG_PAREN_WORDS = set("parliament", "house", "service", "agency", "party",
            "movement", "newspaper", "ngo", "organization", "organisation", "company", "committee", "council",
            "court", "ministry", "bank", "foundation", "union", "association", "bureau", "office", "police",
            "network", "outlet", "channel", "website", "portal", "broadcaster", "senate", "chamber", "coalition",
            "bloc", "group", "firm", "corporation", "institute", "commission", "department", "agency",
            "watchdog", "publication", "daily", "weekly");

    /** Last words of a capitalised name that make it no organisation, even with a matching acronym. */
    static final Set<String> NON_ORG_ENDS = set("Review", "Report", "Plan", "Strategy", "Program", "Index",
            "Reports", "Survey", "Assessment", "Concept", "Code", "Law", "Convention", "Covenant", "Protocol",
            "Declaration", "Charter", "Treaty", "Constitution", "Act", "Decree", "Rights", "Disease", "Syndrome",
            "Virus", "Product", "Rate", "Goals", "Day", "Year", "Decade", "Principles", "Guidelines", "Rules",
            "System", "Agenda", "Objectives", "Standards", "Procedure");

    /** Law head words (exact case). */
    static final Set<String> LAW_HEADS = set("Code", "Law", "Convention", "Covenant",
            "Protocol", "Declaration", "Charter", "Treaty", "Constitution", "Act", "Decree", "Statute",
            "Agreement", "Directive", "Ordinance");

    static final Set<String> LAW_CONNECTORS = set("of", "on", "against", "concerning", "for", "to", "the",
            "and", "or", "in", "with", "relating", "regarding", "between", "about");

    /** Words before a quotation that make the quotation a law title. */
    static final Set<String> LAW_QUOTE_CUES = set("law", "laws", "bill", "bills", "decree", "decrees",
            "resolution", "draft", "amendments", "regulation", "regulations", "statute", "order", "rules");

    /** Place designators (lower-cased) after a name: "X region", "X Oblast". Included in the place. */
    static final Set<String> PLACE_DESIGNATORS = set("region", "oblast", "district", "province", "raion",
            "rayon", "krai", "county", "governorate", "prefecture", "canton", "municipality");

    /** Lower-cased words in "the city of X", "the village of X". */
    static final Set<String> PLACE_OF_CUES = set("city", "town", "village", "settlement", "region", "oblast",
            "district", "province", "republic", "capital", "aul", "township", "municipality", "county");

    /** Lower-cased words after X in "X penal colony", "X village": X is a place, the cue is not included. */
    static final Set<String> PLACE_AFTER_CUES = set("colony", "prison", "village", "settlement", "town", "city",
            "airport", "province", "aul", "valley", "river", "lake", "mountains");

    /** Lower-cased words after a name that say it is a street or another non-person thing. */
    static final Set<String> NON_PERSON_AFTER = set("street", "avenue", "square", "boulevard", "prospect",
            "highway", "river", "lake", "mountains", "university", "airport", "station", "region", "oblast",
            "district", "province", "village", "city", "town", "settlement", "colony", "prison", "newspaper",
            "party", "movement", "foundation", "fund", "institute", "museum", "school", "park", "stadium",
            "hospital", "bridge", "mosque", "church", "square", "plaza", "center", "centre", "valley", "canal",
            "sea", "desert", "steppe", "range", "peninsula", "county", "raion", "rayon", "website", "portal",
            "channel", "ngo", "company", "group", "network", "case", "report", "law", "code", "program",
            "programme", "plan", "strategy");

    /** Adjectives of nationality, religion and the like (lower case): never a name, never a place. */
    static final Set<String> DEMONYMS = set("kazakh", "kazakhs", "kazakhstani", "kazakhstanis", "kyrgyz",
            "kyrgyzstani", "uzbek", "uzbeks", "uzbekistani", "tajik", "tajiks", "tajikistani", "turkmen", "turkmens",
            "uighur", "uighurs", "uyghur", "uyghurs", "chechen", "chechens", "russian", "russians", "chinese",
            "american", "americans", "european", "europeans", "soviet", "ukrainian", "ukrainians", "belarusian",
            "korean", "koreans", "tatar", "tatars", "german", "germans", "jewish", "jews", "jew", "muslim",
            "muslims", "christian", "christians", "orthodox", "catholic", "catholics", "protestant", "protestants",
            "baptist", "baptists", "islamic", "dungan", "dungans", "karakalpak", "karakalpaks", "afghan", "afghans",
            "turkish", "iranian", "arab", "arabs", "english", "french", "british", "asian", "central", "eastern",
            "western", "northern", "southern", "sunni", "shia", "shiite", "hanafi", "salafi", "pentecostal",
            "lutheran", "adventist", "jehovah's", "scientologist", "ahmadi", "hare", "krishna", "roma", "romani",
            "lgbt", "lgbti", "covid-19", "covid", "internet", "web", "facebook", "twitter", "instagram",
            "telegram", "whatsapp", "youtube", "tiktok", "vkontakte", "google", "zoom", "skype", "soviet-era",
            "kazakh-language", "russian-language", "indian", "pakistani", "israeli", "georgian", "armenian",
            "azerbaijani", "mongolian", "japanese", "polish", "italian", "spanish", "swiss", "dutch", "swedish",
            "norwegian", "danish", "finnish", "canadian", "australian", "african", "syrian", "iraqi", "persian",
            "pashtun", "hazara", "uzbekistan's", "hindu", "buddhist", "sikh", "bahai", "baha'i", "evangelical",
            "presbyterian", "methodist", "mormon", "messianic", "tablighi", "jamaat", "hizb", "ut-tahrir", "tengrist");

    /** Acronyms that are not organisations. */
    static final Set<String> NON_ORG_ACRONYMS = set("NGO", "NGOS", "HIV", "AIDS", "LGBT", "LGBTI", "LGBTQ",
            "LGBTQI", "UPR", "COVID", "SARS", "TB", "MDR", "XDR", "IDP", "IDPS", "ID", "IDS", "GDP", "KZT", "USD",
            "EUR", "RUB", "TV", "IT", "PR", "CEO", "DNA", "SMS", "URL", "PDF", "USB", "VPN", "IP", "ISP", "CCTV",
            "OK", "AM", "PM", "BC", "AD", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV",
            "XV", "XX", "XXI", "LLP", "LLC", "JSC", "LTD", "INC", "CJSC", "OJSC", "PRC", "UK", "US", "USA", "UAE",
            "RSD", "RSDS", "NB", "ATM", "VAT", "TIN", "IIN", "BIN", "FAQ", "QR", "GPS", "SIM", "NPO", "NPOS",
            "INGO", "CSO", "CSOS", "GONGO", "MP", "MPS", "NA", "SDG", "SDGS", "CEDAW", "CRC", "CAT", "ICCPR",
            "ICESCR", "CERD", "CRPD", "CMW", "UDHR", "OPCAT", "GBV", "FGM", "STI", "STIS", "ART", "ARV", "PCR",
            "WWII", "WWI", "USSR", "KGB", "NKVD", "EST", "GMT", "UTC", "FY", "PS", "RE", "CC", "BCC", "ATTN", "AKA",
            "I", "CI", "OECD-DAC");
}
