package org.rightstream.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.ingest.clean.Block;
import org.rightstream.ingest.clean.CleanDocument;
import org.rightstream.ingest.clean.ReportCleaner;
import org.rightstream.ingest.report.ReportRejectedException;
import org.rightstream.ingest.report.ReportRejectedException.Reason;

/** Every document is generated here (PDFBox, POI, hand-written zips): nothing binary is committed. */
class DocumentExtractorTest {
    private static final int MAX_BYTES = 5_000_000;
    private static final String HEADER = "Monitoring Review 2031";
    private static final List<List<String>> PAGES = List.of(
            List.of("Arbitrary detention remained widespread during the year, and the authorities held",
                    "hundreds of people without charge in overcrowded facilities far from their families.",
                    "",
                    "Lawyers reported that detainees were often denied access to counsel for weeks, and",
                    "courts rarely examined the legality of detention before the trial began."),
            List.of("Journalists faced harassment, surveillance and criminal defamation charges for their",
                    "reporting on corruption, and several independent newspapers were forced to close.",
                    "",
                    "The government blocked access to news websites during the protests and required",
                    "internet providers to retain the browsing history of their customers for a year."),
            List.of("Elections for the national assembly were neither free nor fair according to observers,",
                    "who documented vote buying, intimidation of candidates and restrictions on campaigning.",
                    "",
                    "Opposition parties were denied registration, and the electoral commission rejected",
                    "complaints about irregularities without any public hearing or written explanation."));

    private static DocumentExtractor extractor;

    @BeforeAll
    static void setUp() {
        extractor = new DocumentExtractor(MAX_BYTES);
    }

    // ---------------------------------------------------------------- PDF

    @Test
    void pdfPagesAreMarkedWithFormFeedsAndTheLanguageIsDetected() throws IOException {
        ExtractedText result = extractor.extract("country-report-2031.pdf", reportPdf());

        assertThat(result.paginated()).isTrue();
        assertThat(result.contentType()).isEqualTo("application/pdf");
        assertThat(result.language()).isEqualTo("en");
        assertThat(result.text().chars().filter(c -> c == '\f').count()).isEqualTo(2);
        String[] pages = result.text().split("\f", -1);
        assertThat(pages).hasSize(3);
        for (int p = 0; p < 3; p++) {
            assertThat(pages[p]).contains(HEADER).contains(String.valueOf(p + 1));
        }
        assertThat(pages[0]).contains("Arbitrary detention remained widespread").contains("legality of detention");
        assertThat(pages[1]).contains("Journalists faced harassment").contains("browsing history");
        assertThat(pages[2]).contains("Elections for the national assembly").contains("written explanation");
        String text = result.text();
        assertThat(text.indexOf("Arbitrary")).isLessThan(text.indexOf("Journalists"));
        assertThat(text.indexOf("Journalists")).isLessThan(text.indexOf("Elections"));
    }

    @Test
    void pdfTextCleansIntoParagraphsWithoutRunningHeadersOrPageNumbers() throws IOException {
        ExtractedText result = extractor.extract("country-report-2031.pdf", reportPdf());

        CleanDocument clean = new ReportCleaner().clean(result.text(), result.paginated());

        assertThat(clean.blocks()).isNotEmpty();
        for (Block b : clean.blocks()) {
            assertThat(b.text()).doesNotContain(HEADER);
            assertThat(b.text().strip()).doesNotMatch("\\d+");
            assertThat(b.page()).isBetween(1, 3);
        }
        assertThat(clean.blocks().stream().map(Block::page).collect(Collectors.toSet())).isEqualTo(Set.of(1, 2, 3));
        // The two-line paragraphs are joined back together, each on its page.
        assertThat(clean.blocks()).anySatisfy(b -> {
            assertThat(b.text()).contains("held hundreds of people without charge");
            assertThat(b.page()).isEqualTo(1);
        });
        assertThat(clean.blocks()).anySatisfy(b -> {
            assertThat(b.text()).startsWith("Elections for the national assembly");
            assertThat(b.page()).isEqualTo(3);
        });
    }

    @Test
    void encryptedPdfIsUnreadable() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            addTextPage(doc, List.of("Confidential submission on prison conditions."), 1);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            pdf = save(doc);
        }

        assertRejected("secret.pdf", pdf, Reason.UNREADABLE, "encrypted");
    }

    @Test
    void pdfWithOnlyAnOwnerPasswordIsRead() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            addTextPage(doc, List.of("Public report with printing restrictions only."), 1);
            AccessPermission permissions = new AccessPermission();
            permissions.setCanPrint(false);
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permissions);
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            pdf = save(doc);
        }

        assertThat(extractor.extract("restricted.pdf", pdf).text()).contains("Public report with printing restrictions only.");
    }

    @Test
    void truncatedPdfIsUnreadable() throws IOException {
        byte[] pdf = reportPdf();

        assertRejected("truncated.pdf", Arrays.copyOf(pdf, 400), Reason.UNREADABLE, "PDF");
        byte[] corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\ngarbage garbage\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertRejected("corrupt.pdf", corrupt, Reason.UNREADABLE, "PDF");
    }

    @Test
    void pdfWithoutTextLayerIsUnreadableBecauseThereIsNoOcr() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.addRect(100, 100, 300, 400);
                cs.fill();
            }
            pdf = save(doc);
        }

        assertRejected("scan.pdf", pdf, Reason.UNREADABLE, "OCR");
    }

    // ---------------------------------------------------------------- office and web formats

    @Test
    void docxParagraphsAreSeparatedByABlankLine() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph heading = doc.createParagraph();
            XWPFRun run = heading.createRun();
            run.setBold(true);
            run.setText("Freedom of Expression");
            doc.createParagraph().createRun().setText("The constitution provides for freedom of expression, but the government restricted it in practice.");
            doc.createParagraph().createRun().setText("Independent media were active and expressed a wide variety of views with some restrictions.");
            docx = save(doc);
        }

        ExtractedText result = extractor.extract("report.docx", docx);

        assertThat(result.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(result.paginated()).isFalse();
        assertThat(result.text()).isEqualTo("""
                Freedom of Expression

                The constitution provides for freedom of expression, but the government restricted it in practice.

                Independent media were active and expressed a wide variety of views with some restrictions.""");
        assertThat(result.language()).isEqualTo("en");
    }

    @Test
    void passwordProtectedDocxIsUnreadable() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Confidential list of detainees.");
            docx = save(doc);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(out);
        }

        assertRejected("protected.docx", out.toByteArray(), Reason.UNREADABLE, "encrypted");
    }

    @Test
    void odtParagraphsAreSeparatedByABlankLine() throws IOException {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                  <office:body><office:text>
                    <text:h text:outline-level="1">Prison Conditions</text:h>
                    <text:p>Conditions in prisons were harsh and sometimes life threatening.</text:p>
                    <text:p>Authorities did not permit independent monitoring of the facilities.</text:p>
                  </office:text></office:body>
                </office:document-content>
                """;
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        byte[] odt = zip("application/vnd.oasis.opendocument.text",
                "META-INF/manifest.xml", manifest, "content.xml", content);

        ExtractedText result = extractor.extract("report.odt", odt);

        assertThat(result.contentType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(result.paginated()).isFalse();
        assertThat(result.text()).isEqualTo("""
                Prison Conditions

                Conditions in prisons were harsh and sometimes life threatening.

                Authorities did not permit independent monitoring of the facilities.""");
    }

    @Test
    void epubChaptersAreReadInOrder() throws IOException {
        String container = """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                </container>
                """;
        String opf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:identifier id="id">urn:uuid:5f1c0d2e-0000-4000-8000-000000000001</dc:identifier>
                    <dc:title>Annual Review</dc:title><dc:language>en</dc:language>
                  </metadata>
                  <manifest>
                    <item id="c1" href="chapter1.xhtml" media-type="application/xhtml+xml"/>
                    <item id="c2" href="chapter2.xhtml" media-type="application/xhtml+xml"/>
                  </manifest>
                  <spine><itemref idref="c1"/><itemref idref="c2"/></spine>
                </package>
                """;
        byte[] epub = zip("application/epub+zip",
                "META-INF/container.xml", container,
                "OEBPS/content.opf", opf,
                "OEBPS/chapter1.xhtml", xhtml("Torture", "Detainees described beatings during\n   interrogation."),
                "OEBPS/chapter2.xhtml", xhtml("Prison Conditions", "Cells were overcrowded and unheated."));

        ExtractedText result = extractor.extract("review.epub", epub);

        assertThat(result.contentType()).isEqualTo("application/epub+zip");
        assertThat(result.paginated()).isFalse();
        assertThat(result.text()).isEqualTo("""
                Torture

                Detainees described beatings during interrogation.

                Prison Conditions

                Cells were overcrowded and unheated.""");
    }

    private static String xhtml(String heading, String paragraph) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>%s</title></head>
                <body><h1>%s</h1><p>%s</p></body></html>
                """.formatted(heading, heading, paragraph);
    }

    @Test
    void rtfParagraphsAreSeparatedByABlankLine() {
        String rtf = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}\\f0"
                + "\\pard Freedom of movement was restricted in the border regions.\\par"
                + "\\pard Internally displaced persons could not return to their homes.\\par}";

        ExtractedText result = extractor.extract("report.rtf", rtf.getBytes(StandardCharsets.US_ASCII));

        assertThat(result.contentType()).isEqualTo("application/rtf");
        assertThat(result.text()).isEqualTo("""
                Freedom of movement was restricted in the border regions.

                Internally displaced persons could not return to their homes.""");
    }

    @Test
    void htmlKeepsHeadingsAndParagraphsDropsScriptsAndDecodesEntities() {
        String html = """
                <!DOCTYPE html>
                <html><head><title>Page title</title>
                <script>var tracking = "head script text";</script>
                <style>p { color: red; }</style></head>
                <body>
                  <h2>Freedom   of
                      Assembly</h2>
                  <p>Police dispersed protests &amp; arrested &quot;organisers&quot; &ndash; caf&eacute; owners
                     included.<br>Second line.</p>
                  <script>document.write("body script text");</script>
                  <ul><li>First item</li><li>Second item</li></ul>
                </body></html>
                """;

        ExtractedText result = extractor.extract("page.html", html.getBytes(StandardCharsets.UTF_8));

        assertThat(result.contentType()).isEqualTo("text/html");
        assertThat(result.paginated()).isFalse();
        assertThat(result.text()).isEqualTo("""
                Freedom of Assembly

                Police dispersed protests & arrested "organisers" \u2013 caf\u00e9 owners included.
                Second line.

                First item

                Second item""");
        assertThat(result.text()).doesNotContain("script text").doesNotContain("color").doesNotContain("Page title");
    }

    @Test
    void markdownIsDecodedAsTextWhateverItsExtension() {
        String markdown = "# Country Report\n\nSome **bold** text about *detention* conditions.\n\n- item one\n- item two\n";
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);

        ExtractedText md = extractor.extract("report.md", bytes);
        ExtractedText txt = extractor.extract("report.txt", bytes);

        assertThat(md.contentType()).isIn("text/x-web-markdown", "text/markdown", "text/x-markdown");
        assertThat(txt.contentType()).isEqualTo("text/plain");
        assertThat(md.text()).isEqualTo(markdown.strip()).contains("**bold**");
        assertThat(txt.text()).isEqualTo(md.text());
        assertThat(md.paginated()).isFalse();
        assertThat(txt.paginated()).isFalse();
    }

    @Test
    void markdownStartingWithRawHtmlStaysMarkdown() {
        String markdown = "<h1>Country Report</h1>\n\n## Section 1\n\nLine one\nline two <div>inline</div>\n";

        ExtractedText md = extractor.extract("report.md", markdown.getBytes(StandardCharsets.UTF_8));

        assertThat(md.contentType()).isIn("text/x-web-markdown", "text/markdown", "text/x-markdown");
        assertThat(md.text()).isEqualTo(markdown.strip());
        // Without the markdown name the same bytes are an HTML page.
        assertThat(extractor.extract("page", markdown.getBytes(StandardCharsets.UTF_8)).contentType()).isEqualTo("text/html");
    }

    @Test
    void plainTextLanguageIsDetected() {
        String french = "Les autorités ont arrêté des journalistes et des défenseurs des droits humains pendant "
                + "les manifestations. Les conditions de détention dans les prisons restent très difficiles, "
                + "et les familles ne sont pas informées du lieu où se trouvent leurs proches.";

        ExtractedText result = extractor.extract("rapport.txt", french.getBytes(StandardCharsets.UTF_8));

        assertThat(result.language()).isEqualTo("fr");
        assertThat(result.contentType()).isEqualTo("text/plain");
    }

    // ---------------------------------------------------------------- rejections

    @Test
    void randomBytesAreUnsupported() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        random[0] = 0x01; // no magic number starts with this

        assertRejected("upload.bin", random, Reason.UNSUPPORTED_TYPE, "application/octet-stream");
        assertRejected("upload", random, Reason.UNSUPPORTED_TYPE, "PDF");
        // A .txt name does not make binary data text.
        assertRejected("upload.txt", random, Reason.UNSUPPORTED_TYPE, "binary");
    }

    @Test
    void pngIsUnsupportedEvenWhenNamedLikeAReport() {
        byte[] png = new byte[64];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, png, 0, header.length);

        assertRejected("scan.png", png, Reason.UNSUPPORTED_TYPE, "image/png");
        assertRejected("report.pdf", png, Reason.UNSUPPORTED_TYPE, "image/png");
    }

    @Test
    void zipArchiveIsUnsupported() throws IOException {
        byte[] zip = zip(null, "report.txt", "Some text in an archive.");

        assertRejected("reports.zip", zip, Reason.UNSUPPORTED_TYPE, "application/zip");
    }

    @Test
    void invalidUtf8TextIsUnreadable() {
        byte[] latin1 = "Caf\u00e9 owners and d\u00e9tenus were arrested.".getBytes(StandardCharsets.ISO_8859_1);

        assertRejected("report.txt", latin1, Reason.UNREADABLE, "UTF-8");
    }

    @Test
    void emptyFileIsRejected() {
        assertRejected("report.pdf", new byte[0], Reason.EMPTY, "empty");
        assertRejected("report.txt", " \n\t\n".getBytes(StandardCharsets.UTF_8), Reason.EMPTY, "no text");
    }

    @Test
    void fileOverTheLimitIsTooLarge() {
        DocumentExtractor small = new DocumentExtractor(100);
        byte[] bytes = "x".repeat(101).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> small.extract("report.txt", bytes))
                .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("101").hasMessageContaining("100");
        assertThat(small.extract("report.txt", Arrays.copyOf(bytes, 100)).text()).hasSize(100);
    }

    @Test
    void documentWithMoreTextThanTheWriteLimitIsTooLarge() throws IOException {
        DocumentExtractor limited = new DocumentExtractor(MAX_BYTES, 200);

        assertThatThrownBy(() -> limited.extract("report.pdf", reportPdf()))
                .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("200 characters");
    }

    @Test
    void plainTextOverTheCharacterLimitIsRejectedLikeAnyOtherDocument() {
        // A single line of 3,000 characters: within the byte limit, over the text limit.
        DocumentExtractor limited = new DocumentExtractor(MAX_BYTES, 2_000);
        byte[] line = "police detained journalists ".repeat(110).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> limited.extract("line.txt", line))
                .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessage("the document holds more than 2000 characters of text, the most one report may have");
        assertThat(limited.extract("short.txt", Arrays.copyOf(line, 1_999)).text()).startsWith("police detained");
    }

    @Test
    void randomBytesNamedLikeHtmlAreRejectedNotDecodedIntoGarbage() {
        byte[] random = new byte[64 * 1024];
        new Random(4).nextBytes(random);

        assertRejected("random.html", random, Reason.UNSUPPORTED_TYPE, "named like an HTML page");
        assertRejected("random.xhtml", random, Reason.UNSUPPORTED_TYPE, "binary data");
        // A real page without any markup that Tika's magic knows is still read.
        assertThat(extractor.extract("page.html", "<div><p>Police detained journalists.</p></div>"
                .getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("Police detained journalists.");
    }

    @Test
    void zipBombIsRejectedBeforeAParserInflatesIt() throws IOException {
        // A DOCX whose document part is 8 MB of one letter: about 8 KB zipped. POI would hold the part whole.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 8; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        byte[] docx = out.toByteArray();
        assertThat(docx.length).isLessThan(100_000);
        DocumentExtractor limited = new DocumentExtractor(MAX_BYTES, DocumentExtractor.DEFAULT_WRITE_LIMIT, 4 * 1024 * 1024);

        assertThatThrownBy(() -> limited.extract("bomb.docx", docx))
                .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageContaining("expands to more than 4194304 bytes when unzipped")
                .hasMessageContaining("'word/document.xml'")
                .hasMessageContaining("zip bomb");
        // Under the limit, a real document is read as before.
        byte[] real;
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Police detained journalists after the protest.");
            real = save(doc);
        }
        assertThat(limited.extract("real.docx", real).text()).isEqualTo("Police detained journalists after the protest.");
    }

    @Test
    void zipBombIsUnreadable() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument()) {
            // 3 million characters that compress to a few kilobytes.
            doc.createParagraph().createRun().setText("aaaaaaaaa ".repeat(300_000));
            docx = save(doc);
        }
        assertThat(docx.length).isLessThan(30_000);

        assertRejected("bomb.docx", docx, Reason.UNREADABLE, "zip bomb");
    }

    @Test
    void oneExtractorServesConcurrentCalls() throws Exception {
        byte[] pdf = reportPdf();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExtractedText>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> extractor.extract("report.pdf", pdf)));
            }
            String first = results.get(0).get().text();
            for (Future<ExtractedText> f : results) {
                assertThat(f.get().text()).isEqualTo(first);
                assertThat(f.get().language()).isEqualTo("en");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void assertRejected(String name, byte[] bytes, Reason reason, String messagePart) {
        assertThatThrownBy(() -> extractor.extract(name, bytes))
                .isInstanceOfSatisfying(ReportRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }

    /** Three A4 pages: a running header, two body paragraphs, the page number as footer. */
    static byte[] reportPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < PAGES.size(); p++) {
                addTextPage(doc, PAGES.get(p), p + 1);
            }
            return save(doc);
        }
    }

    private static void addTextPage(PDDocument doc, List<String> body, int pageNumber) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            line(cs, font, 9, 60, 800, HEADER);
            float y = 740;
            for (String l : body) {
                if (l.isEmpty()) {
                    y -= 14; // paragraph gap
                } else {
                    line(cs, font, 10, 60, y, l);
                    y -= 14;
                }
            }
            line(cs, font, 9, 290, 40, String.valueOf(pageNumber));
        }
    }

    private static void line(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static byte[] save(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }

    /** A zip whose first entry is an uncompressed "mimetype" (when given), as ODF and EPUB require. */
    private static byte[] zip(String mimetype, String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (mimetype != null) {
                byte[] m = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry e = new ZipEntry("mimetype");
                e.setMethod(ZipEntry.STORED);
                e.setSize(m.length);
                CRC32 crc = new CRC32();
                crc.update(m);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(m);
                zip.closeEntry();
            }
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
