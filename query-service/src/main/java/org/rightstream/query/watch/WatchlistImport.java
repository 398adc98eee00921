package org.rightstream.query.watch;

import java.util.List;

/**
 * What a watchlist CSV file held: the rows that make valid entries, in file order, and what is wrong with the others.
 * Whether to store the valid entries when some rows are wrong is the caller's decision.
 */
public record WatchlistImport(List<WatchEntry> entries, List<RowError> errors) {

    public WatchlistImport {
        entries = List.copyOf(entries);
        errors = List.copyOf(errors);
    }

    /**
     * Why the row starting on {@code line} (1 = header) was left out.
     *
     * @param field the column at fault, or null when the row as a whole is (e.g. too many values)
     */
    public record RowError(int line, String field, String message) {

        /** E.g. "line 7: minSeverity: must be 1-5, was 9". */
        @Override
        public String toString() {
            return "line " + line + ": " + (field == null ? "" : field + ": ") + message;
        }
    }
}
