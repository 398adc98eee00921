package org.rightstream.ingest.web;

import java.io.IOException;
import org.rightstream.ingest.report.IngestResult;
import org.rightstream.ingest.report.ReportIngestor;
import org.rightstream.ingest.report.ReportUpload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/reports}: upload a report file, get back its id and how many passages were published. */
@RestController
@RequestMapping("/api/reports")
class ReportController {
    private final ReportIngestor ingestor;

    ReportController(ReportIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    IngestResult upload(@RequestParam("file") MultipartFile file,
                        @RequestParam(required = false) String country,
                        @RequestParam(required = false) Integer year,
                        @RequestParam(required = false) String title,
                        @RequestParam(required = false) String publisher) throws IOException {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        return ingestor.ingest(new ReportUpload(name, file.getBytes(), file.getContentType(),
                blankToNull(country), year, blankToNull(title), blankToNull(publisher)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
