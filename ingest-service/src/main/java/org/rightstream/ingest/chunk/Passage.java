package org.rightstream.ingest.chunk;

/** A span of the cleaned report text that becomes one chunk message. */
public record Passage(String text, int charStart, int charEnd) {
}
