package org.rightstream.classify.entities;

/** One token of a passage: a word, a number, a possessive "'s" or a single punctuation character. */
final class Token {
    enum Kind { WORD, NUM, POSS, PUNCT }

    final int start;
    final int end;
    final String text;
    /** {@link #text} with typographic apostrophes folded to {@code '} (used for list look-ups). */
    final String norm;
    final String lower;
    final Kind kind;
    /** First character is an upper-case letter. */
    final boolean cap;
    /** Contains at least one lower-case letter. */
    final boolean hasLower;
    /** At least two letters and no lower-case letter ("KNB", "OSCE"). */
    final boolean allCaps;
    /** First token of a sentence (after . ! ? : ; or a bullet, or at the start of the passage). */
    boolean sentenceStart;

    Token(String source, int start, int end, Kind kind) {
        this.start = start;
        this.end = end;
        this.kind = kind;
        this.text = source.substring(start, end);
        if (kind != Kind.WORD) {
            this.norm = kind == Kind.POSS ? Tokenizer.foldApostrophes(text) : text;
            this.lower = norm;
            this.hasLower = false;
            this.cap = false;
            this.allCaps = false;
            return;
        }
        this.norm = Tokenizer.foldApostrophes(text);
        boolean lowerSeen = false;
        boolean upperSeen = false;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isLowerCase(c)) {
                    lowerSeen = true;
                } else if (Character.isUpperCase(c)) {
                    upperSeen = true;
                }
            }
        }
        this.lower = upperSeen ? norm.toLowerCase(java.util.Locale.ROOT) : norm;
        this.hasLower = lowerSeen;
        this.cap = Character.isUpperCase(text.charAt(0));
        this.allCaps = letters >= 2 && !lowerSeen;
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isPunct(char c) {
        return kind == Kind.PUNCT && text.charAt(0) == c;
    }

    /** A capitalised word with lower-case letters ("Almaty", "Kassym-Jomart"), not an acronym. */
    boolean isCapWord() {
        return cap && hasLower;
    }

    boolean isOpenQuote() {
        if (kind != Kind.PUNCT) {
            return false;
        }
        char c = text.charAt(0);
        return c == '\u201C' || c == '"' || c == '\u00AB' || c == '\u201E';
    }

    boolean isCloseQuote() {
        if (kind != Kind.PUNCT) {
            return false;
        }
        char c = text.charAt(0);
        return c == '\u201D' || c == '"' || c == '\u00BB' || c == '\u201C';
    }

    @Override
    public String toString() {
        return text;
    }
}
