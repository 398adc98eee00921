package org.rightstream.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightstream.ingest.Seeds;

class TextDecoderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void invalidUtf8IsRejectedAsUnreadableNamingUtf8() {
        // a truncated two-byte sequence in the middle of otherwise plain text
        byte[] bytes = concat(utf8("Report text "), new byte[] {(byte) 0xC3, (byte) 0x28}, utf8(" continues"));

        assertThatThrownBy(() -> TextDecoder.decode(bytes))
                .isInstanceOfSatisfying(ReportRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportRejectedException.Reason.UNREADABLE))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void latin1TextIsRejectedInsteadOfBeingSilentlyReplaced() {
        byte[] latin1 = "Caf\u00e9 and na\u00efve rapporteur".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> TextDecoder.decode(latin1))
                .isInstanceOfSatisfying(ReportRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportRejectedException.Reason.UNREADABLE))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void nulBytesAreRejectedAsUnsupportedType() {
        byte[] bytes = concat(utf8("looks like text"), new byte[] {0, 0, 0, 1}, utf8("but is binary"));

        assertThatThrownBy(() -> TextDecoder.decode(bytes))
                .isInstanceOfSatisfying(ReportRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportRejectedException.Reason.UNSUPPORTED_TYPE))
                .hasMessageContaining("NUL");
    }

    @Test
    void byteOrderMarkIsStripped() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("KAZAKHSTAN 2012 HUMAN RIGHTS REPORT"));

        String text = TextDecoder.decode(bytes);

        assertThat(text).isEqualTo("KAZAKHSTAN 2012 HUMAN RIGHTS REPORT");
        assertThat(text).doesNotContain("\uFEFF");
    }

    @Test
    void windowsAndOldMacLineEndsBecomeUnixLineEnds() {
        String text = TextDecoder.decode(utf8("first line\r\nsecond line\r\n\r\nnew paragraph\rlast line"));

        assertThat(text).isEqualTo("first line\nsecond line\n\nnew paragraph\nlast line");
        assertThat(text).doesNotContain("\r");
    }

    @Test
    void ligaturesAreExpandedByCompatibilityNormalisation() {
        assertThat(TextDecoder.decode(utf8("\uFB01nal o\uFB00icial \uFB02ow"))).isEqualTo("final official flow");
    }

    @Test
    void nonBreakingAndOtherUnicodeSpacesBecomePlainSpaces() {
        assertThat(TextDecoder.decode(utf8("Article\u00A0164 of the\u202FCode\u2007here")))
                .isEqualTo("Article 164 of the Code here");
    }

    @Test
    void fullwidthCharactersAreNormalised() {
        assertThat(TextDecoder.decode(utf8("\uFF2B\uFF21\uFF3A 2012"))).isEqualTo("KAZ 2012");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   \t ", "\u00A0\u00A0", "\t\u202F"})
    void whitespaceOnlyLinesBecomeEmptySoParagraphsShow(String blankLine) {
        String text = TextDecoder.decode(utf8("first paragraph\n" + blankLine + "\nsecond paragraph"));

        assertThat(text).isEqualTo("first paragraph\n\nsecond paragraph");
    }

    @Test
    void trailingSpacesAreRemovedAndTheTextIsStripped() {
        String text = TextDecoder.decode(utf8(" \n KAZAKHSTAN 2012 HUMAN RIGHTS REPORT \n \nEXECUTIVE SUMMARY \t\n\n"));

        assertThat(text).isEqualTo("KAZAKHSTAN 2012 HUMAN RIGHTS REPORT\n\nEXECUTIVE SUMMARY");
    }

    @Test
    void seedReportWithPageLayoutGetsBlankLinesBetweenParagraphs() {
        String text = TextDecoder.decode(Seeds.bytes("000"));

        assertThat(text).startsWith("KAZAKHSTAN 2012 HUMAN RIGHTS REPORT\n\nEXECUTIVE SUMMARY\n\n");
        assertThat(text.lines()).noneMatch(line -> !line.isEmpty() && line.isBlank());
        assertThat(text.lines()).noneMatch(line -> line.endsWith(" "));
    }

    @Test
    void plainAsciiTextIsKeptAsItIs() {
        String report = "EXECUTIVE SUMMARY\n\nThe constitution concentrates power in the presidency.";

        assertThat(TextDecoder.decode(utf8(report))).isEqualTo(report);
    }
}
