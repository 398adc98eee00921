package org.rightstream.query.watch;

import com.ibm.icu.text.Transliterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comparable forms of one name token.
 *
 * @param folded   Latin, ASCII, lower case, without apostrophes: "Жовтис" and "Zhovtis" both give "zhovtis"
 * @param phonetic {@link #folded} with romanisation variants collapsed: "Akhmediyarov" and "Akhmedyarov" both give
 *                 "ahmediarov"
 */
public record NameKey(String folded, String phonetic) {

    /*
     * Kazakh-Latin/BGN first because it knows the Kazakh letters (қ, ә, ұ, ...) that Russian-Latin/BGN leaves
     * half-transliterated; Any-Latin catches other scripts, Latin-ASCII folds diacritics (ö -> o, ğ -> g).
     */
    private static final String TRANSLITERATION =
            "Kazakh-Latin/BGN; Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower";

    // ICU transliterators are not thread-safe: one per thread, built lazily because building one takes milliseconds.
    private static final ThreadLocal<Transliterator> TRANSLITERATOR =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(TRANSLITERATION));

    /*
     * Every word of every passage is keyed while alerts are matched, and most words are frequent ones ("the",
     * "detained", the country's name). Remembering the last few thousand words' keys per thread made the matcher 2 to
     * 2.5 times faster on the seed passages (WatchlistBenchmark, docs/watchlist.md). Per thread, so no locking;
     * bounded, so a flood of distinct words cannot grow it.
     */
    private static final int RECENT_WORDS = 4096;
    private static final ThreadLocal<Map<String, NameKey>> RECENT = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(RECENT_WORDS * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, NameKey> eldest) {
                    return size() > RECENT_WORDS;
                }
            });

    /** The keys of a single token (no spaces); the token may be in any script and case. */
    public static NameKey of(String token) {
        Map<String, NameKey> recent = RECENT.get();
        NameKey key = recent.get(token);
        if (key == null) {
            key = compute(token);
            recent.put(token, key);
        }
        return key;
    }

    static NameKey compute(String token) {
        String folded = fold(token);
        return new NameKey(folded, phonetic(folded));
    }

    /** Latin, ASCII, lower case, letters and digits only. */
    static String fold(String token) {
        String latin = isAscii(token) ? token.toLowerCase(java.util.Locale.ROOT) : TRANSLITERATOR.get().transliterate(token);
        StringBuilder b = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            // Apostrophes stand for soft signs ("Akhmed'yarov") or are dropped by other romanisations.
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A canonical spelling on which the romanisations of one name agree. Each rule maps every variant to one spelling
     * rather than trying the variants, so that the key can be looked up in a hash map.
     */
    static String phonetic(String folded) {
        String s = folded;
        s = s.replace('q', 'k').replace('w', 'v').replace("ph", "f").replace("x", "ks"); // Qasym / Kasym
        s = s.replace("shch", "sh").replace("sch", "sh");                                 // щ: shch / sch / sh
        s = s.replace("dzh", "j").replace("zh", "j").replace("dj", "j");                 // ж: zh / j / dzh / dj
        s = s.replace("kh", "h");                                                          // х: kh / h
        s = s.replace("ts", "c").replace("tz", "c");                                       // ц: ts / c / tz
        s = s.replace('y', 'i');                                                           // y / i / iy / ii
        s = collapseDoubles(s);                                                            // Larissa / Larisa
        s = s.replace("ie", "e");                                                          // -yev / -ev, Ye- / E-
        s = collapseDoubles(s);
        // Feminine surname forms (-ova, -eva, -ina, -skaya) share the key of the masculine form.
        if (s.length() > 5 && (s.endsWith("ova") || s.endsWith("eva") || s.endsWith("ina"))) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("skaia") || s.endsWith("skai")) {
            s = s.substring(0, s.lastIndexOf("skai")) + "ski";
        }
        return s;
    }

    private static String collapseDoubles(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (b.isEmpty() || b.charAt(b.length() - 1) != c) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
