package org.rightstream.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IngestServiceTest {
    private HttpServer ingest;
    private final AtomicReference<String> seenContentType = new AtomicReference<>();
    private final AtomicReference<String> seenQuery = new AtomicReference<>();
    private final AtomicReference<byte[]> seenBody = new AtomicReference<>();
    private final AtomicReference<String> seenApiKey = new AtomicReference<>();

    @BeforeEach
    void startFakeIngest() throws Exception {
        ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ingest.createContext("/api/reports", exchange -> {
            seenContentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            seenQuery.set(exchange.getRequestURI().getRawQuery());
            seenApiKey.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            seenBody.set(exchange.getRequestBody().readAllBytes());
            byte[] answer;
            int status;
            if (exchange.getRequestURI().getPath().endsWith("/missing")) {
                status = 404;
                answer = "{\"detail\":\"no report with id 'missing'\"}".getBytes(StandardCharsets.UTF_8);
            } else if ("POST".equals(exchange.getRequestMethod())) {
                status = 422;
                answer = "{\"detail\":\"the PDF could not be read\",\"reason\":\"UNREADABLE\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                answer = "[{\"id\":\"r1\",\"chunks\":3}]".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        ingest.start();
    }

    @AfterEach
    void stop() {
        ingest.stop(0);
    }

    private IngestService service() {
        return new IngestService(URI.create("http://127.0.0.1:" + ingest.getAddress().getPort() + "/"), Duration.ofSeconds(5));
    }

    @Test
    void anUploadGoesOnByteForByteWithItsContentTypeAndQueryAndTheRefusalComesBackAsItIs() throws Exception {
        byte[] multipart = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n\r\n%PDF-1.4 cut\r\n--b--\r\n"
                .getBytes(StandardCharsets.UTF_8);

        IngestService.Answer answer = service().upload("allowDuplicate=true&country=Kazakhstan",
                "multipart/form-data; boundary=b", new ByteArrayInputStream(multipart), Map.of("X-Api-Key", "k-0123456789abcdef"));

        assertThat(seenBody.get()).isEqualTo(multipart);
        assertThat(seenContentType.get()).isEqualTo("multipart/form-data; boundary=b");
        assertThat(seenQuery.get()).isEqualTo("allowDuplicate=true&country=Kazakhstan");
        assertThat(seenApiKey.get()).as("the caller's key goes on").isEqualTo("k-0123456789abcdef");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("the PDF could not be read");
    }

    @Test
    void listingsAndNotFoundsArePassedOn() throws Exception {
        assertThat(new String(service().get("/api/reports", Map.of()).body(), StandardCharsets.UTF_8)).isEqualTo("[{\"id\":\"r1\",\"chunks\":3}]");
        assertThat(service().get("/api/reports/missing", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void anUnreachableIngestServiceIsReportedWithItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        IngestService gone = new IngestService(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2));

        assertThatThrownBy(() -> gone.get("/api/reports", Map.of()))
                .isInstanceOf(IngestService.UnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void onlyHttpAddressesAreAccepted() {
        assertThatThrownBy(() -> new DashboardProperties(URI.create("file:///etc/passwd"), Duration.ofSeconds(1), DataSize.ofMegabytes(21)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rightstream.dashboard.ingest-url");
    }
}
