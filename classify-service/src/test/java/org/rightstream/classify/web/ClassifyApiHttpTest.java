package org.rightstream.classify.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rightstream.classify.PassageClassifier;
import org.rightstream.contracts.RightstreamJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/classify} over real HTTP on the application's own Tomcat, for what MockMvc cannot
 * show: a chunked body (the container does not know its length) and a refusal sent on the headers
 * alone while the client has not sent its body. The stream is not bound here: this test is about HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.function.definition=",
        "spring.cloud.stream.function.autodetect=false"})
class ClassifyApiHttpTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    PassageClassifier classifier;

    @Test
    void aChunkedBodyUnderTheLimitIsClassified() throws Exception {
        byte[] body = "{\"text\": \"Police beat detainees in Almaty.\"}".getBytes(StandardCharsets.UTF_8);
        // A publisher of unknown length makes the client send the body chunked.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/classify"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .timeout(WAIT).build();

        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode answer = RightstreamJson.mapper().readTree(response.body());
        assertThat(answer.get("modelVersion").stringValue()).isEqualTo(classifier.modelVersion());
        assertThat(answer.get("severity").get("level").intValue()).isBetween(1, 5);
    }

    @Test
    void anUnfinishedChunkedBodyOverTheLimitIs413() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(headers("Transfer-Encoding: chunked").getBytes(StandardCharsets.UTF_8));
            // 1 MiB of an unfinished body, then silence without the closing chunk: a server that reads the
            // body to its end waits for ever. Not more, so Tomcat, which drains up to 2 MiB of an unread body
            // after answering, does not reset the connection before the answer is read.
            Thread sender = new Thread(() -> {
                String start = "{\"text\": \"";
                byte[] chunk = (hex(8192) + "\r\n" + "a".repeat(8192) + "\r\n").getBytes(StandardCharsets.UTF_8);
                try {
                    out.write((hex(start.length()) + "\r\n" + start + "\r\n").getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 128; i++) {
                        out.write(chunk);
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server stopped reading; its answer is what the test checks.
                }
            }, "unfinished-body");
            sender.setDaemon(true);
            sender.start();

            // An answer at all shows the server stopped reading; a server reading to the end never answers.
            String response = readAnswer(socket);

            assertThat(response).startsWith("HTTP/1.1 413 ");
            assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(response).contains("\"detail\":\"the request body is larger than the limit of 102400 bytes\"",
                    "\"reason\":\"TOO_LARGE\"");
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent() throws Exception {
        // The body is never sent: an answer at all shows the server decided on the headers alone.
        String response = exchange(headers("Content-Length: 50000000"));

        assertThat(response).startsWith("HTTP/1.1 413 ");
        assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(response).contains(
                "\"detail\":\"the request body is 50000000 bytes, larger than the limit of 102400 bytes\"");
    }

    private static String headers(String framing) {
        return "POST /api/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + framing + "\r\nConnection: close\r\n\r\n";
    }

    private static String hex(int n) {
        return Integer.toHexString(n);
    }

    /** Sends the request as is and reads the answer. */
    private String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return readAnswer(socket);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) WAIT.toMillis());
        return socket;
    }

    /**
     * Reads an answer to its end: the terminating chunk, or EOF. Tomcat may keep the connection open
     * after refusing a body it did not read, so EOF alone cannot mark the end.
     */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder response = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            for (int n; !response.toString().endsWith("\r\n0\r\n\r\n") && (n = in.read(buffer)) != -1; ) {
                response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketException e) {
            // A server that refuses a large body may reset the connection after its answer; the answer counts.
        }
        return response.toString();
    }
}
