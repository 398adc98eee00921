package org.rightstream.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rightstream.contracts.RightstreamJson;
import tools.jackson.databind.JsonNode;

/** Uploads report files to ingest-service's {@code POST /api/reports}, one progress line per file. */
final class ReportUploader {
    record Result(Path file, boolean ok, String reportId, String status, long chunks, String message) {
    }

    private final String ingestUrl;
    private final String apiKey;
    private final PrintStream out;

    ReportUploader(String ingestUrl, String apiKey, PrintStream out) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
        this.out = out;
    }

    List<Result> upload(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            try {
                RightstreamCli.files(p).forEach(files::add);
            } catch (IOException e) {
                throw new LaunchException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        List<Result> results = new ArrayList<>();
        int i = 0;
        for (Path file : files) {
            i++;
            long start = System.nanoTime();
            Result r = uploadOne(file);
            results.add(r);
            String detail = !r.ok() ? " - " + r.message()
                    : "PUBLISHED".equals(r.status()) ? ", " + r.chunks() + " passages, report " + r.reportId()
                    : " - " + r.message();
            out.printf("  [%d/%d] %s: %s%s (%.1f s)%n", i, files.size(), file.getFileName(), r.status(), detail,
                    (System.nanoTime() - start) / 1e9);
        }
        return results;
    }

    private Result uploadOne(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Result(file, false, null, "UNREADABLE", 0, e.getMessage());
        }
        return upload(file, content, "");
    }

    /**
     * One report from memory, as a file of that name; {@code query} is added to the URL as it is (parameters of
     * {@code POST /api/reports}, e.g. {@code ?allowDuplicate=true&country=...}, already encoded).
     */
    Result upload(Path name, byte[] content, String query) {
        String boundary = "rightstream-" + UUID.randomUUID();
        byte[] body;
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(content.length + 300);
            String fileName = name.getFileName().toString().replace("\"", "");
            buf.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            buf.write(content);
            buf.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            body = buf.toByteArray();
        } catch (IOException e) {
            return new Result(name, false, null, "UNREADABLE", 0, e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/reports" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        Http.Response r = Http.send(request);
        if (r.status() < 0) {
            return new Result(name, false, null, "UNREACHABLE", 0,
                    "ingest-service is not reachable at " + ingestUrl + " (is the stack up? ./rightstream up)");
        }
        JsonNode json;
        try {
            json = RightstreamJson.mapper().readTree(r.body());
        } catch (RuntimeException e) {
            return new Result(name, false, null, "HTTP " + r.status(), 0, r.body());
        }
        String detail = json.path("detail").asString(json.path("message").asString(""));
        if (r.status() >= 300) {
            return new Result(name, false, null, json.path("title").asString("HTTP " + r.status()), 0, detail);
        }
        return new Result(name, true, json.path("reportId").asString(), json.path("status").asString(),
                json.path("chunks").asLong(), detail);
    }
}
