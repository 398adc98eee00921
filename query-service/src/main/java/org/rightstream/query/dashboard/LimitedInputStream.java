package org.rightstream.query.dashboard;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Passes a stream on until it has given {@code limit} bytes, then fails with {@link UploadTooLargeException}. */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final Supplier<String> message;
    private long read;

    LimitedInputStream(InputStream in, long limit, Supplier<String> message) {
        super(in);
        this.limit = limit;
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws UploadTooLargeException {
        read += n;
        if (read > limit) {
            throw new UploadTooLargeException(message.get());
        }
    }
}
