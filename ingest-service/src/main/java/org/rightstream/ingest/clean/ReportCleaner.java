package org.rightstream.ingest.clean;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns extracted report text into clean paragraphs. Each rule is a small step with its own tests:
 * <ol>
 *   <li>Unicode normalised ({@link UnicodeNormaliser});</li>
 *   <li>markdown and stray HTML markup stripped when present ({@link MarkupStripper});</li>
 *   <li>running headers, footers and page numbers removed ({@link PageFurniture});</li>
 *   <li>lines broken by PDF extraction joined back into paragraphs, undoing end-of-line hyphenation,
 *       whether the extraction left a blank line between paragraphs, after every line
 *       ("double-spaced"), or none at all ({@link ParagraphJoiner}).</li>
 * </ol>
 */
public final class ReportCleaner {
    private final Predicate<String> knownHeading;

    /**
     * @param knownHeading headings known to stand alone (the taxonomy's): such a line is never taken
     *                     for the wrapped tail of the heading above it
     */
    public ReportCleaner(Predicate<String> knownHeading) {
        this.knownHeading = knownHeading;
    }

    public ReportCleaner() {
        this(h -> false);
    }

    /**
     * @param text      extracted text; a form feed (\f) marks the start of each page after the first
     * @param paginated whether form feeds mark pages (PDF); otherwise pages are unknown (0)
     */
    public CleanDocument clean(String text, boolean paginated) {
        List<SourceLine> lines = lines(text, paginated);
        List<String> raw = lines.stream().map(SourceLine::text).toList();
        boolean markdown = MarkupStripper.looksLikeMarkdown(raw);
        boolean tags = MarkupStripper.hasTags(raw);
        List<SourceLine> stripped = new ArrayList<>(lines.size());
        List<Boolean> markedHeading = new ArrayList<>(lines.size());
        for (SourceLine l : lines) {
            String t = l.text();
            boolean heading = markdown && MarkupStripper.isMarkdownHeading(t);
            if (tags) {
                t = MarkupStripper.stripTags(t);
            }
            if (markdown) {
                t = MarkupStripper.stripMarkdown(t);
            }
            stripped.add(new SourceLine(t.strip().isEmpty() ? "" : t.stripTrailing(), l.page()));
            markedHeading.add(heading);
        }
        BitSet furniture = PageFurniture.find(stripped);
        List<SourceLine> kept = new ArrayList<>(stripped.size());
        List<Boolean> keptHeading = new ArrayList<>(stripped.size());
        for (int i = 0; i < stripped.size(); i++) {
            if (furniture.get(i)) {
                // The page break leaves a gap that must not split a sentence running across it.
                kept.add(new SourceLine("", stripped.get(i).page()));
                keptHeading.add(false);
            } else {
                kept.add(stripped.get(i));
                keptHeading.add(markedHeading.get(i));
            }
        }
        List<ParagraphJoiner.Paragraph> paragraphs = ParagraphJoiner.join(kept, keptHeading, furniture, knownHeading);
        return assemble(paragraphs);
    }

    private static List<SourceLine> lines(String text, boolean paginated) {
        String normalised = UnicodeNormaliser.normalise(text.replace("\f", "\n\u0000PAGE\n"));
        List<SourceLine> out = new ArrayList<>();
        int page = paginated ? 1 : 0;
        for (String line : normalised.split("\n", -1)) {
            if (line.equals("\u0000PAGE")) {
                page = paginated ? page + 1 : 0;
                continue;
            }
            out.add(new SourceLine(line.strip().isEmpty() ? "" : line.stripTrailing(), page));
        }
        return out;
    }

    private static CleanDocument assemble(List<ParagraphJoiner.Paragraph> paragraphs) {
        StringBuilder text = new StringBuilder();
        List<Block> blocks = new ArrayList<>(paragraphs.size());
        for (ParagraphJoiner.Paragraph p : paragraphs) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(p.text());
            blocks.add(new Block(p.text(), start, text.length(), p.page()));
        }
        return new CleanDocument(text.toString(), blocks);
    }
}
