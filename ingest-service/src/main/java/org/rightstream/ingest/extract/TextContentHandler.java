package org.rightstream.ingest.extract;

import java.util.Locale;
import java.util.Set;

import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML events of a Tika parser into plain text that keeps the document's structure:
 * <ul>
 *   <li>a blank line after each block element (p, div, h1-h6, li, tr, blockquote, pre, table, ...),
 *       a line break for br and for the line ends a parser reports (PDF lines), a space between table
 *       cells;</li>
 *   <li>with {@code paginate}, a form feed at the start of every page after the first (Tika's PDF
 *       parser wraps each page in {@code <div class="page">});</li>
 *   <li>with {@code collapseWhitespace} (HTML, EPUB), runs of white space outside {@code pre} become one
 *       space, as a browser shows them; otherwise line breaks inside a paragraph are kept (PDF lines
 *       matter to the cleaner: running headers and footers are found line by line);</li>
 *   <li>nothing from {@code head} (title, meta), {@code script} or {@code style};</li>
 *   <li>at most {@code writeLimit} characters: past it, a {@link WriteLimitReachedException} is thrown
 *       and {@link #limitReached()} tells so even when a parser swallows the exception.</li>
 * </ul>
 * One instance per document; not thread-safe.
 */
final class TextContentHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote", "pre", "table",
            "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "aside", "nav",
            "figure", "figcaption", "caption", "address", "hr", "thead", "tbody", "tfoot", "main");
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "noscript", "template");

    private final int writeLimit;
    private final boolean paginate;
    private final boolean collapseWhitespace;
    private final StringBuilder out = new StringBuilder();

    private int skipDepth;
    private int preDepth;
    private int divDepth;
    /** The div depth of the page being written, or -1 outside any page. */
    private int pageDivDepth = -1;
    private int pages;
    private boolean pendingSpace;
    private boolean limitReached;

    TextContentHandler(int writeLimit, boolean paginate, boolean collapseWhitespace) {
        this.writeLimit = writeLimit;
        this.paginate = paginate;
        this.collapseWhitespace = collapseWhitespace;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth++;
            return;
        }
        if (skipDepth > 0) {
            return;
        }
        if (name.equals("div")) {
            divDepth++;
            if (paginate && pageDivDepth < 0 && hasClass(atts, "page")) {
                pageDivDepth = divDepth;
                if (pages > 0) {
                    lineBreak();
                    append('\f');
                }
                pages++;
                return;
            }
        }
        if (name.equals("pre")) {
            preDepth++;
        }
        if (BLOCKS.contains(name)) {
            lineBreak();
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth = Math.max(0, skipDepth - 1);
            return;
        }
        if (skipDepth > 0) {
            return;
        }
        if (name.equals("div")) {
            if (divDepth == pageDivDepth) {
                pageDivDepth = -1;
            }
            divDepth = Math.max(0, divDepth - 1);
        }
        if (name.equals("pre")) {
            preDepth = Math.max(0, preDepth - 1);
        }
        if (BLOCKS.contains(name)) {
            paragraphBreak();
        } else if (name.equals("br")) {
            pendingSpace = false;
            append('\n');
        } else if (CELLS.contains(name)) {
            pendingSpace = true;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        boolean collapse = collapseWhitespace && preDepth == 0;
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (collapse) {
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace && !out.isEmpty() && !atLineStart()) {
                    append(' ');
                }
                pendingSpace = false;
                append(c);
            } else {
                if (pendingSpace && !atLineStart() && c != '\n' && c != ' ') {
                    append(' ');
                }
                pendingSpace = false;
                switch (c) {
                    case '\r' -> { } // "\r\n" and lone "\r" are both written as "\n" below / by the next char
                    case '\n', '\u000B', '\f', '\u2028', '\u2029' -> append('\n');
                    case '\t' -> append('\t');
                    default -> {
                        if (!Character.isISOControl(c)) {
                            append(c);
                        }
                    }
                }
                if (c == '\r' && (i + 1 >= start + length || ch[i + 1] != '\n')) {
                    append('\n');
                }
            }
        }
    }

    /**
     * Tika's XHTMLContentHandler writes line ends as ignorable white space: the PDF parser's line
     * separators, the HTML parser's replacement for br and unmapped block tags, and a tab before
     * table cells and list items.
     */
    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (skipDepth > 0) {
            return;
        }
        for (int i = start; i < start + length; i++) {
            if (ch[i] == '\n') {
                lineBreak();
            } else {
                pendingSpace = true;
            }
        }
    }

    /** The text written so far (all of it when parsing finished). */
    String text() {
        return out.toString();
    }

    /** Pages seen (PDF with {@code paginate}); 0 otherwise. */
    int pages() {
        return pages;
    }

    boolean limitReached() {
        return limitReached;
    }

    int writeLimit() {
        return writeLimit;
    }

    private void lineBreak() throws SAXException {
        pendingSpace = false;
        if (!out.isEmpty() && !atLineStart()) {
            append('\n');
        }
    }

    private void paragraphBreak() throws SAXException {
        pendingSpace = false;
        if (out.isEmpty()) {
            return;
        }
        lineBreak();
        // One blank line is enough; the extractor collapses longer runs anyway.
        if (out.length() < 2 || out.charAt(out.length() - 2) != '\n') {
            append('\n');
        }
    }

    private boolean atLineStart() {
        if (out.isEmpty()) {
            return true;
        }
        char last = out.charAt(out.length() - 1);
        return last == '\n' || last == '\f';
    }

    private void append(char c) throws SAXException {
        if (out.length() >= writeLimit) {
            limitReached = true;
            throw new WriteLimitReachedException(writeLimit);
        }
        out.append(c);
    }

    private static String name(String localName, String qName) {
        String n = localName == null || localName.isEmpty() ? qName : localName;
        int colon = n.indexOf(':');
        return (colon >= 0 ? n.substring(colon + 1) : n).toLowerCase(Locale.ROOT);
    }

    private static boolean hasClass(Attributes atts, String cls) {
        String value = atts.getValue("class");
        if (value == null) {
            value = atts.getValue("", "class");
        }
        if (value == null) {
            return false;
        }
        for (String c : value.trim().split("\\s+")) {
            if (c.equals(cls)) {
                return true;
            }
        }
        return false;
    }
}
