package org.rightstream.ingest.report;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Country, year and title where the report states them in its opening lines, e.g. a title line
 * "KAZAKHSTAN 2012 HUMAN RIGHTS REPORT". Nothing is guessed: a text that does not say leaves them empty.
 */
public record ReportMetadata(String country, Integer year, String title) {
    private static final Pattern TITLE = Pattern.compile(
            "^\\s*(\\p{Lu}[\\p{L} .,'()-]{1,60}?)\\s+((?:19|20)\\d{2})\\s+(?:HUMAN RIGHTS|COUNTRY)\\s+REPORT\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final int HEAD_CHARS = 600;

    public static ReportMetadata detect(String text) {
        String head = text.substring(0, Math.min(HEAD_CHARS, text.length()));
        Matcher m = TITLE.matcher(head);
        if (m.find()) {
            return new ReportMetadata(titleCase(m.group(1).trim()), Integer.parseInt(m.group(2)), m.group().trim());
        }
        return new ReportMetadata(null, null, firstLine(head).orElse(null));
    }

    private static Optional<String> firstLine(String head) {
        return head.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.length() > 200 ? l.substring(0, 200) : l);
    }

    /** "KAZAKHSTAN" and "kazakhstan" both become "Kazakhstan", so facets do not split by case. */
    static String titleCase(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ' || c == '-' || c == '(';
        }
        return b.toString();
    }
}
