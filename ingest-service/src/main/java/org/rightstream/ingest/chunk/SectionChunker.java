package org.rightstream.ingest.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rightstream.ingest.clean.Block;
import org.rightstream.ingest.clean.CleanDocument;
import org.rightstream.ingest.clean.Headings;

/**
 * Splits a cleaned report into passages that follow its section structure. Headings are recognised
 * by form, not by wording: "Section N." and roman-numeral headings open a top-level section,
 * lettered headings ("c. ...") a sub-section, a short title-like paragraph a sub-heading, and a
 * title-like phrase ending in a colon at the start of a paragraph ("Physical Conditions: ...") a
 * run-in heading for that paragraph. A passage never spans two sections; paragraphs are grouped
 * up to the target size, and a paragraph over the maximum is split at sentence boundaries.
 */
public final class SectionChunker {
    private static final Pattern RUN_IN = Pattern.compile("^([\\p{Lu}][^.:;!?]{1,80}?):\\s+(?=\\S)");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})\\.\\s");
    private static final Pattern BULLETED_HEADING = Pattern.compile("^•\\s+(.*)$");
    private static final Pattern WORD = Pattern.compile("\\S+");
    /** Far above any real passage (250 words is about 1,800 characters), far below the 1 MiB message limit. */
    static final int MAX_PASSAGE_CHARS = 20_000;
    private static final Pattern BARE_LINK = Pattern.compile("^(?:https?://|www\\.)\\S+$");

    private record Heading(int level, String text) {
    }

    private final HeadingCategories categories;
    private final ParagraphChunker sentences;
    private final int targetWords;
    private final int maxWords;

    public SectionChunker(HeadingCategories categories, int targetWords, int maxWords) {
        this.categories = categories;
        this.sentences = new ParagraphChunker(targetWords, maxWords);
        this.targetWords = targetWords;
        this.maxWords = maxWords;
    }

    /**
     * @param title the report's title when known: a first block equal to it is the title, not a section
     */
    public List<SectionChunk> chunk(CleanDocument doc, String title) {
        List<SectionChunk> out = new ArrayList<>();
        List<Heading> path = new ArrayList<>();
        Group group = null;
        List<Block> blocks = doc.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            String text = block.text();
            if (i == 0 && isTitle(text, title)) {
                continue;
            }
            if (BARE_LINK.matcher(text).matches()) {
                // A footnote link left alone on its line carries no passage text.
                continue;
            }
            int level = headingLevel(text);
            if (level > 0) {
                flush(group, doc, out);
                group = null;
                while (!path.isEmpty() && path.get(path.size() - 1).level() >= level) {
                    path.remove(path.size() - 1);
                }
                path.add(new Heading(level, headingText(text)));
                continue;
            }
            List<String> blockPath = new ArrayList<>(path.stream().map(Heading::text).toList());
            Matcher runIn = RUN_IN.matcher(text);
            if (runIn.find() && Headings.isTitleLike(runIn.group(1), 8)) {
                blockPath.add(runIn.group(1).strip());
            }
            int words = words(text);
            if (group != null && (!group.path.equals(blockPath) || group.words + words > targetWords)) {
                flush(group, doc, out);
                group = null;
            }
            if (words > maxWords) {
                for (Passage p : sentences.chunk(text)) {
                    Group single = new Group(blockPath, block.page());
                    single.start = block.start() + p.charStart();
                    single.end = block.start() + p.charEnd();
                    single.words = words(p.text());
                    if (p.charStart() == 0) {
                        numbered(text).ifPresent(single.paragraphNumbers::add);
                    }
                    flush(single, doc, out);
                }
                continue;
            }
            if (group == null) {
                group = new Group(blockPath, block.page());
                group.start = block.start();
            }
            group.end = block.end();
            group.words += words;
            numbered(text).ifPresent(group.paragraphNumbers::add);
        }
        flush(group, doc, out);
        return out;
    }

    private void flush(Group g, CleanDocument doc, List<SectionChunk> out) {
        if (g == null || g.end <= g.start) {
            return;
        }
        boolean recommendation = g.path.stream().anyMatch(SectionChunker::isRecommendationHeading);
        String category = categories.categoryOfPath(g.path).orElse(null);
        // Text without spaces (a pasted data blob) cannot be cut at words: cut it at a fixed size so no
        // message outgrows the topic's limit.
        for (int start = g.start; start < g.end; start += MAX_PASSAGE_CHARS) {
            int end = Math.min(g.end, start + MAX_PASSAGE_CHARS);
            out.add(new SectionChunk(doc.text().substring(start, end), start, end, g.page > 0 ? g.page : null, g.path,
                    category, start == g.start ? g.paragraphNumbers : List.of(), recommendation));
        }
    }

    /** 1 top-level, 2 lettered sub-section, 3 sub-heading; 0 for body text. */
    static int headingLevel(String block) {
        String text = block;
        Matcher bulleted = BULLETED_HEADING.matcher(block);
        if (bulleted.matches() && Headings.enumeratedLevel(bulleted.group(1)) > 0) {
            text = bulleted.group(1);
        }
        int enumerated = Headings.enumeratedLevel(text);
        if (enumerated > 0) {
            return enumerated;
        }
        return Headings.isTitleLike(text, 14) && !text.startsWith("•") ? 3 : 0;
    }

    private static String headingText(String block) {
        Matcher bulleted = BULLETED_HEADING.matcher(block);
        String text = bulleted.matches() ? bulleted.group(1) : block;
        return text.strip();
    }

    private static boolean isRecommendationHeading(String heading) {
        return heading.toLowerCase(Locale.ROOT).startsWith("recommendation");
    }

    private static boolean isTitle(String block, String title) {
        return title != null && block.strip().equalsIgnoreCase(title.strip()) && Headings.isTitleLike(block, 20);
    }

    private static java.util.Optional<String> numbered(String text) {
        Matcher m = NUMBERED.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static int words(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static final class Group {
        final List<String> path;
        final int page;
        final List<String> paragraphNumbers = new ArrayList<>();
        int start;
        int end;
        int words;

        Group(List<String> path, int page) {
            this.path = List.copyOf(path);
            this.page = page;
        }
    }
}
