package org.rightstream.query.alert;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real webhook receiver on a free local port. It records every request and answers with the scripted replies in
 * turn, repeating the last one; a hanging reply never answers until the receiver is closed.
 */
final class TestReceiver implements AutoCloseable {

    record Reply(int status, String retryAfter, boolean hang) {
        static Reply of(int status) {
            return new Reply(status, null, false);
        }

        static Reply withRetryAfter(int status, String seconds) {
            return new Reply(status, seconds, false);
        }

        static Reply never() {
            return new Reply(0, null, true);
        }
    }

    record Received(long nanoTime, String method, String path, Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Reply last = Reply.of(204);

    private TestReceiver(Reply... replies) throws IOException {
        script.addAll(List.of(replies));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    static TestReceiver replying(Reply... replies) throws IOException {
        return new TestReceiver(replies);
    }

    static TestReceiver replying(int... statuses) throws IOException {
        List<Reply> replies = new ArrayList<>();
        for (int status : statuses) {
            replies.add(Reply.of(status));
        }
        return new TestReceiver(replies.toArray(Reply[]::new));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alerts?tenant=t1");
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int count() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            received.add(new Received(System.nanoTime(), exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), in.readAllBytes()));
            Reply reply = next();
            if (reply.hang()) {
                release.await(1, TimeUnit.MINUTES);
                return;
            }
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
            }
            byte[] body = "{\"ok\":true}".getBytes();
            exchange.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : body.length);
            if (reply.status() != 204) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized Reply next() {
        Reply reply = script.poll();
        if (reply != null) {
            last = reply;
        }
        return last;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
