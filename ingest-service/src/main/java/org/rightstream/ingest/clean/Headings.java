package org.rightstream.ingest.clean;

import java.util.regex.Pattern;

/** What a heading looks like, independent of any publisher's words. */
public final class Headings {
    /** "Section 3." / "SECTION 3:" */
    static final Pattern SECTION = Pattern.compile("^section\\s+\\d{1,2}\\s*[.:]?\\s+\\S.*", Pattern.CASE_INSENSITIVE);
    /** "IV. Rights of Women" */
    static final Pattern ROMAN = Pattern.compile("^(?=[IVXLC]+\\.)(?:X{0,3})(?:IX|IV|V?I{0,3})\\.\\s+\\S.*");
    /** "c. Torture and ..." */
    static final Pattern LETTER = Pattern.compile("^[a-h]\\.\\s+\\p{Lu}.*");
    private static final Pattern NUMBERED_PARAGRAPH = Pattern.compile("^\\d{1,3}\\.\\s+\\S.*");
    private static final Pattern SMALL_WORD = Pattern.compile(
            "a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|with|against|including|other|than|their|its");

    private Headings() {
    }

    /** 1 for "Section N." and roman-numeral headings, 2 for lettered sub-sections, 0 otherwise. */
    public static int enumeratedLevel(String line) {
        if (SECTION.matcher(line).matches() || ROMAN.matcher(line).matches() && words(line) <= 16) {
            return 1;
        }
        if (LETTER.matcher(line).matches() && words(line) <= 22) {
            return 2;
        }
        return 0;
    }

    public static boolean isNumberedParagraph(String line) {
        return NUMBERED_PARAGRAPH.matcher(line).matches();
    }

    /**
     * A line that reads as a title: short, not ending like a sentence, and in Title Case or capitals
     * ("Prison and Detention Center Conditions", "EXECUTIVE SUMMARY", "Recommendations:").
     */
    public static boolean isTitleLike(String line, int maxWords) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > 160 || words(t) > maxWords) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (".;,!?".indexOf(last) >= 0 && !t.endsWith("etc.")) {
            return false;
        }
        if (!Character.isUpperCase(t.codePointAt(0)) || t.startsWith("•") || isNumberedParagraph(t)) {
            return false;
        }
        int content = 0;
        int capitalised = 0;
        for (String w : t.split("\\s+")) {
            String word = w.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
            if (word.isEmpty() || SMALL_WORD.matcher(word.toLowerCase()).matches()) {
                continue;
            }
            content++;
            if (Character.isUpperCase(word.codePointAt(0))) {
                capitalised++;
            }
        }
        return content > 0 && capitalised * 10 >= content * 7;
    }

    static int words(String line) {
        String t = line.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
