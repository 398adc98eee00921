package org.rightstream.ingest.incoming;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.ingest.incoming.InvalidIncomingReportException.Problem;
import org.rightstream.ingest.report.FileNames;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportUpload;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Turns one {@code reports.incoming} message (headers and value) into a {@link ReportUpload}: either the
 * document itself is the value, or the value is a JSON reference to a file in the drop folder (see
 * {@link IncomingReportsListener} for both forms). No Spring; the Kafka {@link Headers} type only.
 */
public final class IncomingReportReader {
    public static final String FILE_NAME = "fileName";
    public static final String CONTENT_TYPE = "contentType";
    public static final String COUNTRY = "country";
    public static final String YEAR = "year";
    public static final String TITLE = "title";
    public static final String PUBLISHER = "publisher";
    public static final String ALLOW_DUPLICATE = "allowDuplicate";

    /** The {@code contentType} header value that marks the message value as a file reference. */
    public static final String FILE_REF_CONTENT_TYPE = "application/vnd.rightstream.file-ref+json";
    /** A value this size or larger is never taken for a file reference unless its content type says so. */
    public static final int MAX_REFERENCE_BYTES = 64 * 1024;

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;

    private static final ObjectReader JSON = RightstreamJson.mapper().readerFor(JsonNode.class)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final DropShare dropShare;

    public IncomingReportReader(DropShare dropShare) {
        this.dropShare = dropShare;
    }

    /** A parsed file reference: the relative path plus the metadata it gives (null where it gives none). */
    public record FileReference(String file, String contentType, String country, Integer year, String title,
                                String publisher, Boolean allowDuplicate) {
    }

    /**
     * @throws InvalidIncomingReportException when the message is malformed as a message
     * @throws ReportRejectedException        ({@code EMPTY}) when the message has no value at all
     */
    public ReportUpload read(Headers headers, byte[] value) {
        String contentType = header(headers, CONTENT_TYPE);
        Optional<FileReference> reference;
        if (contentType != null && mediaType(contentType).equals(FILE_REF_CONTENT_TYPE)) {
            reference = Optional.of(parseReference(value));
        } else if (contentType == null || isJson(contentType)) {
            reference = sniffReference(value);
        } else {
            reference = Optional.empty();
        }
        if (reference.isPresent()) {
            return fromReference(reference.get(), headers, contentType);
        }
        if (value == null || value.length == 0) {
            throw new ReportRejectedException(ReportRejectedException.Reason.EMPTY,
                    "the message value is empty: it carries no document and no file reference");
        }
        String fileName = header(headers, FILE_NAME);
        if (fileName == null) {
            throw new InvalidIncomingReportException(Problem.MISSING_FILE_NAME, "the message has no " + FILE_NAME
                    + " header: a document sent as the message value needs one (or send a JSON file reference with"
                    + " contentType " + FILE_REF_CONTENT_TYPE + ")");
        }
        // Only a label, but the sender chooses it: no path segments or control characters get through.
        return new ReportUpload(FileNames.plain(fileName), value, contentType, header(headers, COUNTRY), year(header(headers, YEAR),
                "header"), header(headers, TITLE), header(headers, PUBLISHER), allowDuplicate(header(headers, ALLOW_DUPLICATE)));
    }

    private ReportUpload fromReference(FileReference ref, Headers headers, String headerContentType) {
        byte[] content = dropShare.read(ref.file());
        String contentType = ref.contentType() != null ? ref.contentType()
                : headerContentType != null && !isJson(headerContentType)
                  && !mediaType(headerContentType).equals(FILE_REF_CONTENT_TYPE) ? headerContentType : null;
        return new ReportUpload(ref.file(), content, contentType,
                ref.country() != null ? ref.country() : header(headers, COUNTRY),
                ref.year() != null ? ref.year() : year(header(headers, YEAR), "header"),
                ref.title() != null ? ref.title() : header(headers, TITLE),
                ref.publisher() != null ? ref.publisher() : header(headers, PUBLISHER),
                ref.allowDuplicate() != null ? ref.allowDuplicate() : allowDuplicate(header(headers, ALLOW_DUPLICATE)));
    }

    /**
     * A value without a content type (or with a JSON one) is a reference when it is small, is a JSON object
     * and has a {@code "file"} field; anything else is a document.
     */
    static Optional<FileReference> sniffReference(byte[] value) {
        if (value == null || value.length == 0 || value.length >= MAX_REFERENCE_BYTES || !startsLikeAnObject(value)) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readValue(value);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !node.has("file")) {
            return Optional.empty();
        }
        return Optional.of(reference(node));
    }

    /** Parses a value declared to be a reference; anything but a valid reference is an error. */
    static FileReference parseReference(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidIncomingReportException(Problem.INVALID_REFERENCE,
                    "the message is marked as a file reference but its value is empty");
        }
        if (value.length >= MAX_REFERENCE_BYTES) {
            throw new InvalidIncomingReportException(Problem.INVALID_REFERENCE, "the message is marked as a file"
                    + " reference but its value has " + value.length + " bytes; a reference is under "
                    + MAX_REFERENCE_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = JSON.readValue(value);
        } catch (JacksonException e) {
            throw new InvalidIncomingReportException(Problem.INVALID_REFERENCE,
                    "the file reference is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidIncomingReportException(Problem.INVALID_REFERENCE,
                    "the file reference must be a JSON object like {\"file\": \"relative/path.pdf\"}");
        }
        if (!node.has("file")) {
            throw new InvalidIncomingReportException(Problem.INVALID_REFERENCE,
                    "the file reference has no \"file\" field naming a file in the drop folder");
        }
        return reference(node);
    }

    private static FileReference reference(JsonNode node) {
        JsonNode file = node.get("file");
        if (!file.isString() || file.stringValue().isBlank()) {
            throw new InvalidIncomingReportException(Problem.INVALID_REFERENCE,
                    "the \"file\" field of the file reference must be a non-empty string (a path relative to the drop folder)");
        }
        return new FileReference(file.stringValue(), text(node, "contentType"), text(node, COUNTRY),
                jsonYear(node), text(node, TITLE), text(node, PUBLISHER), jsonAllowDuplicate(node));
    }

    private static Boolean jsonAllowDuplicate(JsonNode node) {
        JsonNode v = node.get(ALLOW_DUPLICATE);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isString()) {
            return allowDuplicate(blankToNull(v.stringValue()));
        }
        throw new InvalidIncomingReportException(Problem.INVALID_HEADER,
                "the \"allowDuplicate\" field of the file reference must be true or false, not " + v);
    }

    static boolean allowDuplicate(String text) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidIncomingReportException(Problem.INVALID_HEADER,
                "the allowDuplicate header must be true or false, not '" + abbreviate(text) + "'");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new InvalidIncomingReportException(Problem.INVALID_HEADER,
                    "the \"" + field + "\" field of the file reference must be a string");
        }
        return blankToNull(v.stringValue());
    }

    private static Integer jsonYear(JsonNode node) {
        JsonNode v = node.get(YEAR);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return year(blankToNull(v.stringValue()), "field");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidIncomingReportException(Problem.INVALID_HEADER,
                    "the \"year\" field of the file reference must be a whole number like 2024, not " + v);
        }
        return checkYear(v.intValue(), "field");
    }

    static Integer year(String text, String what) {
        if (text == null) {
            return null;
        }
        int year;
        try {
            year = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidIncomingReportException(Problem.INVALID_HEADER,
                    "the year " + what + " must be a year like 2024, not '" + abbreviate(text) + "'");
        }
        return checkYear(year, what);
    }

    private static int checkYear(int year, String what) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidIncomingReportException(Problem.INVALID_HEADER,
                    "the year " + what + " is " + year + "; a report year is between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return year;
    }

    /** The last header with that name as UTF-8 text, stripped; null when absent or blank. */
    static String header(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header h = headers.lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        return blankToNull(new String(h.value(), StandardCharsets.UTF_8));
    }

    private static boolean startsLikeAnObject(byte[] value) {
        int i = 0;
        if (value.length >= 3 && (value[0] & 0xFF) == 0xEF && (value[1] & 0xFF) == 0xBB && (value[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < value.length && (value[i] == ' ' || value[i] == '\t' || value[i] == '\r' || value[i] == '\n')) {
            i++;
        }
        return i < value.length && value[i] == '{';
    }

    private static boolean isJson(String contentType) {
        String type = mediaType(contentType);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
