package org.rightstream.query.watch;

/**
 * One place in a text where a watch's name occurs.
 *
 * @param watchId     the watch
 * @param matchedText the text as written, from {@code start} (inclusive) to {@code end} (exclusive)
 * @param score       1 for the name as written in the watch, less for variants; see {@link WatchlistMatcher}
 * @param form        how the name was written, for explaining the score
 */
public record WatchMatch(String watchId, String matchedText, int start, int end, double score, Form form) {

    /** How a name was found in the text, each with its base score. */
    public enum Form {
        /** All name parts in the watch's order. */
        FULL(1.0),
        /** Surname first ("Akhmediyarov Lukpan"). */
        REVERSED(0.9),
        /** Given names as initials ("L. Akhmediyarov"), or only the first of several given names. */
        INITIALS(0.85),
        /** Surname alone: too weak to stand alone (another person may share it), so below the default threshold. */
        SURNAME_ONLY(0.5);

        final double base;

        Form(double base) {
            this.base = base;
        }
    }
}
