package org.rightstream.ingest.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rightstream.ingest.incoming.InvalidIncomingReportException.Problem;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportUpload;

class IncomingReportReaderTest {
    @TempDir
    Path inbox;
    IncomingReportReader reader;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(inbox.resolve("refs"));
        Files.writeString(inbox.resolve("refs/kz.txt"), "KAZAKHSTAN 2012 HUMAN RIGHTS REPORT", StandardCharsets.UTF_8);
        reader = new IncomingReportReader(new DropShare(inbox, 1024));
    }

    private static Headers headers(String... nameValues) {
        RecordHeaders h = new RecordHeaders();
        for (int i = 0; i < nameValues.length; i += 2) {
            h.add(nameValues[i], nameValues[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return h;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static InvalidIncomingReportException invalid(Runnable r) {
        try {
            r.run();
        } catch (InvalidIncomingReportException e) {
            return e;
        }
        throw new AssertionError("no InvalidIncomingReportException");
    }

    @Test
    void documentValueWithHeadersBecomesAnUpload() {
        byte[] doc = utf8("some report text");

        ReportUpload u = reader.read(headers("fileName", " kz-2012.txt ", "contentType", "text/plain",
                "country", "Kazakhstan", "year", "2012", "title", "Kazakhstan 2012", "publisher", "US DoS"), doc);

        assertThat(u.fileName()).isEqualTo("kz-2012.txt");
        assertThat(u.content()).isSameAs(doc);
        assertThat(u.contentType()).isEqualTo("text/plain");
        assertThat(u.country()).isEqualTo("Kazakhstan");
        assertThat(u.year()).isEqualTo(2012);
        assertThat(u.title()).isEqualTo("Kazakhstan 2012");
        assertThat(u.publisher()).isEqualTo("US DoS");
    }

    @Test
    void allowDuplicateComesFromHeaderOrJsonField() {
        assertThat(reader.read(headers("fileName", "a.txt"), utf8("t")).allowDuplicate()).isFalse();
        assertThat(reader.read(headers("fileName", "a.txt", "allowDuplicate", "TRUE"), utf8("t")).allowDuplicate()).isTrue();
        assertThat(reader.read(headers("allowDuplicate", "true"), utf8("{\"file\": \"refs/kz.txt\", \"allowDuplicate\": false}"))
                .allowDuplicate()).isFalse();
        assertThat(reader.read(headers(), utf8("{\"file\": \"refs/kz.txt\", \"allowDuplicate\": true}")).allowDuplicate()).isTrue();
        assertThat(invalid(() -> reader.read(headers("fileName", "a.txt", "allowDuplicate", "yes"), utf8("t"))).problem())
                .isEqualTo(Problem.INVALID_HEADER);
    }

    @Test
    void optionalHeadersMayBeAbsentOrBlank() {
        ReportUpload u = reader.read(headers("fileName", "a.txt", "country", "  ", "year", ""), utf8("text"));

        assertThat(u.contentType()).isNull();
        assertThat(u.country()).isNull();
        assertThat(u.year()).isNull();
        assertThat(u.title()).isNull();
    }

    @Test
    void documentWithoutFileNameIsInvalid() {
        InvalidIncomingReportException e = invalid(() -> reader.read(headers("country", "X"), utf8("text")));

        assertThat(e.problem()).isEqualTo(Problem.MISSING_FILE_NAME);
        assertThat(e.getMessage()).contains("fileName");
        assertThat(invalid(() -> reader.read(null, utf8("text"))).problem()).isEqualTo(Problem.MISSING_FILE_NAME);
    }

    @Test
    void emptyValueIsAnEmptyReport() {
        assertThatThrownBy(() -> reader.read(headers("fileName", "a.txt"), new byte[0]))
                .isInstanceOf(ReportRejectedException.class)
                .satisfies(e -> assertThat(((ReportRejectedException) e).reason()).isEqualTo(ReportRejectedException.Reason.EMPTY));
        assertThatThrownBy(() -> reader.read(headers(), null)).isInstanceOf(ReportRejectedException.class);
    }

    @Test
    void invalidYearHeaderIsInvalid() {
        for (String year : new String[] {"twenty", "2012.5", "1850", "12345", "-2012"}) {
            InvalidIncomingReportException e = invalid(() -> reader.read(headers("fileName", "a.txt", "year", year),
                    utf8("text")));
            assertThat(e.problem()).as(year).isEqualTo(Problem.INVALID_HEADER);
            assertThat(e.getMessage()).as(year).contains("year");
        }
    }

    @Test
    void jsonReferenceIsDetectedWithoutAContentTypeAndReadFromTheDropFolder() {
        ReportUpload u = reader.read(headers(), utf8("{\"file\": \"refs/kz.txt\", \"country\": \"Kazakhstan\","
                + " \"year\": 2012, \"title\": \"T\", \"publisher\": \"P\", \"extra\": [1, 2]}"));

        assertThat(u.fileName()).isEqualTo("refs/kz.txt");
        assertThat(u.content()).asString(StandardCharsets.UTF_8).isEqualTo("KAZAKHSTAN 2012 HUMAN RIGHTS REPORT");
        assertThat(u.country()).isEqualTo("Kazakhstan");
        assertThat(u.year()).isEqualTo(2012);
        assertThat(u.title()).isEqualTo("T");
        assertThat(u.publisher()).isEqualTo("P");
        assertThat(u.contentType()).isNull();
    }

    @Test
    void jsonReferenceWithTheFileRefContentTypeTakesMissingMetadataFromHeaders() {
        ReportUpload u = reader.read(headers("contentType", IncomingReportReader.FILE_REF_CONTENT_TYPE + "; charset=utf-8",
                        "country", "Chile", "year", "2020", "publisher", "NGO"),
                utf8("\uFEFF  {\"file\": \"refs/kz.txt\", \"year\": \"2019\", \"contentType\": \"text/plain\"}"));

        assertThat(u.country()).isEqualTo("Chile");
        assertThat(u.year()).isEqualTo(2019);
        assertThat(u.publisher()).isEqualTo("NGO");
        assertThat(u.contentType()).isEqualTo("text/plain");
    }

    @Test
    void referenceEscapingTheDropFolderIsInvalid() {
        InvalidIncomingReportException e = invalid(() -> reader.read(headers(), utf8("{\"file\": \"../../etc/passwd\"}")));

        assertThat(e.problem()).isEqualTo(Problem.OUTSIDE_DROP_FOLDER);
        assertThat(e.getMessage()).contains("drop folder").contains("../../etc/passwd");
        assertThat(invalid(() -> reader.read(headers(), utf8("{\"file\": \"/etc/passwd\"}"))).problem())
                .isEqualTo(Problem.OUTSIDE_DROP_FOLDER);
        assertThat(invalid(() -> reader.read(headers(), utf8("{\"file\": \"refs/missing.pdf\"}"))).problem())
                .isEqualTo(Problem.FILE_NOT_FOUND);
    }

    @Test
    void declaredReferencesMustBeValid() {
        String ref = IncomingReportReader.FILE_REF_CONTENT_TYPE;
        assertThat(invalid(() -> reader.read(headers("contentType", ref), utf8("not json"))).problem())
                .isEqualTo(Problem.INVALID_REFERENCE);
        assertThat(invalid(() -> reader.read(headers("contentType", ref), utf8("[\"refs/kz.txt\"]"))).problem())
                .isEqualTo(Problem.INVALID_REFERENCE);
        assertThat(invalid(() -> reader.read(headers("contentType", ref), utf8("{\"path\": \"refs/kz.txt\"}"))).getMessage())
                .contains("\"file\"");
        assertThat(invalid(() -> reader.read(headers("contentType", ref), new byte[0])).problem())
                .isEqualTo(Problem.INVALID_REFERENCE);
        assertThat(invalid(() -> reader.read(headers("contentType", ref), utf8("{\"file\": 42}"))).problem())
                .isEqualTo(Problem.INVALID_REFERENCE);
        assertThat(invalid(() -> reader.read(headers("contentType", ref), utf8("{\"file\": \"a\", \"file\": \"b\"}")))
                .getMessage()).containsIgnoringCase("duplicate");
        assertThat(invalid(() -> reader.read(headers("contentType", ref),
                utf8("{\"file\": \"refs/kz.txt\", \"year\": 20.5}"))).problem()).isEqualTo(Problem.INVALID_HEADER);
        assertThat(invalid(() -> reader.read(headers("contentType", ref),
                utf8("{\"file\": \"refs/kz.txt\", \"country\": 7}"))).problem()).isEqualTo(Problem.INVALID_HEADER);
    }

    @Test
    void valuesThatOnlyLookLikeJsonAreDocuments() {
        // a JSON object without "file", braces in text, a large value, or a declared non-JSON type: all documents
        assertThat(reader.read(headers("fileName", "a.json"), utf8("{\"report\": \"x\"}")).fileName()).isEqualTo("a.json");
        assertThat(reader.read(headers("fileName", "a.txt"), utf8("{ not json at all")).fileName()).isEqualTo("a.txt");
        assertThat(reader.read(headers("fileName", "a.txt", "contentType", "text/plain"),
                utf8("{\"file\": \"refs/kz.txt\"}")).fileName()).isEqualTo("a.txt");
        byte[] big = utf8("{\"file\": \"refs/kz.txt\", \"pad\": \"" + "x".repeat(IncomingReportReader.MAX_REFERENCE_BYTES)
                + "\"}");
        assertThat(reader.read(headers("fileName", "big.json"), big).content()).isSameAs(big);
        assertThat(IncomingReportReader.sniffReference(utf8("{\"file\": \"refs/kz.txt\"}")))
                .contains(new IncomingReportReader.FileReference("refs/kz.txt", null, null, null, null, null, null));
        assertThat(IncomingReportReader.sniffReference(utf8("{\"file\": \"x\"} trailing"))).isEmpty();
    }
}
