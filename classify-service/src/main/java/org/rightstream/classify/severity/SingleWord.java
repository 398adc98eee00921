package org.rightstream.classify.severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A pattern branch that can only match one whole word, such as {@code kill(?:s|ed|ing|ings)?},
 * {@code corrupt\w*} or {@code criminali[sz]es?}, expanded into its word forms so that it is matched by
 * comparing characters instead of running a regular expression. Branches with anything else (spaces,
 * hyphens, look-arounds, other classes) are not single words and stay regular expressions.
 */
final class SingleWord {
    /** Forms in lowercase; a form ending in '*' matches any word continuing it, '+' one or more more characters. */
    private final char[][] forms;

    private SingleWord(char[][] forms) {
        this.forms = forms;
    }

    /** The expansion of branch, or null when it is not a plain single-word pattern. */
    static SingleWord of(String branch) {
        List<String> out = new ArrayList<>();
        out.add("");
        if (!expand(branch, out) || out.size() > 400) {
            return null;
        }
        char[][] forms = new char[out.size()][];
        for (int i = 0; i < forms.length; i++) {
            forms[i] = out.get(i).toLowerCase(Locale.ROOT).toCharArray();
        }
        return new SingleWord(forms);
    }

    /** Combines several single-word branches into one matcher (null if any is null). */
    static SingleWord union(List<SingleWord> parts) {
        List<char[]> all = new ArrayList<>();
        for (SingleWord p : parts) {
            if (p == null) {
                return null;
            }
            all.addAll(List.of(p.forms));
        }
        return new SingleWord(all.toArray(new char[0][]));
    }

    /** True when the word text[start, end) (a whole token) is one of the forms, ignoring case. */
    boolean matches(char[] text, int start, int end) {
        int len = end - start;
        for (char[] f : forms) {
            int fl = f.length;
            char last = fl > 0 ? f[fl - 1] : 0;
            int stem = last == '*' || last == '+' ? fl - 1 : fl;
            if (last == '*' ? len < stem : last == '+' ? len <= stem : len != stem) {
                continue;
            }
            int i = 0;
            while (i < stem) {
                char c = text[start + i];
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                } else if (c >= 128) {
                    c = Character.toLowerCase(c);
                }
                if (c != f[i]) {
                    break;
                }
                i++;
            }
            if (i == stem) {
                return true;
            }
        }
        return false;
    }

    /** Appends the expansion of re to every prefix in acc; false if re is not a plain single-word pattern. */
    private static boolean expand(String re, List<String> acc) {
        int i = 0;
        while (i < re.length()) {
            char c = re.charAt(i);
            List<String> alts;
            int next;
            if (Character.isLetter(c) && c < 128) {
                alts = List.of(String.valueOf(c));
                next = i + 1;
            } else if (c == '[') {
                int close = re.indexOf(']', i);
                if (close < 0) {
                    return false;
                }
                alts = new ArrayList<>();
                for (int k = i + 1; k < close; k++) {
                    char d = re.charAt(k);
                    if (!Character.isLetter(d) || d >= 128) {
                        return false;
                    }
                    alts.add(String.valueOf(d));
                }
                next = close + 1;
            } else if (re.startsWith("(?:", i)) {
                int close = closing(re, i);
                if (close < 0) {
                    return false;
                }
                alts = new ArrayList<>();
                for (String part : split(re.substring(i + 3, close))) {
                    List<String> sub = new ArrayList<>();
                    sub.add("");
                    if (!expand(part, sub)) {
                        return false;
                    }
                    for (String s : sub) {
                        if (s.endsWith("*") || s.endsWith("+")) {
                            return false; // wildcards only at the very end of the branch
                        }
                    }
                    alts.addAll(sub);
                }
                next = close + 1;
            } else if (re.startsWith("\\w*", i) || re.startsWith("\\w+", i)) {
                if (i + 3 != re.length()) {
                    return false;
                }
                String w = re.substring(i + 2, i + 3);
                acc.replaceAll(s -> s + w);
                return true;
            } else {
                return false;
            }
            boolean optional = next < re.length() && re.charAt(next) == '?';
            if (optional) {
                next++;
                if (next < re.length() && (re.charAt(next) == '?' || re.charAt(next) == '+')) {
                    return false;
                }
            }
            if (next < re.length() && (re.charAt(next) == '*' || re.charAt(next) == '+' || re.charAt(next) == '{')) {
                return false;
            }
            List<String> grown = new ArrayList<>();
            for (String prefix : acc) {
                if (optional) {
                    grown.add(prefix);
                }
                for (String a : alts) {
                    grown.add(prefix + a);
                }
            }
            if (grown.size() > 400) {
                return false;
            }
            acc.clear();
            acc.addAll(grown);
            i = next;
        }
        return true;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int last = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
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
