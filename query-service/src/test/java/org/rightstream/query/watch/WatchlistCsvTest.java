package org.rightstream.query.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rightstream.contracts.Taxonomy;

class WatchlistCsvTest {
    private static final String HEADER = "id,name,aliases,type,notes,minSeverity,categories,countries,webhookUrl";

    private final WatchEntryRules rules = new WatchEntryRules(Taxonomy.get());
    private final WatchlistCsv csv = new WatchlistCsv(rules);

    // --- export and round trip

    @Test
    void exportWritesTheHeaderAndOneRowPerEntryInUtf8WithCrLf() throws IOException {
        WatchEntry entry = rules.normalise(new WatchEntry("w-1", "Алексей Навальный", List.of("Alexei Navalny", "Navalny"),
                WatchType.PERSON, "opposition politician", 3, List.of("arbitrary-detention", "fair-trial"),
                List.of("Russia"), URI.create("https://hooks.example.org/a?b=c"), "s3cret", null, null));

        byte[] bytes = export(List.of(entry));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(HEADER + "\r\n"
                + "w-1,Алексей Навальный,Alexei Navalny|Navalny,PERSON,opposition politician,3,"
                + "arbitrary-detention|fair-trial,Russia,https://hooks.example.org/a?b=c\r\n");
        assertThat(bytes[0]).as("no byte order mark").isEqualTo((byte) 'i');
    }

    @Test
    void exportNeverWritesTheWebhookSecret() throws IOException {
        WatchEntry entry = entry("Ivan Petrov").withWebhookSecret("very-secret-value");

        assertThat(new String(export(List.of(entry)), StandardCharsets.UTF_8)).doesNotContain("very-secret-value");
    }

    @Test
    void whatIsExportedImportsBackToEqualEntries() throws IOException {
        List<WatchEntry> entries = List.of(
                rules.normalise(new WatchEntry("", "Иван Петров", List.of("Ivan Petrov", "И. Петров"), WatchType.PERSON,
                        "Notes with a comma, \"quotes\" and\nseveral\r\nlines", 4, List.of("torture"),
                        List.of("Russia", "Belarus"), URI.create("https://hooks.example.org/w?token=a,b"), "secret",
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"))),
                rules.normalise(new WatchEntry("org-1", "Smith, Jones & Partners", List.of("SJP"), WatchType.ORG,
                        "=HYPERLINK(\"x\") and a ; semicolon", null, List.of(), List.of(), null, null, null, null)),
                rules.normalise(new WatchEntry("w_2", "Đặng Thị Hương", List.of(), null, "  padded  ", 1, List.of(),
                        List.of("Viet Nam"), URI.create("http://example.com"), null, null, null)));

        WatchlistImport imported = csv.read(export(entries));

        assertThat(imported.errors()).isEmpty();
        assertThat(imported.entries()).containsExactlyElementsOf(entries.stream()
                .map(e -> e.withWebhookSecret(null).withTimes(null, null)).toList());
    }

    @Test
    void anEmptyWatchlistExportsAsAHeaderThatImportsAsNoEntries() throws IOException {
        byte[] bytes = export(List.of());

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(HEADER + "\r\n");
        assertThat(csv.read(bytes)).isEqualTo(new WatchlistImport(List.of(), List.of()));
    }

    @Test
    void aValueContainingTheSeparatorIsRefusedBeforeAnythingIsWritten() {
        WatchEntry entry = new WatchEntry("w-9", "Ivan Petrov", List.of("Petrov | Ivan"), WatchType.PERSON, null, null,
                List.of(), List.of(), null, null, null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> csv.write(List.of(entry(("Anna Ivanova")), entry), out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("watch w-9: aliases: 'Petrov | Ivan' contains '|', which separates values in the CSV file");
        assertThat(out.size()).isZero();
    }

    // --- import: columns

    @Test
    void columnsMayComeInAnyOrderAndCaseAndAllButNameMayBeLeftOut() {
        WatchlistImport imported = read(" NAME ,MinSeverity,TYPE\n"
                + "Amnesty International,2,org\n");

        assertThat(imported.errors()).isEmpty();
        assertThat(imported.entries()).containsExactly(rules.normalise(new WatchEntry("", "Amnesty International",
                null, WatchType.ORG, null, 2, null, null, null, null, null, null)));
    }

    @Test
    void blankIdsAreDerivedFromTypeAndNameAndGivenOnesAreKept() {
        WatchlistImport imported = read("id,name,type\n"
                + ",Ivan Petrov,\n"
                + "mine-1,Anna Ivanova,Person\n");

        assertThat(imported.entries()).extracting(WatchEntry::id)
                .containsExactly(WatchEntryRules.idFor(WatchType.PERSON, "Ivan Petrov"), "mine-1");
    }

    @Test
    void multiValuedCellsSplitOnThePipeAndLoseBlanksAndPadding() {
        WatchlistImport imported = read("name,aliases,categories,countries\n"
                + "Ivan Petrov, Petrov Ivan || I. Petrov |,torture|fair-trial, Russia | Belarus\n");

        WatchEntry entry = imported.entries().get(0);
        assertThat(entry.aliases()).containsExactly("Petrov Ivan", "I. Petrov");
        assertThat(entry.categories()).containsExactly("torture", "fair-trial");
        assertThat(entry.countries()).containsExactly("Russia", "Belarus");
    }

    @Test
    void missingOrBlankCellsAtTheEndOfARowAreTolerated() {
        WatchlistImport imported = read("name,notes\nIvan Petrov\nAnna Ivanova,n,,\n");

        assertThat(imported.errors()).isEmpty();
        assertThat(imported.entries()).extracting(WatchEntry::notes).containsExactly(null, "n");
    }

    @Test
    void unknownColumnsAreNamed() {
        assertThatThrownBy(() -> read("name,alias,E-mail\nIvan Petrov,x,y\n"))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessage("line 1: unknown columns 'alias', 'E-mail'; the columns are: id, name, aliases, type, "
                        + "notes, minSeverity, categories, countries, webhookUrl");
    }

    @Test
    void aHeaderCellLeftBlankIsAnError() {
        assertThatThrownBy(() -> read("name,notes,\nIvan Petrov,,\n"))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessageStartingWith("line 1: column 3 has no name; delete it or name it as one of: id, name,");
    }

    @Test
    void aRepeatedColumnIsAnError() {
        assertThatThrownBy(() -> read("name,Name\nIvan Petrov,Anna\n"))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessage("line 1: the column 'name' appears twice in the header");
    }

    @Test
    void theNameColumnIsRequired() {
        assertThatThrownBy(() -> read("id,aliases\nw-1,Ivan\n"))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessageStartingWith("line 1: the header has no 'name' column");
    }

    // --- import: rows

    @Test
    void goodRowsAreKeptAndEachBadRowIsReportedWithItsLine() {
        WatchlistImport imported = read(HEADER + "\n"
                + "p-1,Ivan Petrov,,person,,,,,\n"
                + "p-2,,,,,,,,\n"
                + "p-3,Anna Ivanova,,robot,,,,,\n"
                + "\n"
                + "p-4,Oleg Sidorov,,,,high,,,\n"
                + "p-5,Oleg Sidorov,,,,9,,,\n"
                + "p-6,Memorial,,ORG,,,not-a-category,,\n"
                + "p-7,Viasna,,ORG,,,,,ftp://example.org/hook\n"
                + "p-8,Viasna 2,,ORG,,,,,http://exa mple.org\n"
                + "p 9,Mikhail Ivanov,,,,,,,\n"
                + "p-10,Ivan Petrov,,,,,,,,extra\n"
                + "p-1,Petr Ivanov,,,,,,,\n"
                + "p-11,Dmitry Muratov,,,\"Nobel\nlaureate\",5,expression,Russia,https://hooks.example.org/x\n"
                + "p-12,!!!,,,,,,,\n");

        assertThat(imported.entries()).extracting(WatchEntry::id).containsExactly("p-1", "p-11");
        assertThat(imported.errors()).extracting(WatchlistImport.RowError::toString).containsExactly(
                "line 3: name: is required",
                "line 4: type: must be PERSON or ORG, was 'robot'",
                "line 6: minSeverity: must be 1-5, was 'high'",
                "line 7: minSeverity: must be 1-5, was 9",
                "line 8: categories: unknown category 'not-a-category'; known: "
                        + String.join(", ", Taxonomy.get().categories().stream().map(Taxonomy.Category::id).toList()),
                "line 9: webhookUrl: must be an absolute http or https URL, was 'ftp://example.org/hook'",
                "line 10: webhookUrl: must be an absolute http or https URL, was 'http://exa mple.org'",
                "line 11: id: must be 1-64 letters, digits, '-' or '_', was 'p 9'",
                "line 12: has 10 values but the header has 9 columns; a value containing a comma must be in double "
                        + "quotes",
                "line 13: id: 'p-1' is already the id on line 2",
                "line 16: name: has no letters to match: '!!!'");
        assertThat(imported.errors().get(1)).isEqualTo(new WatchlistImport.RowError(4, "type",
                "must be PERSON or ORG, was 'robot'"));
        assertThat(imported.errors().get(8).field()).isNull();
        assertThat(imported.entries().get(1).notes()).isEqualTo("Nobel\nlaureate");
    }

    @Test
    void twoRowsForTheSameNameWithoutIdsCollideOnTheLaterLine() {
        WatchlistImport imported = read("name,type\nIvan Petrov,\n\"Ivan  PETROV\",person\nIvan Petrov,org\n");

        assertThat(imported.entries()).hasSize(2);
        assertThat(imported.errors()).extracting(WatchlistImport.RowError::toString).containsExactly(
                "line 3: id: this name gets the same id as line 2 ('" + WatchEntryRules.idFor(WatchType.PERSON,
                        "Ivan Petrov") + "'); make one an alias of the other, or give them distinct ids");
    }

    @Test
    void blankLinesAndRowsOfEmptyCellsAreSkipped() {
        WatchlistImport imported = read("\n\nname,notes\n\n,\nIvan Petrov,\n   \n");

        assertThat(imported).isEqualTo(new WatchlistImport(List.of(entry("Ivan Petrov")), List.of()));
    }

    // --- import: the file

    @Test
    void aByteOrderMarkIsAccepted() {
        byte[] withBom = ("\uFEFF" + "name\nИван Петров\n").getBytes(StandardCharsets.UTF_8);

        assertThat(csv.read(withBom).entries()).extracting(WatchEntry::name).containsExactly("Иван Петров");
    }

    @Test
    void crLfLineEndingsAreRead() {
        assertThat(read("name,notes\r\nIvan Petrov,a\r\nAnna Ivanova,b\r\n").entries())
                .extracting(WatchEntry::notes).containsExactly("a", "b");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheLine() {
        byte[] latin1 = "name\nIvan Petrov\nJürgen Müller\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> csv.read(latin1))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessage("line 3: not valid UTF-8 (byte 19); save the file as \"CSV UTF-8\"");
    }

    @Test
    void aTruncatedUtf8SequenceAtTheEndIsRefused() {
        byte[] utf8 = "name\nИван".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(utf8, utf8.length - 1);

        assertThatThrownBy(() -> csv.read(truncated))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessageStartingWith("line 2: not valid UTF-8");
    }

    @Test
    void brokenQuotingStopsTheImportNamingTheLine() {
        assertThatThrownBy(() -> read("name,notes\nIvan Petrov,ok\nAnna Ivanova,\"said \"no\" twice\"\n"))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessageStartingWith("line 3: not valid CSV: ");
        assertThatThrownBy(() -> read("name,notes\nIvan Petrov,\"never closed\nAnna\n"))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessageContaining("not valid CSV: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n\r\n", " , \n"})
    void aFileWithoutAHeaderIsAnError(String content) {
        assertThatThrownBy(() -> read(content))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessage("the file is empty; its first row must name the columns: " + HEADER);
    }

    @Test
    void aFileOverFiveMegabytesIsRefused() {
        byte[] big = new byte[WatchlistCsv.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');

        assertThatThrownBy(() -> csv.read(big))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessage("the file is larger than 5 MB; split it into smaller files");
    }

    @Test
    void aStreamIsReadNoFurtherThanTheLimit() {
        EndlessStream endless = new EndlessStream();

        assertThatThrownBy(() -> csv.read(endless)).isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessageContaining("5 MB");
        assertThat(endless.served).isEqualTo(WatchlistCsv.MAX_BYTES + 1);
    }

    @Test
    void tenThousandRowsAreReadButNotOneMore() {
        StringBuilder file = new StringBuilder("id,name\n");
        for (int i = 1; i <= WatchlistCsv.MAX_ROWS; i++) {
            file.append("w-").append(i).append(",Person Number").append('\n');
        }
        assertThat(read(file.toString()).entries()).hasSize(WatchlistCsv.MAX_ROWS);

        file.append("w-last,Person Number\n");
        assertThatThrownBy(() -> read(file.toString()))
                .isInstanceOf(InvalidWatchlistCsvException.class)
                .hasMessage("the file has more than 10000 rows; split it into smaller files");
    }

    private WatchlistImport read(String content) {
        return csv.read(content.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] export(List<WatchEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv.write(entries, out);
        return out.toByteArray();
    }

    private WatchEntry entry(String name) {
        return rules.normalise(new WatchEntry("", name, null, null, null, null, null, null, null, null, null, null));
    }

    /** Counts what it serves, to show the reader stops at the limit. */
    private static final class EndlessStream extends InputStream {
        int served;

        @Override
        public int read() {
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 'a');
            served += len;
            return len;
        }
    }
}
