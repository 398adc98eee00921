package org.rightstream.query.analytics;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Invalid analytics parameters as 400 problem+json naming the parameter (the shape of the search
 * API's errors). An unavailable index is left to the service-wide handler (503).
 */
@RestControllerAdvice(assignableTypes = AnalyticsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnalyticsProblemHandler {

    @ExceptionHandler(AnalyticsParameterException.class)
    ProblemDetail badParameter(AnalyticsParameterException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid parameter");
        p.setProperty("parameter", e.parameter());
        return p;
    }
}
