package org.rightstream.query.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible Kazakh-style names from a fixed seed, for benchmarks: every run measures the same watchlist. One in ten
 * is an organisation.
 */
public final class GeneratedWatches {
    private static final String[] SYLLABLES = {"ab", "ai", "al", "an", "ar", "as", "ba", "bek", "bol", "da", "dau",
            "er", "gul", "ka", "kai", "khan", "kul", "ma", "mar", "mu", "na", "nur", "ra", "sa", "sat", "ser", "ta",
            "tem", "tur", "ul", "za", "zhan", "zhol", "yer", "yes", "zi"};
    private static final String[] SURNAME_ENDINGS = {"ov", "ova", "yev", "yeva", "in", "ina", "uly", "bayev", "bekov"};

    private GeneratedWatches() {
    }

    /** {@code count} watches with ids {@code idPrefix + index}. */
    public static List<Watch> of(int count, String idPrefix) {
        Random random = new Random(7);
        List<Watch> watches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String given = word(random, 2);
            String surname = word(random, 2 + random.nextInt(2)) + SURNAME_ENDINGS[random.nextInt(SURNAME_ENDINGS.length)];
            watches.add(i % 10 == 0
                    ? Watch.org(idPrefix + i, given + " " + word(random, 2))
                    : Watch.person(idPrefix + i, given + " " + surname));
        }
        return watches;
    }

    private static String word(Random random, int syllables) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }
}
