package org.rightstream.query.watch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The rows of an RFC 4180 file in UTF-8, each with the line it starts on, which is what a user can find in an editor
 * (a quoted value may span lines, so it is not the row's index). Bad bytes or bad quoting stop the reading with an
 * {@link InvalidWatchlistCsvException} naming the line: what follows cannot be trusted to line up.
 */
final class CsvRows implements AutoCloseable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    record Row(int line, List<String> cells) {
        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private final JsonParser parser;
    private boolean started;

    private CsvRows(String text) {
        this.parser = MAPPER.reader().with(CsvSchema.emptySchema()).createParser(text);
    }

    /** @throws InvalidWatchlistCsvException when the bytes are not UTF-8 */
    static CsvRows of(byte[] utf8) {
        String text = decode(utf8);
        return new CsvRows(text.isEmpty() || text.charAt(0) != BYTE_ORDER_MARK ? text : text.substring(1));
    }

    /** The next row, blank lines included; null at the end. */
    Row next() {
        try {
            if (!started) {
                started = true;
                // WRAP_AS_ARRAY puts the whole file in one array around the rows.
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    return null;
                }
            }
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            int line = parser.currentLocation().getLineNr();
            List<String> cells = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                cells.add(parser.getString());
            }
            return new Row(line, cells);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new InvalidWatchlistCsvException((at == null ? "" : "line " + at.getLineNr() + ": ")
                    + "not valid CSV: " + e.getOriginalMessage());
        }
    }

    @Override
    public void close() {
        parser.close();
    }

    private static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more chars than it has bytes.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new InvalidWatchlistCsvException("line " + lineAt(bytes, offset) + ": not valid UTF-8 (byte "
                    + (offset + 1) + "); save the file as \"CSV UTF-8\"");
        }
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
