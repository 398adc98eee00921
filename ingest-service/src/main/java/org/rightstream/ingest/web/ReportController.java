package org.rightstream.ingest.web;

import java.io.IOException;
import java.util.List;
import org.rightstream.ingest.registry.ReportRecord;
import org.rightstream.ingest.registry.ReportRegistry;
import org.rightstream.ingest.report.FileNames;
import org.rightstream.ingest.report.IngestResult;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportUpload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/reports}: upload a report file, get back its id and how many passages were published. */
@RestController
@RequestMapping("/api/reports")
class ReportController {
    private final ReportIngestor ingestor;
    private final ReportRegistry registry;

    ReportController(ReportIngestor ingestor, ReportRegistry registry) {
        this.ingestor = ingestor;
        this.registry = registry;
    }

    /** 201 when passages were published; 200 when the report was already there (status says which). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IngestResult> upload(@RequestParam("file") MultipartFile file,
                                        @RequestParam(required = false) String country,
                                        @RequestParam(required = false) Integer year,
                                        @RequestParam(required = false) String title,
                                        @RequestParam(required = false) String publisher,
                                        @RequestParam(defaultValue = "false") boolean allowDuplicate) throws IOException {
        // Only a label, but a client chooses it: no path segments or control characters get through.
        String name = FileNames.plain(file.getOriginalFilename());
        IngestResult result = ingestor.ingest(new ReportUpload(name, file.getBytes(), file.getContentType(),
                blankToNull(country), year, blankToNull(title), blankToNull(publisher), allowDuplicate));
        return ResponseEntity.status(result.status() == IngestResult.Status.PUBLISHED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }

    /** Every report seen, newest first: status, metadata, passage count, duplicate of, errors, timings. */
    @GetMapping
    List<ReportRecord> list(@RequestParam(required = false) ReportRecord.Status status) {
        return registry.list().stream().filter(r -> status == null || r.status() == status).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable String id) {
        return registry.get(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no report with id '" + id + "'");
            p.setTitle("Unknown report");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(p);
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
