package org.rightstream.ingest.extract;

/**
 * Text extracted from an uploaded report, ready for {@link org.rightstream.ingest.clean.ReportCleaner}.
 *
 * @param text        the text; paragraphs separated by a blank line where the format shows them; when
 *                    {@code paginated}, a form feed ({@code \f}) marks the start of each page after the first
 * @param paginated   whether form feeds mark pages (PDF only)
 * @param contentType the media type detected from the bytes and the file name, without parameters
 *                    ("application/pdf", "text/plain", "text/x-web-markdown", ...)
 * @param language    ISO 639-1 code of the text's language ("en", "fr", ...) when the detector is
 *                    confident, else null
 */
public record ExtractedText(String text, boolean paginated, String contentType, String language) {
}
