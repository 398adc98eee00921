package org.rightstream.contracts;

/** A name found in a passage, with character offsets into the passage text. */
public record Entity(String text, Type type, int start, int end) {
    public enum Type { PERSON, ORG, PLACE, LAW }
}
