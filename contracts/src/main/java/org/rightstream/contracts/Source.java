package org.rightstream.contracts;

/** Where a report came from: the uploaded file and whoever published it. */
public record Source(String fileName, String sha256, String contentType, String publisher) {
}
