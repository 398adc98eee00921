package org.rightstream.query.watch;

/**
 * A watchlist CSV file that cannot be read at all: too large, not UTF-8, not CSV, or a header that does not say which
 * column is which. Problems with single rows are reported in {@link WatchlistImport#errors()} instead.
 */
public class InvalidWatchlistCsvException extends RuntimeException {

    public InvalidWatchlistCsvException(String message) {
        super(message);
    }
}
