package org.rightstream.query.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.security.ApiKeyCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report list and uploads as the dashboard sees them, on query-service's own origin:
 * {@code GET /api/reports} is ingest-service's list with each report's count of searchable passages
 * ({@code indexed}) added, {@code GET /api/reports/{id}} and {@code POST /api/reports} are passed on as they are.
 */
@RestController
class ReportDeskController {
    private static final Logger log = LoggerFactory.getLogger(ReportDeskController.class);

    private final IngestService ingest;
    private final IndexedPassageCounts indexed;
    private final long maxUploadBytes;

    ReportDeskController(IngestService ingest, IndexedPassageCounts indexed, DashboardProperties properties) {
        this.ingest = ingest;
        this.indexed = indexed;
        this.maxUploadBytes = properties.maxUploadSize().toBytes();
    }

    @GetMapping("/api/reports")
    ResponseEntity<?> list(HttpServletRequest request) throws IOException {
        IngestService.Answer answer = ingest.get("/api/reports" + query(request), credentials(request));
        if (answer.status() != 200) {
            return passOn(answer);
        }
        JsonNode reports = RightstreamJson.mapper().readTree(answer.body());
        if (reports instanceof ArrayNode list) {
            addIndexedCounts(list);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reports);
    }

    @GetMapping("/api/reports/{id}")
    ResponseEntity<byte[]> get(@PathVariable String id, HttpServletRequest request) throws IOException {
        return passOn(ingest.get("/api/reports/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"),
                credentials(request)));
    }

    /** The multipart body goes on unparsed (multipart handling is off in this service), so nothing is held twice. */
    @PostMapping("/api/reports")
    ResponseEntity<byte[]> upload(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
            throw new BadUploadException("send the report as multipart/form-data with the file in the field 'file'");
        }
        if (request.getContentLengthLong() > maxUploadBytes) {
            throw new UploadTooLargeException(tooLarge());
        }
        // A body sent without a length (chunked) is counted as it streams and cut off at the same limit.
        InputStream body = new LimitedInputStream(request.getInputStream(), maxUploadBytes, this::tooLarge);
        try {
            return passOn(ingest.upload(request.getQueryString(), contentType, body, credentials(request)));
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UploadTooLargeException tooLarge) {
                    throw tooLarge;
                }
            }
            throw e;
        }
    }

    private String tooLarge() {
        return "the upload is larger than " + (maxUploadBytes / (1024 * 1024)) + " MB; a report may be at most 20 MB";
    }

    private void addIndexedCounts(ArrayNode reports) {
        try {
            List<String> ids = new ArrayList<>();
            reports.forEach(r -> {
                if (r.hasNonNull("id")) {
                    ids.add(r.get("id").asString());
                }
            });
            Map<String, Long> counts = indexed.byReport(ids);
            for (JsonNode report : reports) {
                if (report instanceof ObjectNode r && r.hasNonNull("id")) {
                    r.put("indexed", counts.getOrDefault(r.get("id").asString(), 0L));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The list is still worth showing while the index is unreachable; "indexed" is then absent.
            log.warn("indexed passage counts unavailable: {}", e.toString());
        }
    }

    /** The caller's API key headers, to be sent on as they are. */
    private static Map<String, String> credentials(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {ApiKeyCheck.HEADER, "Authorization"}) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static String query(HttpServletRequest request) {
        return request.getQueryString() == null ? "" : "?" + request.getQueryString();
    }

    private static ResponseEntity<byte[]> passOn(IngestService.Answer answer) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        answer.contentType().map(MediaType::parseMediaType).ifPresent(response::contentType);
        return response.body(answer.body());
    }

    @ExceptionHandler(IngestService.UnavailableException.class)
    ResponseEntity<ProblemDetail> ingestUnavailable(IngestService.UnavailableException e) {
        log.warn("{}", e.getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        p.setTitle("Ingest service unavailable");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(p);
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(UploadTooLargeException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        p.setTitle("Upload too large");
        p.setProperty("parameter", "file");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
    }

    @ExceptionHandler(BadUploadException.class)
    ProblemDetail badUpload(BadUploadException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid upload");
        p.setProperty("parameter", "file");
        return p;
    }

    static class BadUploadException extends RuntimeException {
        BadUploadException(String message) {
            super(message);
        }
    }
}
