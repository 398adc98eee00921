package org.rightstream.ingest.clean;

/**
 * One paragraph of cleaned text (a heading, a body paragraph, a list item) with its place in the
 * cleaned text and the page it starts on (0 when the format has no pages).
 */
public record Block(String text, int start, int end, int page) {
}
