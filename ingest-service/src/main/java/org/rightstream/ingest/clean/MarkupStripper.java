package org.rightstream.ingest.clean;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes markdown and stray HTML markup from lines of text, keeping the words: heading markers,
 * emphasis, links and images (their text stays), list markers (as "•"), block quotes, tags and
 * common entities. Applied when the text looks like markdown or contains tags, whatever the file
 * is called: reports arrive as ".txt" files that are really markdown.
 */
public final class MarkupStripper {
    private static final Pattern MD_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+");
    private static final Pattern MD_LINE = Pattern.compile("^\\s{0,3}(#{1,6}\\s|[-*+]\\s|>\\s?)|\\*\\*|__|\\]\\(");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");
    private static final Pattern STRONG = Pattern.compile("\\*{2,3}|(?<![\\p{L}\\p{N}])_{2,3}|_{2,3}(?![\\p{L}\\p{N}])");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\p{L}\\p{N}*])\\*(?=\\S)([^*\\n]+?)(?<=\\S)\\*(?![\\p{L}\\p{N}*])");
    private static final Pattern LIST_MARKER = Pattern.compile("^(\\s*)[-*+]\\s+");
    private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}>\\s?");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_]\\s*){3,}$");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>\\n]{0,200}>");

    private MarkupStripper() {
    }

    /** True when enough lines carry markdown syntax that stripping it is safe. */
    public static boolean looksLikeMarkdown(List<String> lines) {
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        long marked = lines.stream().filter(l -> MD_LINE.matcher(l).find()).count();
        return nonBlank > 0 && marked >= 3 && marked * 10 >= nonBlank;
    }

    public static boolean hasTags(List<String> lines) {
        return lines.stream().filter(l -> TAG.matcher(l).find()).count() >= 3;
    }

    /** Markdown syntax removed from one line; a heading marker becomes a line of its own. */
    public static String stripMarkdown(String line) {
        String l = line;
        if (RULE.matcher(l).matches()) {
            return "";
        }
        l = MD_HEADING.matcher(l).replaceFirst("");
        l = QUOTE.matcher(l).replaceFirst("");
        l = IMAGE.matcher(l).replaceAll("$1");
        l = LINK.matcher(l).replaceAll("$1");
        l = CODE.matcher(l).replaceAll("$1");
        l = STRONG.matcher(l).replaceAll("");
        l = EMPHASIS.matcher(l).replaceAll("$1");
        l = LIST_MARKER.matcher(l).replaceFirst("$1• ");
        return l;
    }

    public static String stripTags(String line) {
        String l = TAG.matcher(line).replaceAll(" ");
        return l.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'");
    }

    /** True when markdown marked this line as a heading ("## Title"), before stripping. */
    public static boolean isMarkdownHeading(String line) {
        return MD_HEADING.matcher(line).find();
    }
}
