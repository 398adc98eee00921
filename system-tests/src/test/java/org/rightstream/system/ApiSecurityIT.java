package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three services as an anonymous client meets them: every write refused with a problem body saying what to
 * send, reads open, the page served with its security headers, and no CORS permission for another origin.
 */
class ApiSecurityIT {
    private static RunningPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = RunningPipeline.get();
    }

    private static String url(String service, String path) {
        return pipeline.url(service) + path;
    }

    @Test
    void everyWriteEndpointRefusesACallWithoutTheKey() {
        record Write(String service, String method, String path, String contentType, String body) {
        }
        List<Write> writes = List.of(
                new Write("ingest-service", "POST", "/api/reports", "multipart/form-data; boundary=x", "--x--\r\n"),
                new Write("query-service", "POST", "/api/reports", "multipart/form-data; boundary=x", "--x--\r\n"),
                new Write("query-service", "POST", "/api/watchlist", "application/json", "{\"name\":\"Anon Ymous\"}"),
                new Write("query-service", "PUT", "/api/watchlist/w-1", "application/json", "{\"name\":\"Anon Ymous\"}"),
                new Write("query-service", "DELETE", "/api/watchlist/w-1", null, null),
                new Write("query-service", "POST", "/api/watchlist/import", "text/csv", "name\nAnon Ymous\n"),
                new Write("query-service", "POST", "/api/alerts/w-1:r-1/ack", null, null),
                new Write("query-service", "POST", "/actuator/bindings/index-in-0", "application/json", "{\"state\":\"STOPPED\"}"),
                new Write("classify-service", "POST", "/actuator/bindings/classify-in-0", "application/json", "{\"state\":\"STOPPED\"}"));
        for (Write w : writes) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(w.service(), w.path())))
                    .method(w.method(), w.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(w.body(), StandardCharsets.UTF_8));
            if (w.contentType() != null) {
                request.header("Content-Type", w.contentType());
            }
            Api.Response anonymous = Api.anonymous(request);
            assertThat(anonymous.status()).as(w + " → " + anonymous.body()).isEqualTo(401);
            assertThat(anonymous.json().path("detail").asString()).as(w.toString()).contains("X-Api-Key");

            Api.Response wrongKey = Api.anonymous(HttpRequest.newBuilder(URI.create(url(w.service(), w.path())))
                    .header("X-Api-Key", "not-the-key-but-long-enough")
                    .method(w.method(), HttpRequest.BodyPublishers.noBody()));
            assertThat(wrongKey.status()).as(w.toString()).isEqualTo(401);
            assertThat(wrongKey.json().path("detail").asString()).isEqualTo("the API key sent is not valid");
        }
        // Nothing was stopped by the refused actuator writes: the index binding still runs.
        assertThat(Api.get(url("query-service", "/actuator/bindings/index-in-0")).body()).contains("running");
    }

    @Test
    void anUploadOverTheLimitIsRefusedWithItsSizeEvenWithTheKey() throws Exception {
        for (String service : List.of("query-service", "ingest-service")) {
            String answer = uploadOverSocket(url(service, "/api/reports"), 22 * 1024 * 1024);
            assertThat(answer).as(service).startsWith("HTTP/1.1 413").contains("larger than");
        }
    }

    /**
     * A 22 MB upload written on a plain socket while the answer is read: a server may answer 413 and close
     * before the body is all sent, which Java's HTTP client reports as an error instead of the answer.
     */
    private static String uploadOverSocket(String url, int fileBytes) throws Exception {
        URI uri = URI.create(url);
        String boundary = "limit-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = (long) head.length + fileBytes + tail.length;
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nX-Api-Key: " + Api.KEY + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            Thread writer = new Thread(() -> {
                try {
                    out.write(head);
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'a');
                    for (int sent = 0; sent < fileBytes; sent += chunk.length) {
                        out.write(chunk, 0, Math.min(chunk.length, fileBytes - sent));
                    }
                    out.write(tail);
                    out.flush();
                } catch (java.io.IOException refusedMidway) {
                    // The server answered and closed before the whole body was sent: that is the point.
                }
            });
            writer.start();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            writer.join(60_000);
            return answer;
        }
    }

    @Test
    void readsAndTheComputeOnlyClassifyAreOpen() {
        assertThat(Api.anonymous(HttpRequest.newBuilder(URI.create(url("query-service", "/api/search?q=law&size=1")))).status())
                .isEqualTo(200);
        assertThat(Api.anonymous(HttpRequest.newBuilder(URI.create(url("query-service", "/api/watchlist")))).status())
                .isEqualTo(200);
        assertThat(Api.anonymous(HttpRequest.newBuilder(URI.create(url("ingest-service", "/api/reports")))).status())
                .isEqualTo(200);
        Api.Response classify = Api.anonymous(HttpRequest.newBuilder(URI.create(url("classify-service", "/api/classify")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Police beat detainees in custody.\"}")));
        assertThat(classify.status()).as(classify.body()).isEqualTo(200);
    }

    @Test
    void theDashboardIsServedWithSecurityHeadersAndNoCorsForOtherOrigins() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("query-service", "/")))
                .header("Origin", "https://elsewhere.example").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
