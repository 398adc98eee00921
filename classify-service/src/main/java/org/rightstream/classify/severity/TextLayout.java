package org.rightstream.classify.severity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * One pass over a passage: word tokens, sentences and clauses, with headings and labels
 * ("Arbitrary Arrest:", "b. Disappearance") marked so that a heading word never counts as an incident.
 * Plain arrays, no regular expressions: this runs for every passage.
 */
final class TextLayout {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "no", "nos", "art", "para", "paras", "vs", "gen", "col", "lt", "sgt",
            "capt", "maj", "prof", "jr", "sr", "inc", "ltd", "co", "corp", "dept", "govt", "approx", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "vol", "p", "pp", "cf",
            "e", "i", "eg", "ie", "al", "etc");

    /** Words that, after a comma (or opening a sentence), start a new clause. */
    private static final String[] CLAUSE_CONJUNCTIONS = {
        "but", "however", "although", "though", "nevertheless", "nonetheless", "yet", "whereas", "while",
        "despite", "notwithstanding"};
    private static final String[] SUBORDINATE_OPENERS = {
        "although", "though", "while", "despite", "even", "whereas", "notwithstanding"};

    final String text;
    /** The passage as an array: indexing it is much cheaper than String.charAt on UTF-16 strings. */
    final char[] chars;
    final int length;

    int tokenCount;
    int[] tokStart;
    int[] tokEnd;
    /** Positions of sentence and clause punctuation (. ! ? newline ; : , en and em dashes), in order. */
    private int[] marks;
    private int markCount;

    int sentenceCount;
    int[] sentStart;
    int[] sentEnd;
    boolean[] sentHeading;
    int[] sentFirstToken;
    int[] sentTokenEnd; // exclusive token index

    int clauseCount;
    int[] clauseStart;
    int[] clauseEnd;
    int[] clauseSentence;
    boolean[] clauseLabel;
    /** Token indexes that open a sentence or follow a colon: a capitalised word there is not evidence of a name. */
    boolean[] tokenStartsUnit;

    TextLayout(String text) {
        this.text = text;
        this.chars = text.toCharArray();
        this.length = chars.length;
        tokenize();
        boolean[] headingChar = headingLines();
        sentences(headingChar);
        clauses();
    }

    // ------------------------------------------------------------------ tokens

    private void tokenize() {
        int cap = Math.max(16, length / 5);
        tokStart = new int[cap];
        tokEnd = new int[cap];
        marks = new int[Math.max(16, length / 16)];
        int m = 0;
        int i = 0;
        int n = 0;
        while (i < length) {
            char c = chars[i];
            if (c < 128 ? !ASCII_WORD[c] : !Character.isLetterOrDigit(c)) {
                if (c < 128 ? ASCII_MARK[c] : (c == '\u2013' || c == '\u2014')) {
                    if (m == marks.length) {
                        marks = Arrays.copyOf(marks, m * 2);
                    }
                    marks[m++] = i;
                }
                i++;
                continue;
            }
            {
                int s = i;
                i++;
                while (i < length && isWordChar(chars[i])) {
                    i++;
                }
                if (n == tokStart.length) {
                    tokStart = Arrays.copyOf(tokStart, n * 2);
                    tokEnd = Arrays.copyOf(tokEnd, n * 2);
                }
                tokStart[n] = s;
                tokEnd[n] = i;
                n++;
            }
        }
        tokenCount = n;
        markCount = m;
        tokenStartsUnit = new boolean[n];
    }

    private static final boolean[] ASCII_WORD = new boolean[128];
    /** Punctuation that can end a sentence or a clause; positions of these are recorded while tokenizing. */
    private static final boolean[] ASCII_MARK = new boolean[128];

    static {
        for (char c : ".!?\n;:,".toCharArray()) {
            ASCII_MARK[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
            ASCII_WORD[c - 32] = true;
        }
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    /** First token index whose start is >= pos. */
    int tokenAtOrAfter(int pos) {
        int lo = 0;
        int hi = tokenCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokStart[mid] < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ------------------------------------------------------------------ heading lines

    /**
     * A heading line: short, no closing punctuation, mostly capitalised words, following a finished sentence
     * (or a blank line, or another heading), e.g. "b. Disappearance" or a wrapped "Punishment".
     */
    private boolean[] headingLines() {
        boolean[] heading = null;
        int lineStart = 0;
        boolean prevEndsSentence = true; // start of text
        boolean prevHeading = false;
        while (lineStart <= length) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = length;
            }
            int s = lineStart;
            int e = lineEnd;
            while (s < e && Character.isWhitespace(chars[s])) {
                s++;
            }
            while (e > s && Character.isWhitespace(chars[e - 1])) {
                e--;
            }
            if (s == e) {
                prevEndsSentence = true; // blank line
                prevHeading = false;
            } else {
                boolean isHeading = (prevEndsSentence || prevHeading || isBulletAt(s)) && looksLikeHeading(s, e)
                        && nextLineStartsUpper(lineEnd);
                if (isHeading) {
                    if (heading == null) {
                        heading = new boolean[length];
                    }
                    Arrays.fill(heading, s, e, true);
                }
                prevHeading = isHeading;
                char last = lastMeaningful(s, e);
                prevEndsSentence = last == '.' || last == '!' || last == '?' || last == ':';
            }
            if (lineEnd >= length) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return heading;
    }

    private char lastMeaningful(int s, int e) {
        for (int i = e - 1; i >= s; i--) {
            char c = chars[i];
            if (c != '"' && c != '\u201d' && c != '\u2019' && c != '\'' && c != ')' && c != '*' && c != ']') {
                return c;
            }
        }
        return ' ';
    }

    private boolean looksLikeHeading(int s, int e) {
        if (e - s > 120) {
            return false;
        }
        char last = lastMeaningful(s, e);
        if (last == '.' || last == '!' || last == '?' || last == ';' || last == ',' || last == ':') {
            return false;
        }
        for (int k = s; k < e - 1; k++) {
            if (chars[k] == ':') {
                return false; // a run-in label followed by text, not a heading line
            }
        }
        int words = 0;
        int longWords = 0;
        int capitalised = 0;
        boolean firstLetterSeen = false;
        boolean firstUpper = false;
        int i = s;
        while (i < e) {
            char c = chars[i];
            if (Character.isLetter(c)) {
                int ws = i;
                while (i < e && Character.isLetter(chars[i])) {
                    i++;
                }
                words++;
                if (!firstLetterSeen) {
                    firstLetterSeen = true;
                    firstUpper = Character.isUpperCase(c);
                }
                if (i - ws >= 4) {
                    longWords++;
                    if (Character.isUpperCase(c)) {
                        capitalised++;
                    }
                }
            } else {
                i++;
            }
        }
        if (words == 0 || words > 12 || longWords == 0) {
            return false;
        }
        // "b. Disappearance": a lowercase list letter may open a heading
        return (firstUpper || words > 1) && capitalised * 10 >= longWords * 6;
    }

    private boolean nextLineStartsUpper(int lineEnd) {
        int i = lineEnd;
        while (i < length && Character.isWhitespace(chars[i])) {
            i++;
        }
        if (i >= length) {
            return true;
        }
        char c = chars[i];
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '#' || c == '*' || c == '-'
                || c == '\u2022' || c == '"' || c == '\u201c';
    }

    // ------------------------------------------------------------------ sentences

    private void sentences(boolean[] heading) {
        int cap = 16;
        sentStart = new int[cap];
        sentEnd = new int[cap];
        sentHeading = new boolean[cap];
        // heading spans, in order
        int[] hs = new int[4];
        int[] he = new int[4];
        int hc = 0;
        if (heading != null) {
            int i = 0;
            while (i < length) {
                if (!heading[i]) {
                    i++;
                    continue;
                }
                int e = i;
                while (e < length && heading[e]) {
                    e++;
                }
                if (hc == hs.length) {
                    hs = Arrays.copyOf(hs, hc * 2);
                    he = Arrays.copyOf(he, hc * 2);
                }
                hs[hc] = i;
                he[hc] = e;
                hc++;
                i = e;
            }
        }
        int count = 0;
        int h = 0;
        int m = 0;
        int pos = 0;
        int start = -1;
        while (true) {
            if (start < 0) {
                while (pos < length && Character.isWhitespace(chars[pos])) {
                    pos++;
                }
                if (pos >= length) {
                    break;
                }
                if (h < hc && pos >= hs[h]) {
                    count = addSentence(count, hs[h], he[h], true);
                    pos = he[h];
                    h++;
                    continue;
                }
                start = pos;
            }
            int nextHead = h < hc ? hs[h] : length;
            while (m < markCount && (marks[m] < pos || !endsSentenceMark(chars[marks[m]]))) {
                m++;
            }
            if (m >= markCount || marks[m] >= nextHead) {
                count = addSentence(count, start, nextHead, false);
                start = -1;
                pos = nextHead;
                if (nextHead >= length) {
                    break;
                }
                continue;
            }
            int i = marks[m];
            char c = chars[i];
            m++;
            pos = i + 1;
            if (c == '\n') {
                int k = i + 1;
                while (k < length && (chars[k] == ' ' || chars[k] == '\t' || chars[k] == '\r')) {
                    k++;
                }
                if (k < length && (chars[k] == '\n' || isBulletAt(k))) {
                    count = addSentence(count, start, i, false);
                    start = -1;
                }
                continue;
            }
            int j = i + 1;
            while (j < length && isClosing(chars[j])) {
                j++;
            }
            if (j >= length) {
                count = addSentence(count, start, j, false);
                start = -1;
                pos = j;
                continue;
            }
            if (Character.isWhitespace(chars[j])) {
                int k = j;
                while (k < length && Character.isWhitespace(chars[k])) {
                    k++;
                }
                if (k < length && opensSentence(chars[k]) && !(c == '.' && abbreviationBefore(i, k))) {
                    count = addSentence(count, start, j, false);
                    start = -1;
                    pos = k;
                }
            }
        }
        sentenceCount = count;
        sentFirstToken = new int[count];
        sentTokenEnd = new int[count];
        for (int s = 0; s < count; s++) {
            int ft = tokenAtOrAfter(sentStart[s]);
            int et = tokenAtOrAfter(sentEnd[s]);
            sentFirstToken[s] = ft;
            sentTokenEnd[s] = et;
            if (ft < et) {
                tokenStartsUnit[ft] = true;
                // a bullet or paragraph number ("2.", "b.") before the first word
                if (ft + 1 < et && isListMarkerToken(ft)) {
                    tokenStartsUnit[ft + 1] = true;
                }
            }
        }
    }

    boolean isListMarkerToken(int t) {
        int len = tokEnd[t] - tokStart[t];
        if (tokEnd[t] >= length || chars[tokEnd[t]] != '.' && chars[tokEnd[t]] != ')') {
            return false;
        }
        if (len <= 3 && Character.isDigit(chars[tokStart[t]])) {
            return true;
        }
        if (len == 1) {
            return true;
        }
        // roman numerals I. II. IV.
        for (int i = tokStart[t]; i < tokEnd[t]; i++) {
            if ("IVXivx".indexOf(chars[i]) < 0) {
                return false;
            }
        }
        return len <= 4;
    }

    private int addSentence(int count, int s, int e, boolean head) {
        while (e > s && Character.isWhitespace(chars[e - 1])) {
            e--;
        }
        if (e <= s) {
            return count;
        }
        if (count == sentStart.length) {
            sentStart = Arrays.copyOf(sentStart, count * 2);
            sentEnd = Arrays.copyOf(sentEnd, count * 2);
            sentHeading = Arrays.copyOf(sentHeading, count * 2);
        }
        sentStart[count] = s;
        sentEnd[count] = e;
        sentHeading[count] = head;
        return count + 1;
    }

    private boolean isBulletAt(int k) {
        char c = chars[k];
        if ((c == '-' || c == '*' || c == '\u2022' || c == '\u2013' || c == '\u25aa' || c == '#')
                && k + 1 < length && (chars[k + 1] == ' ' || chars[k + 1] == '*' || c == '#')) {
            return true;
        }
        if (Character.isDigit(c)) {
            int j = k;
            while (j < length && Character.isDigit(chars[j]) && j - k < 3) {
                j++;
            }
            return j + 1 < length && (chars[j] == '.' || chars[j] == ')') && chars[j + 1] == ' ';
        }
        return false;
    }

    private static boolean endsSentenceMark(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019' || c == '*';
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201c' || c == '\u2018'
                || c == '(' || c == '[' || c == '-' || c == '\u2022' || c == '*' || c == '#' || c == '\u2013';
    }

    /** True when the '.' at dot ends an abbreviation or an initial rather than a sentence. */
    private boolean abbreviationBefore(int dot, int nextStart) {
        int ws = dot;
        while (ws > 0 && Character.isLetter(chars[ws - 1])) {
            ws--;
        }
        int len = dot - ws;
        if (len == 0) {
            return false;
        }
        if (len == 1 && Character.isUpperCase(chars[ws])) {
            // an initial ("J. Smith", "U.S.") unless it is a list letter at the start of a line
            return !(ws == 0 || chars[ws - 1] == '\n');
        }
        String w = text.substring(ws, dot).toLowerCase(Locale.ROOT);
        if (w.equals("no") || w.equals("nos")) {
            return Character.isDigit(chars[nextStart]);
        }
        return ABBREVIATIONS.contains(w) && !w.equals("etc");
    }

    // ------------------------------------------------------------------ clauses

    private void clauses() {
        int cap = Math.max(8, sentenceCount * 2);
        clauseStart = new int[cap];
        clauseEnd = new int[cap];
        clauseSentence = new int[cap];
        clauseLabel = new boolean[cap];
        int count = 0;
        int mi = 0;
        for (int s = 0; s < sentenceCount; s++) {
            int ss = sentStart[s];
            int se = sentEnd[s];
            if (sentHeading[s]) {
                count = addClause(count, ss, se, s, true);
                continue;
            }
            int cs = ss;
            boolean subordinateOpen = false;
            int ft = sentFirstToken[s];
            if (ft < sentTokenEnd[s] && tokenIn(ft, SUBORDINATE_OPENERS)) {
                subordinateOpen = true;
            }
            int t = ft;
            while (mi < markCount && marks[mi] < ss) {
                mi++;
            }
            for (; mi < markCount && marks[mi] < se; mi++) {
                int i = marks[mi];
                char c = chars[i];
                if (c != ';' && c != ':' && c != ',' && c != '\u2013' && c != '\u2014') {
                    continue;
                }
                int cut = -1;
                int nextStart = -1;
                if (c == ';') {
                    cut = i;
                    nextStart = i + 1;
                } else if (c == ':') {
                    if (i + 1 < se && Character.isDigit(chars[i + 1])) {
                        continue; // 10:30
                    }
                    boolean label = cs == ss && looksLikeLabel(cs, i);
                    if (label || i + 1 >= se || chars[i + 1] == ' ' || chars[i + 1] == '\n') {
                        count = addClause(count, cs, i, s, label);
                        cs = i + 1;
                        int nt = tokenAtOrAfter(cs);
                        if (nt < tokenCount && tokStart[nt] < se) {
                            tokenStartsUnit[nt] = true;
                        }
                        continue;
                    }
                } else if ((c == '\u2013' || c == '\u2014') && i > ss && chars[i - 1] == ' ') {
                    cut = i;
                    nextStart = i + 1;
                } else if (c == ',') {
                    if (subordinateOpen) {
                        subordinateOpen = false;
                        cut = i;
                        nextStart = i + 1;
                    } else {
                        // ", but" / ", however" / ", although" ...
                        while (t < tokenCount && tokStart[t] <= i) {
                            t++;
                        }
                        if (t < tokenCount && tokStart[t] < se && onlySpacesBetween(i + 1, tokStart[t])
                                && tokenIn(t, CLAUSE_CONJUNCTIONS)) {
                            cut = i;
                            nextStart = i + 1;
                        }
                    }
                }
                if (cut >= 0) {
                    count = addClause(count, cs, cut, s, false);
                    cs = nextStart;
                }
            }
            count = addClause(count, cs, se, s, false);
        }
        clauseCount = count;
    }

    private boolean onlySpacesBetween(int a, int b) {
        for (int i = a; i < b; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }

    /** "Arbitrary Arrest:" / "Rape and Domestic Violence:" -- a short, capitalised run-in heading. */
    private boolean looksLikeLabel(int s, int colon) {
        int ft = tokenAtOrAfter(s);
        int words = 0;
        int longWords = 0;
        int capitalised = 0;
        for (int t = ft; t < tokenCount && tokStart[t] < colon; t++) {
            words++;
            if (tokEnd[t] - tokStart[t] >= 4) {
                longWords++;
                if (Character.isUpperCase(chars[tokStart[t]])) {
                    capitalised++;
                }
            }
        }
        return words > 0 && words <= 8 && longWords > 0 && capitalised * 10 >= longWords * 6;
    }

    private int addClause(int count, int s, int e, int sentence, boolean label) {
        while (s < e && Character.isWhitespace(chars[s])) {
            s++;
        }
        if (e <= s) {
            return count;
        }
        if (count == clauseStart.length) {
            clauseStart = Arrays.copyOf(clauseStart, count * 2);
            clauseEnd = Arrays.copyOf(clauseEnd, count * 2);
            clauseSentence = Arrays.copyOf(clauseSentence, count * 2);
            clauseLabel = Arrays.copyOf(clauseLabel, count * 2);
        }
        clauseStart[count] = s;
        clauseEnd[count] = e;
        clauseSentence[count] = sentence;
        clauseLabel[count] = label;
        return count + 1;
    }

    /** True when token t equals one of the (lowercase) words, ignoring case; no allocation. */
    boolean tokenIn(int t, String[] words) {
        int s = tokStart[t];
        int len = tokEnd[t] - s;
        for (String w : words) {
            if (w.length() != len) {
                continue;
            }
            int i = 0;
            while (i < len) {
                char c = chars[s + i];
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                }
                if (c != w.charAt(i)) {
                    break;
                }
                i++;
            }
            if (i == len) {
                return true;
            }
        }
        return false;
    }

    String lowerToken(int t) {
        return text.substring(tokStart[t], tokEnd[t]).toLowerCase(Locale.ROOT);
    }

    /** Index of the clause containing pos (the last clause starting at or before pos), or -1. */
    int clauseAt(int pos) {
        int lo = 0;
        int hi = clauseCount - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (clauseStart[mid] <= pos) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
