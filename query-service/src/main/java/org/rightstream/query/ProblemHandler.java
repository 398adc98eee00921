package org.rightstream.query;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import org.rightstream.query.search.BadParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors as JSON problem bodies that say which parameter is wrong, or that the index is unavailable. */
@RestControllerAdvice
class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(BadParameterException.class)
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid parameter");
        p.setProperty("parameter", e.parameter());
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'");
        p.setTitle("Invalid parameter");
        p.setProperty("parameter", e.getName());
        return p;
    }

    /** A client went away (an event stream closed, a browser tab shut): nothing to answer, nothing to warn about. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler({IOException.class, ElasticsearchException.class})
    ProblemDetail searchUnavailable(Exception e) {
        log.warn("search failed: {}", e.toString());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the search index is not available right now; try again shortly");
        p.setTitle("Search unavailable");
        return p;
    }
}
