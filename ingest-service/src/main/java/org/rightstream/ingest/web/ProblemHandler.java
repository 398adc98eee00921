package org.rightstream.ingest.web;

import org.rightstream.ingest.report.PublishFailedException;
import org.rightstream.ingest.report.ReportRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Every rejected upload gets a JSON problem body (RFC 9457) that says what is wrong. */
@RestControllerAdvice
class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** The servlet container does not tell the limit it enforced (Spring reports -1), so say the configured one. */
    private final DataSize maxFileSize;

    ProblemHandler(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(ReportRejectedException.class)
    ProblemDetail rejected(ReportRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY -> HttpStatus.BAD_REQUEST;
            case UNREADABLE, NOT_A_REPORT -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setTitle("Report rejected: " + e.reason());
        p.setProperty("reason", e.reason().name());
        return p;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "the upload is larger than the limit of "
                        + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : maxFileSize.toBytes()) + " bytes");
        p.setTitle("Report rejected: TOO_LARGE");
        p.setProperty("reason", "TOO_LARGE");
        return p;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail noFile(MissingServletRequestPartException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "send the report as a multipart form field named 'file'");
        p.setTitle("Missing file");
        return p;
    }

    @ExceptionHandler({PublishFailedException.class, org.apache.kafka.common.KafkaException.class,
            org.rightstream.ingest.registry.KafkaReportRegistry.RegistryUnavailableException.class})
    ProblemDetail publishFailed(RuntimeException e) {
        log.warn("publish failed: {}", e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                e.getMessage() + "; nothing is lost by sending the report again");
        p.setTitle("Kafka unavailable");
        return p;
    }
}
