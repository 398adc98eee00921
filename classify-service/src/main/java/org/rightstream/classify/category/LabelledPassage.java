package org.rightstream.classify.category;

/** A passage with its weak label: the category its section heading maps to. The heading itself is not kept. */
public record LabelledPassage(String reportId, String category, String text) {
}
