package org.rightstream.ingest.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void keepsAnOrdinaryName() {
        assertThat(FileNames.plain("Kazakhstan 2012 – report.pdf")).isEqualTo("Kazakhstan 2012 – report.pdf");
    }

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.plain("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.plain("C:\\Users\\me\\..\\report.docx")).isEqualTo("report.docx");
        assertThat(FileNames.plain("refs/../")).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.plain("..")).isEqualTo(FileNames.UNNAMED);
    }

    @Test
    void dropsControlAndDirectionCharacters() {
        assertThat(FileNames.plain("a\u0000b\r\nc\u001b[31md\u007f\u0085.txt")).isEqualTo("abc[31md.txt");
        // A right-to-left override would display "report\u202Etxt.exe" as "reportexe.txt".
        assertThat(FileNames.plain("report\u202Etxt.exe")).isEqualTo("reporttxt.exe");
        assertThat(FileNames.plain("\u0001\u0002")).isEqualTo(FileNames.UNNAMED);
        assertThat(FileNames.plain(null)).isEqualTo(FileNames.UNNAMED);
    }

    @Test
    void cutsALongNameKeepingItsExtension() {
        String name = FileNames.plain("x".repeat(100_000) + ".pdf");
        assertThat(name).hasSize(FileNames.MAX_CHARS).endsWith("x.pdf");
    }
}
