package org.rightstream.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.rightstream.contracts.RightstreamJson;
import tools.jackson.databind.JsonNode;

/** Small HTTP helpers for the end-to-end tests. */
final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The services under test get this key; every call here sends it unless told not to. */
    static final String KEY = "e2e-api-key-" + java.util.UUID.randomUUID();

    record Response(int status, JsonNode json, String body) {
    }

    private Api() {
    }

    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static Response postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Response putJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Response postCsv(String url, String csv) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    static Response delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    static Response post(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static Response upload(String url, String fileName, byte[] content) {
        String boundary = "e2e-boundary-7c1f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * A meter's first measurement from a service's {@code /actuator/metrics} (a counter's count, a timer's count),
     * restricted to the given tags (pairs: name, value).
     */
    static double meter(String serviceUrl, String name, String... tags) {
        StringBuilder url = new StringBuilder(serviceUrl).append("/actuator/metrics/").append(name);
        for (int i = 0; i + 1 < tags.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append("tag=").append(encode(tags[i] + ":" + tags[i + 1]));
        }
        Response r = get(url.toString());
        if (r.status() != 200) {
            throw new AssertionError("GET " + url + " answered " + r.status() + ": " + r.body());
        }
        return r.json().path("measurements").get(0).path("value").asDouble();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A call without the API key, as an anonymous client makes it. */
    static Response anonymous(HttpRequest.Builder request) {
        return exchange(request);
    }

    private static Response send(HttpRequest.Builder request) {
        return exchange(request.header("X-Api-Key", KEY));
    }

    private static Response exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = RightstreamJson.mapper().readTree(r.body());
            } catch (RuntimeException notJson) {
                // Left null: the assertion on the status shows the body.
            }
            return new Response(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The content with a first line of its own, so ingest sees a report no other test has sent. */
    static byte[] withFirstLine(String line, byte[] content) {
        byte[] head = (line + "\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + content.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(content, 0, out, head.length, content.length);
        return out;
    }
}
