package org.rightstream.classify.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every rejected classify request gets a JSON problem body (RFC 9457) that says what is wrong. */
@RestControllerAdvice
class ProblemHandler {

    @ExceptionHandler(ClassifyRequestRejectedException.class)
    ProblemDetail rejected(ClassifyRequestRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY, INVALID_JSON, INVALID_FIELD, UNREADABLE -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setTitle("Classify request rejected: " + e.reason());
        p.setProperty("reason", e.reason().name());
        if (e.field() != null) {
            p.setProperty("field", e.field());
        }
        return p;
    }
}
