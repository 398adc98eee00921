package org.rightstream.query.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The few calls the dashboard makes on ingest-service, passed through byte for byte: the report list,
 * one report's record, and an upload whose multipart body is streamed on without being parsed here
 * (ingest-service owns the size limits and the checks, and its problem answers reach the page as they are).
 */
public class IngestService {
    private static final String REPORTS = "/api/reports";

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    public IngestService(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An answer from ingest-service: status, content type and body, to be returned as they are. */
    public record Answer(int status, Optional<String> contentType, byte[] body) {
    }

    /** ingest-service could not be reached or did not answer in time. */
    public static class UnavailableException extends IOException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Answer get(String pathAndQuery, Map<String, String> credentials) throws IOException {
        return send(with(HttpRequest.newBuilder(resolve(pathAndQuery)), credentials).GET());
    }

    /** Passed on with the caller's own credentials, so ingest-service decides on them as if called directly. */
    public Answer upload(String query, String contentType, InputStream body, Map<String, String> credentials)
            throws IOException {
        String path = query == null || query.isEmpty() ? REPORTS : REPORTS + "?" + query;
        return send(with(HttpRequest.newBuilder(resolve(path)), credentials)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)));
    }

    private static HttpRequest.Builder with(HttpRequest.Builder request, Map<String, String> credentials) {
        credentials.forEach(request::header);
        return request;
    }

    public URI base() {
        return base;
    }

    private URI resolve(String pathAndQuery) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + pathAndQuery);
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type"), response.body());
        } catch (ConnectException e) {
            throw new UnavailableException("ingest-service is not reachable at " + base, e);
        } catch (HttpTimeoutException e) {
            throw new UnavailableException("ingest-service did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for ingest-service", e);
        } catch (IOException e) {
            throw new UnavailableException("ingest-service at " + base + " failed: " + e.getMessage(), e);
        }
    }
}
