package org.rightstream.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportRejectedException.Reason;
import org.rightstream.ingest.report.TextDecoder;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Extracts the text of an uploaded report with Apache Tika, in process.
 * <ul>
 *   <li>The type is detected from the bytes and the file name (Tika's detector; the bytes win when
 *       they are conclusive).</li>
 *   <li>Plain text and Markdown (any {@code text/*} but HTML and XML) are decoded as strict UTF-8 by
 *       {@link TextDecoder}: no charset guessing, so a report never reaches the index garbled.</li>
 *   <li>PDF, DOCX, DOC, ODT, RTF, EPUB and HTML go through Tika's parsers; the text keeps a blank line
 *       between paragraphs and, for PDF, a form feed at the start of each page after the first.
 *       Embedded documents (attachments, pictures) are not parsed and there is no OCR.</li>
 *   <li>Anything else is rejected with {@link Reason#UNSUPPORTED_TYPE}; encrypted, damaged or textless
 *       documents with {@link Reason#UNREADABLE}.</li>
 * </ul>
 * Thread-safe: one instance serves all uploads (the Tika configuration and parsers are built once,
 * in the constructor, which takes about a second; every call has its own handler and context).
 */
public final class DocumentExtractor {
    /**
     * Most characters taken from one document; a larger one is rejected rather than cut. Its text is copied
     * several times on its way to passages, so this bounds the heap one report takes (see
     * {@code rightstream.ingest.max-text-chars}).
     */
    public static final int DEFAULT_WRITE_LIMIT = 6_000_000;
    /**
     * Most bytes a zip-based document may hold unzipped. POI holds a DOCX part in memory whole, so this bounds
     * the heap one document takes; a 20 MB DOCX of pictures holds about 20 MB, one of 5 million characters of
     * text (the text limit) some 30-50 MB of XML.
     */
    public static final long DEFAULT_MAX_EXPANDED_BYTES = 64L * 1024 * 1024;
    /** How much of the text the language detector reads. */
    static final int LANGUAGE_SAMPLE_CHARS = 20_000;

    static final String SUPPORTED_FORMATS =
            "PDF, Word (DOCX, DOC), OpenDocument text (ODT), RTF, EPUB, HTML, plain text and Markdown (UTF-8)";

    private static final MediaType PDF = MediaType.application("pdf");
    private static final MediaType HTML = MediaType.text("html");
    private static final MediaType XHTML = MediaType.application("xhtml+xml");
    private static final MediaType XML = MediaType.application("xml");
    private static final MediaType EPUB = MediaType.application("epub+zip");
    private static final MediaType OOXML_PROTECTED = MediaType.application("x-tika-ooxml-protected");
    private static final MediaType OCTET_STREAM = MediaType.OCTET_STREAM;
    /** Document types parsed by Tika (and their specialisations in Tika's type registry). */
    private static final List<MediaType> DOCUMENT_TYPES = List.of(
            PDF, HTML, XHTML, EPUB,
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.template"),
            MediaType.application("vnd.ms-word.document.macroenabled.12"),
            MediaType.application("vnd.ms-word.template.macroenabled.12"),
            MediaType.application("msword"),
            MediaType.application("vnd.oasis.opendocument.text"),
            MediaType.application("vnd.oasis.opendocument.text-template"),
            MediaType.application("vnd.oasis.opendocument.flat.text"),
            MediaType.application("rtf"));

    /**
     * Tika's default parsers without OCR: the result must not depend on whether a Tesseract binary
     * happens to be installed, and OCR of a 100-page scan would take minutes.
     */
    private static final String TIKA_CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <properties>
              <parsers>
                <parser class="org.apache.tika.parser.DefaultParser">
                  <parser-exclude class="org.apache.tika.parser.ocr.TesseractOCRParser"/>
                </parser>
              </parsers>
            </properties>
            """;

    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+(?=\n|\f|$)");
    private static final Pattern TWO_LETTERS = Pattern.compile("[a-z]{2}");

    private final int maxBytes;
    private final int writeLimit;
    private final long maxExpandedBytes;
    private final AutoDetectParser parser;
    private final Detector detector;
    private final MediaTypeRegistry registry;

    public DocumentExtractor(int maxBytes) {
        this(maxBytes, DEFAULT_WRITE_LIMIT);
    }

    public DocumentExtractor(int maxBytes, int writeLimit) {
        this(maxBytes, writeLimit, DEFAULT_MAX_EXPANDED_BYTES);
    }

    /** @param maxExpandedBytes the most a zip-based document (DOCX, ODT, EPUB) may hold once unzipped */
    public DocumentExtractor(int maxBytes, int writeLimit, long maxExpandedBytes) {
        if (maxBytes <= 0 || writeLimit <= 0 || maxExpandedBytes <= 0) {
            throw new IllegalArgumentException("maxBytes, writeLimit and maxExpandedBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.writeLimit = writeLimit;
        this.maxExpandedBytes = maxExpandedBytes;
        try {
            TikaConfig config = new TikaConfig(new ByteArrayInputStream(TIKA_CONFIG.getBytes(StandardCharsets.UTF_8)));
            this.parser = new AutoDetectParser(config);
            this.detector = config.getDetector();
            this.registry = config.getMediaTypeRegistry();
        } catch (TikaException | IOException | SAXException e) {
            throw new IllegalStateException("cannot configure Apache Tika: " + e.getMessage(), e);
        }
        // Load the language profiles now rather than on the first upload.
        new OptimaizeLangDetector().loadModels();
    }

    /**
     * @param fileName the uploaded file's name (a hint for the type; may be null)
     * @param bytes    the file's content
     * @throws ReportRejectedException when the file is empty, too large, of an unsupported type,
     *                                 encrypted, damaged or without text
     */
    public ExtractedText extract(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ReportRejectedException(Reason.EMPTY, "the file is empty");
        }
        if (bytes.length > maxBytes) {
            throw new ReportRejectedException(Reason.TOO_LARGE,
                    "the file has " + bytes.length + " bytes, more than the limit of " + maxBytes + " bytes");
        }
        MediaType type = detect(fileName, bytes);
        if (registry.isInstanceOf(type, HTML) && isMarkdown(detect(fileName, null))) {
            // Markdown may start with raw HTML ("<h1>", "<div>"), which Tika's magic takes for an HTML
            // page; parsing it as HTML would fold its lines together. The .md name is meant.
            type = detect(fileName, null);
        }
        String contentType = type.toString();
        if (isPlainText(type)) {
            if (OCTET_STREAM.equals(detect(null, bytes))) {
                // Only the name says text: the bytes have control characters no text file has.
                throw new ReportRejectedException(Reason.UNSUPPORTED_TYPE,
                        "the file is named like text (" + contentType + ") but contains binary data; supported formats: "
                                + SUPPORTED_FORMATS);
            }
            String text = TextDecoder.decode(bytes);
            if (text.length() > writeLimit) {
                // The same limit as for the text of any other document: what the heap can take.
                throw writeLimitRejection();
            }
            requireText(text, contentType);
            return new ExtractedText(text, false, contentType, language(text));
        }
        if (registry.isInstanceOf(type, OOXML_PROTECTED)) {
            throw new ReportRejectedException(Reason.UNREADABLE,
                    "the document is encrypted (password-protected); save an unprotected copy and upload that");
        }
        if (!isDocument(type)) {
            throw new ReportRejectedException(Reason.UNSUPPORTED_TYPE,
                    "unsupported file type " + contentType + "; supported formats: " + SUPPORTED_FORMATS);
        }
        if ((registry.isInstanceOf(type, HTML) || registry.isInstanceOf(type, XHTML))
                && OCTET_STREAM.equals(detect(null, bytes))) {
            // Only the name says HTML: the HTML parser would guess a charset and publish the bytes as garbled text.
            throw new ReportRejectedException(Reason.UNSUPPORTED_TYPE, "the file is named like an HTML page ("
                    + contentType + ") but contains binary data; supported formats: " + SUPPORTED_FORMATS);
        }
        ZipExpansion.requireWithin(bytes, maxExpandedBytes, label(type));
        boolean pdf = registry.isInstanceOf(type, PDF);
        boolean html = registry.isInstanceOf(type, HTML) || registry.isInstanceOf(type, XHTML)
                || registry.isInstanceOf(type, EPUB);
        String text = parse(fileName, bytes, type, pdf, html);
        requireText(text, contentType);
        return new ExtractedText(text, pdf, contentType, language(text));
    }

    /** The type from the bytes and the name; from the name alone when bytes is null. */
    private MediaType detect(String fileName, byte[] bytes) {
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        if (bytes == null) {
            try {
                return detector.detect(null, metadata).getBaseType();
            } catch (IOException e) {
                return OCTET_STREAM;
            }
        }
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return detector.detect(in, metadata).getBaseType();
        } catch (IOException e) {
            throw new ReportRejectedException(Reason.UNREADABLE,
                    "the file's type could not be detected: " + plainCause(e));
        }
    }

    private boolean isPlainText(MediaType type) {
        return type.getType().equals("text")
                && !registry.isInstanceOf(type, HTML)
                && !registry.isInstanceOf(type, XML)
                && !type.getSubtype().endsWith("xml");
    }

    private static boolean isMarkdown(MediaType type) {
        return type.getType().equals("text") && type.getSubtype().contains("markdown");
    }

    private boolean isDocument(MediaType type) {
        for (MediaType t : DOCUMENT_TYPES) {
            if (registry.isInstanceOf(type, t)) {
                return true;
            }
        }
        return false;
    }

    private String parse(String fileName, byte[] bytes, MediaType type, boolean pdf, boolean html) {
        TextContentHandler handler = new TextContentHandler(writeLimit, pdf, html);
        Metadata metadata = new Metadata();
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            parser.parse(in, handler, metadata, context());
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw rejection(e, handler, type);
        }
        if (handler.limitReached()) {
            throw writeLimitRejection();
        }
        String text = tidy(handler.text());
        if (isBlank(text)) {
            // A damaged PDF may parse "successfully" with its errors recorded as warnings.
            String warning = metadata.get(TikaCoreProperties.TIKA_META_EXCEPTION_WARNING);
            if (warning != null) {
                throw new ReportRejectedException(Reason.UNREADABLE,
                        "the " + label(type) + " is damaged and no text could be read from it: " + firstLine(warning));
            }
        }
        return text;
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        // The outline and form fields would be appended after the last page, repeating headings.
        pdf.setExtractBookmarksText(false);
        pdf.setExtractAcroFormContent(false);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        context.set(EmbeddedDocumentExtractor.class, NoEmbedded.INSTANCE);
        return context;
    }

    private ReportRejectedException rejection(Exception e, TextContentHandler handler, MediaType type) {
        if (handler.limitReached() || WriteLimitReachedException.isWriteLimitReached(e)) {
            return writeLimitRejection();
        }
        if (causedBy(e, EncryptedDocumentException.class)) {
            return new ReportRejectedException(Reason.UNREADABLE, registry.isInstanceOf(type, PDF)
                    ? "the PDF is encrypted (password-protected); remove the password (save or print an unprotected copy) and upload that"
                    : "the document is encrypted (password-protected); save an unprotected copy and upload that");
        }
        if (mentions(e, "zip bomb")) {
            return new ReportRejectedException(Reason.UNREADABLE,
                    "the file expands to far more content than its size suggests (suspected zip bomb); it was not read: "
                            + plainCause(e));
        }
        return new ReportRejectedException(Reason.UNREADABLE,
                "the " + label(type) + " could not be read, it may be damaged or truncated: " + plainCause(e));
    }

    private ReportRejectedException writeLimitRejection() {
        return new ReportRejectedException(Reason.TOO_LARGE,
                "the document holds more than " + writeLimit + " characters of text, the most one report may have");
    }

    private static void requireText(String text, String contentType) {
        if (isBlank(text)) {
            if (contentType.startsWith("text/")) {
                throw new ReportRejectedException(Reason.EMPTY, "the file contains no text, only white space");
            }
            throw new ReportRejectedException(Reason.UNREADABLE, contentType.startsWith("text/")
                    ? "the file contains no text, only white space"
                    : "no text could be extracted (scanned image? OCR is not supported): upload a file with a text layer");
        }
    }

    /** Unix line ends, no trailing spaces, at most one blank line in a row; form feeds kept. */
    static String tidy(String raw) {
        String t = raw.replace("\r\n", "\n").replace('\r', '\n');
        t = TRAILING_SPACE.matcher(t).replaceAll("");
        t = BLANK_LINES.matcher(t).replaceAll("\n\n");
        // String.strip() would also remove form feeds, and with them an empty first or last page.
        int start = 0;
        int end = t.length();
        while (start < end && isTrimmable(t.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(start, end);
    }

    private static boolean isTrimmable(char c) {
        return c == ' ' || c == '\n' || c == '\t';
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** ISO 639-1 code of the language when the detector is reasonably certain, else null. */
    static String language(String text) {
        String sample = text.length() > LANGUAGE_SAMPLE_CHARS ? text.substring(0, LANGUAGE_SAMPLE_CHARS) : text;
        sample = sample.replace('\f', '\n');
        // One detector per call: the models are shared (loaded once per JVM), the buffer is not.
        LanguageResult result = new OptimaizeLangDetector(LANGUAGE_SAMPLE_CHARS).loadModels().detect(sample);
        if (result == null || result.isUnknown() || !result.isReasonablyCertain()) {
            return null;
        }
        String code = result.getLanguage().toLowerCase(Locale.ROOT);
        int dash = code.indexOf('-');
        if (dash > 0) {
            code = code.substring(0, dash);
        }
        return TWO_LETTERS.matcher(code).matches() ? code : null;
    }

    private static String label(MediaType type) {
        String s = type.getSubtype();
        if (s.equals("pdf")) {
            return "PDF";
        }
        if (s.contains("wordprocessingml") || s.startsWith("vnd.ms-word")) {
            return "Word document (DOCX)";
        }
        if (s.equals("msword")) {
            return "Word document (DOC)";
        }
        if (s.contains("opendocument")) {
            return "OpenDocument text";
        }
        if (s.equals("rtf")) {
            return "RTF document";
        }
        if (s.equals("epub+zip")) {
            return "EPUB book";
        }
        if (s.equals("html") || s.equals("xhtml+xml")) {
            return "HTML page";
        }
        return type + " file";
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (int depth = 0; t != null && depth < 50; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable t, String words) {
        for (int depth = 0; t != null && depth < 50; t = t.getCause(), depth++) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The innermost cause's message, without the parser class names Tika puts in its own messages
     * ("TIKA-198: Illegal IOException from org.apache...").
     */
    static String plainCause(Throwable e) {
        String message = null;
        String kind = e.getClass().getSimpleName();
        for (int depth = 0; e != null && depth < 50; e = e.getCause(), depth++) {
            if (e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().startsWith("TIKA-")) {
                message = e.getMessage();
                kind = e.getClass().getSimpleName();
            }
        }
        if (message == null) {
            return kind;
        }
        message = firstLine(message);
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl > 0 ? t.substring(0, nl).strip() : t;
    }

    /** Pictures, attachments and other embedded files are not parsed: reports are read for their own text. */
    private enum NoEmbedded implements EmbeddedDocumentExtractor {
        INSTANCE;

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // never called: shouldParseEmbedded is false
        }
    }
}
