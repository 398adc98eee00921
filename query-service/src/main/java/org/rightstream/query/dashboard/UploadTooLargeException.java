package org.rightstream.query.dashboard;

import java.io.IOException;

/** An upload over the size limit; an IOException so that it can end the stream that is being passed on. */
final class UploadTooLargeException extends IOException {
    UploadTooLargeException(String message) {
        super(message);
    }
}
