package org.rightstream.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.rightstream.contracts.RightstreamJson;
import tools.jackson.databind.JsonNode;

/** A client of {@code GET /api/alerts/stream}: collects the Server-Sent Events it receives. */
final class AlertEvents implements AutoCloseable {
    record Event(String name, String id, JsonNode data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    AlertEvents(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        response = http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            String[] name = {null};
            String[] id = {null};
            StringBuilder data = new StringBuilder();
            try {
                r.body().forEach(line -> {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(name[0], id[0], RightstreamJson.mapper().readTree(data.toString())));
                        }
                        name[0] = null;
                        id[0] = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id[0] = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    @Override
    public void close() throws IOException {
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
        response.cancel(true);
    }
}
