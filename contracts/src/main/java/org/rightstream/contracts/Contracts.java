package org.rightstream.contracts;

final class Contracts {
    private Contracts() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidMessageException(message);
        }
    }

    static void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field + " is missing or blank");
    }
}
