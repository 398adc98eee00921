package org.rightstream.query.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The watchlist as a CSV file (RFC 4180, UTF-8) for spreadsheets: import with per-row errors, export that imports
 * back to the same entries.
 *
 * <p>Columns: {@link #COLUMNS}. On import the header row is required; columns may come in any order, their names in
 * any case, and any of them but {@code name} may be left out. {@code aliases}, {@code categories} and
 * {@code countries} hold several values separated by {@code |}. There is no escape for it: on import it always
 * separates, and export refuses an entry with a {@code |} inside one of those values (no name needs one, and
 * spreadsheet users should not have to learn an escape). {@code type} is PERSON or ORG in any case, blank meaning
 * PERSON. A blank {@code id} gets {@link WatchEntryRules#idFor}. The webhook secret is never exported; imported
 * entries have none.
 *
 * <p>Import keeps going past bad rows; each becomes a {@link WatchlistImport.RowError} naming the line it starts on,
 * and a row repeating the id of an earlier row is such an error. Blank lines, and blank cells past the last column,
 * are skipped. A header with no rows is an empty watchlist (it is what exporting one writes); a file without even a
 * header is an error. Whole-file problems (more than {@link #MAX_BYTES} bytes or {@link #MAX_ROWS} rows, not UTF-8,
 * broken quoting, unknown or repeated columns) throw {@link InvalidWatchlistCsvException}. A UTF-8 byte order mark, as
 * Excel writes, is accepted.
 *
 * <p>Thread-safe.
 */
public final class WatchlistCsv {
    public static final List<String> COLUMNS = List.of("id", "name", "aliases", "type", "notes", "minSeverity",
            "categories", "countries", "webhookUrl");
    public static final int MAX_ROWS = 10_000;
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final String VALUE_SEPARATOR = "|";

    private static final String REQUIRED_COLUMN = "name";
    private static final Map<String, String> COLUMN_BY_LOWERCASE_NAME = COLUMNS.stream()
            .collect(Collectors.toUnmodifiableMap(c -> c.toLowerCase(Locale.ROOT), c -> c));
    private static final CsvMapper WRITER_MAPPER = CsvMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Quotes only values that need them, so the file reads plainly in a text editor too.
            .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema EXPORT_SCHEMA = exportSchema();

    private final WatchEntryRules rules;

    public WatchlistCsv(WatchEntryRules rules) {
        this.rules = rules;
    }

    /**
     * Reads at most {@link #MAX_BYTES} bytes of {@code in} (not closing it).
     *
     * @throws InvalidWatchlistCsvException when the file as a whole cannot be read
     */
    public WatchlistImport read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        return read(bytes);
    }

    /** @throws InvalidWatchlistCsvException when the file as a whole cannot be read */
    public WatchlistImport read(byte[] csv) {
        if (csv.length > MAX_BYTES) {
            throw new InvalidWatchlistCsvException("the file is larger than " + MAX_BYTES / (1024 * 1024)
                    + " MB; split it into smaller files");
        }
        try (CsvRows rows = CsvRows.of(csv)) {
            Importer importer = new Importer(readHeader(rows));
            int rowCount = 0;
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                if (row.isBlank()) {
                    continue;
                }
                if (++rowCount > MAX_ROWS) {
                    throw new InvalidWatchlistCsvException("the file has more than " + MAX_ROWS
                            + " rows; split it into smaller files");
                }
                importer.add(row);
            }
            return new WatchlistImport(importer.entries, importer.errors);
        }
    }

    /**
     * Writes the header and one row per entry, in the order given, to {@code out} (not closing it).
     *
     * @throws IllegalArgumentException when an alias, category or country contains {@code |}, before anything is
     *                                  written
     */
    public void write(Collection<WatchEntry> entries, OutputStream out) throws IOException {
        List<String[]> rows = entries.stream().map(WatchlistCsv::rowOf).toList();
        try (SequenceWriter writer = WRITER_MAPPER.writer(EXPORT_SCHEMA).writeValues(out)) {
            writer.writeAll(rows);
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }

    private static Map<String, Integer> readHeader(CsvRows rows) {
        CsvRows.Row header = rows.next();
        while (header != null && header.isBlank()) {
            header = rows.next();
        }
        if (header == null) {
            throw new InvalidWatchlistCsvException("the file is empty; its first row must name the columns: "
                    + String.join(",", COLUMNS));
        }
        Map<String, Integer> cellByColumn = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip();
            if (name.isEmpty()) {
                throw new InvalidWatchlistCsvException("line " + header.line() + ": column " + (i + 1)
                        + " has no name; delete it or name it as one of: " + String.join(", ", COLUMNS));
            }
            String column = COLUMN_BY_LOWERCASE_NAME.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                unknown.add("'" + name + "'");
            } else if (cellByColumn.putIfAbsent(column, i) != null) {
                throw new InvalidWatchlistCsvException("line " + header.line() + ": the column '" + column
                        + "' appears twice in the header");
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidWatchlistCsvException("line " + header.line() + ": unknown column"
                    + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown) + "; the columns are: "
                    + String.join(", ", COLUMNS));
        }
        if (!cellByColumn.containsKey(REQUIRED_COLUMN)) {
            throw new InvalidWatchlistCsvException("line " + header.line() + ": the header has no '"
                    + REQUIRED_COLUMN + "' column; the columns are: " + String.join(", ", COLUMNS));
        }
        return cellByColumn;
    }

    /** The row as an entry before normalisation; throws {@link InvalidWatchException} for values of the wrong kind. */
    private static WatchEntry entryFrom(CsvRows.Row row, Map<String, Integer> cellByColumn) {
        Map<String, String> cell = new HashMap<>();
        cellByColumn.forEach((column, index) ->
                cell.put(column, index < row.cells().size() ? row.cells().get(index).strip() : ""));
        return new WatchEntry(
                cell.getOrDefault("id", ""),
                cell.get("name"),
                values(cell.get("aliases")),
                type(cell.get("type")),
                cell.get("notes"),
                minSeverity(cell.get("minSeverity")),
                values(cell.get("categories")),
                values(cell.get("countries")),
                webhookUrl(cell.get("webhookUrl")),
                null,
                null,
                null);
    }

    private static String[] rowOf(WatchEntry e) {
        return new String[] {
            e.id(),
            e.name(),
            joined(e, "aliases", e.aliases()),
            e.type().name(),
            e.notes() == null ? "" : e.notes(),
            e.minSeverity() == null ? "" : e.minSeverity().toString(),
            joined(e, "categories", e.categories()),
            joined(e, "countries", e.countries()),
            e.webhookUrl() == null ? "" : e.webhookUrl().toString()
        };
    }

    private static List<String> values(String cell) {
        return isBlank(cell) ? List.of() : Arrays.asList(cell.split("\\" + VALUE_SEPARATOR, -1));
    }

    private static String joined(WatchEntry e, String field, List<String> values) {
        for (String value : values) {
            if (value.contains(VALUE_SEPARATOR)) {
                throw new IllegalArgumentException("watch " + e.id() + ": " + field + ": '" + value + "' contains '"
                        + VALUE_SEPARATOR + "', which separates values in the CSV file");
            }
        }
        return String.join(VALUE_SEPARATOR, values);
    }

    private static WatchType type(String cell) {
        if (isBlank(cell)) {
            return WatchType.PERSON;
        }
        for (WatchType type : WatchType.values()) {
            if (type.name().equalsIgnoreCase(cell)) {
                return type;
            }
        }
        throw new InvalidWatchException("type", "must be PERSON or ORG, was '" + cell + "'");
    }

    private static Integer minSeverity(String cell) {
        if (isBlank(cell)) {
            return null;
        }
        try {
            return Integer.valueOf(cell);
        } catch (NumberFormatException e) {
            throw new InvalidWatchException("minSeverity", "must be 1-5, was '" + cell + "'");
        }
    }

    private static URI webhookUrl(String cell) {
        if (isBlank(cell)) {
            return null;
        }
        try {
            return new URI(cell);
        } catch (URISyntaxException e) {
            // The same words WatchEntryRules uses for a URL of the wrong kind.
            throw new InvalidWatchException("webhookUrl", "must be an absolute http or https URL, was '" + cell + "'");
        }
    }

    private static String repeatedId(String id, int earlierLine, CsvRows.Row row, Map<String, Integer> cellByColumn) {
        Integer idCell = cellByColumn.get("id");
        boolean given = idCell != null && idCell < row.cells().size() && !row.cells().get(idCell).isBlank();
        return given
                ? "'" + id + "' is already the id on line " + earlierLine
                : "this name gets the same id as line " + earlierLine + " ('" + id + "'); make one an alias of the "
                        + "other, or give them distinct ids";
    }

    /** The exception's message without the field name it starts with, since the row error names the field apart. */
    private static String reason(InvalidWatchException e) {
        String prefix = e.field() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The entries and errors of the rows read so far. */
    private final class Importer {
        final Map<String, Integer> cellByColumn;
        final List<WatchEntry> entries = new ArrayList<>();
        final List<WatchlistImport.RowError> errors = new ArrayList<>();
        final Map<String, Integer> lineById = new HashMap<>();

        Importer(Map<String, Integer> cellByColumn) {
            this.cellByColumn = cellByColumn;
        }

        void add(CsvRows.Row row) {
            int values = valueCount(row);
            if (values > cellByColumn.size()) {
                errors.add(new WatchlistImport.RowError(row.line(), null, "has " + values
                        + " values but the header has " + cellByColumn.size()
                        + " columns; a value containing a comma must be in double quotes"));
                return;
            }
            try {
                WatchEntry entry = rules.normalise(entryFrom(row, cellByColumn));
                Integer earlier = lineById.putIfAbsent(entry.id(), row.line());
                if (earlier != null) {
                    throw new InvalidWatchException("id", repeatedId(entry.id(), earlier, row, cellByColumn));
                }
                entries.add(entry);
            } catch (InvalidWatchException e) {
                errors.add(new WatchlistImport.RowError(row.line(), e.field(), reason(e)));
            }
        }
    }

    /** Up to the last non-blank cell: spreadsheets write blank cells past the last column for formatted columns. */
    private static int valueCount(CsvRows.Row row) {
        int count = row.cells().size();
        while (count > 0 && row.cells().get(count - 1).isBlank()) {
            count--;
        }
        return count;
    }

    private static CsvSchema exportSchema() {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(schema::addColumn);
        return schema.build();
    }
}
