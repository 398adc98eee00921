package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Watchlist and alerts on the real pipeline (Kafka, Elasticsearch, the three services): a watch added through the
 * API, a seed report ingested, and the notification received once per (watch, report) over SSE, on the alerts topic
 * and at the watch's webhook with a valid signature; acknowledgements that survive a restart of query-service; the
 * retroactive check of a new watch. The watched names are written in other spellings than the seed's, so the
 * variant matching is part of what is tested.
 */
class WatchlistAlertsIT {
    private static final Duration WITHIN = Duration.ofSeconds(120);
    /** A country of its own, so the analytics tests' figures for the seeds' country are not changed. */
    private static final String COUNTRY = "Alertland";

    private static RunningPipeline pipeline;
    private static HttpServer webhookReceiver;
    private static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    record Delivery(String signature, String eventId, byte[] body) {
    }

    @BeforeAll
    static void start() throws Exception {
        webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookReceiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Rightstream-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Rightstream-Event-Id"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
        pipeline = RunningPipeline.get();
    }

    @AfterAll
    static void stop() {
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
    }

    private static String query(String path) {
        return pipeline.url("query-service") + path;
    }

    @Test
    void watchlistEntriesAreCreatedReadChangedAndDeletedWithClearErrors() {
        String id = "crud-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = Api.postJson(query("/api/watchlist"), """
                {"id": "%s", "name": "Roza Akylbekova", "aliases": ["Роза Акылбекова"], "type": "person",
                 "notes": "KIBHR", "minSeverity": 2, "categories": ["expression"], "countries": ["Kazakhstan"]}
                """.formatted(id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("aliases").get(0).asString()).isEqualTo("Роза Акылбекова");
        assertThat(created.json().path("type").asString()).isEqualTo("PERSON");

        assertThat(Api.postJson(query("/api/watchlist"), "{\"id\": \"" + id + "\", \"name\": \"Other\"}").status())
                .isEqualTo(409);
        assertThat(Api.get(query("/api/watchlist/" + id)).json().path("notes").asString()).isEqualTo("KIBHR");

        Api.Response replaced = Api.putJson(query("/api/watchlist/" + id),
                "{\"name\": \"Roza Akylbekova\", \"minSeverity\": 4}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().path("minSeverity").asInt()).isEqualTo(4);
        assertThat(replaced.json().path("createdAt").asString()).isEqualTo(created.json().path("createdAt").asString());
        assertThat(Api.get(query("/api/watchlist")).json().path("watches").valueStream()
                .anyMatch(w -> w.path("id").asString().equals(id))).isTrue();

        Api.Response unknownCategory = Api.postJson(query("/api/watchlist"),
                "{\"name\": \"Ann Lee\", \"categories\": [\"weather\"]}");
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().path("field").asString()).isEqualTo("categories");
        assertThat(unknownCategory.json().path("detail").asString()).contains("unknown category 'weather'");
        Api.Response noName = Api.postJson(query("/api/watchlist"), "{\"aliases\": [\"x\"]}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("field").asString()).isEqualTo("name");
        assertThat(Api.postJson(query("/api/watchlist"), "{\"name\": ").status()).isEqualTo(400);
        assertThat(Api.postJson(query("/api/watchlist"), "{\"name\": \"Ann Lee\", \"webhookUrl\": \"file:///etc/passwd\"}")
                .status()).isEqualTo(400);

        assertThat(Api.delete(query("/api/watchlist/" + id)).status()).isEqualTo(204);
        assertThat(Api.get(query("/api/watchlist/" + id)).status()).isEqualTo(404);
        assertThat(Api.delete(query("/api/watchlist/" + id)).status()).isEqualTo(404);
    }

    @Test
    void aCsvWatchlistIsImportedRowErrorsAreListedByLineAndTheExportReadsBack() {
        String a = "csv-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "csv-b-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "id,name,aliases,type,minSeverity,categories\n"
                + a + ",Bolat Atabayev,Болат Атабаев|B. Atabayev,PERSON,3,expression|assembly-association\n"
                + b + ",\"Kazakhstan International Bureau for Human Rights, KIBHR\",,ORG,,\n"
                + "csv-bad,Someone Else,,PERSON,9,\n";

        Api.Response refused = Api.postCsv(query("/api/watchlist/import"), csv);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).asString()).isEqualTo("line 4: minSeverity: must be 1-5, was 9");
        assertThat(Api.get(query("/api/watchlist/" + a)).status()).as("nothing imported").isEqualTo(404);

        Api.Response imported = Api.postCsv(query("/api/watchlist/import?skipInvalid=true"), csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("created").asInt()).isEqualTo(2);
        assertThat(imported.json().path("errors").size()).isEqualTo(1);
        JsonNode bolat = Api.get(query("/api/watchlist/" + a)).json();
        assertThat(bolat.path("aliases").get(0).asString()).isEqualTo("Болат Атабаев");
        assertThat(bolat.path("categories").size()).isEqualTo(2);
        assertThat(Api.get(query("/api/watchlist/" + b)).json().path("type").asString()).isEqualTo("ORG");

        Api.Response again = Api.postCsv(query("/api/watchlist/import?skipInvalid=true"), csv);
        assertThat(again.json().path("created").asInt()).as("a second import replaces").isZero();
        assertThat(again.json().path("replaced").asInt()).isEqualTo(2);

        Api.Response export = Api.get(query("/api/watchlist/export"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).startsWith("id,name,aliases,type,notes,minSeverity,categories,countries,webhookUrl")
                .contains(a + ",Bolat Atabayev,Болат Атабаев|B. Atabayev,PERSON,,3,expression|assembly-association")
                .contains("\"Kazakhstan International Bureau for Human Rights, KIBHR\"");
        assertThat(Api.postCsv(query("/api/watchlist/import"), "").status()).isEqualTo(400);
        Api.delete(query("/api/watchlist/" + a));
        Api.delete(query("/api/watchlist/" + b));
    }

    @Test
    void aReportNamingAWatchedPersonIsNotifiedOnceOverSseOnTheTopicAndToTheWebhookAndAcksSurviveARestart()
            throws Exception {
        String watchId = "zhovtis-" + UUID.randomUUID().toString().substring(0, 8);
        try (AlertEvents sse = new AlertEvents(query("/api/alerts/stream?watchId=" + watchId))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !sse.named("ready").isEmpty());

            // Another romanisation than the report's "Evgeniy Zhovtis", and the Cyrillic spelling.
            Api.Response watch = Api.postJson(query("/api/watchlist"), """
                    {"id": "%s", "name": "Yevgeny Zhovtis", "aliases": ["Евгений Жовтис"],
                     "webhookUrl": "http://127.0.0.1:%d/hook"}
                    """.formatted(watchId, webhookReceiver.getAddress().getPort()));
            assertThat(watch.status()).as(watch.body()).isEqualTo(201);
            String secret = watch.json().path("webhookSecret").asString();
            assertThat(secret).as("a generated webhook secret is shown once").isNotBlank();
            assertThat(Api.get(query("/api/watchlist/" + watchId)).json().has("webhookSecret")).isFalse();
            // Past matches (other tests' copies of the seed) are notified by the retroactive check; wait for it so
            // that the report below is matched by the stream.
            await().atMost(WITHIN).until(() -> "DONE".equals(
                    Api.get(query("/api/watchlist/" + watchId + "/retroactive")).json().path("state").asString()));

            byte[] report = Api.withFirstLine("Alerts test " + UUID.randomUUID(),
                    Files.readAllBytes(pipeline.seed("000_")));
            Api.Response upload = Api.upload(pipeline.url("ingest-service") + "/api/reports?allowDuplicate=true&country="
                    + COUNTRY, "alerts-test.txt", report);
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
            String reportId = upload.json().path("reportId").asString();
            String notificationId = watchId + ":" + reportId;

            await().atMost(WITHIN).until(() -> sse.named("alert").stream()
                    .anyMatch(e -> notificationId.equals(e.id())));
            JsonNode notification = sse.named("alert").stream().filter(e -> notificationId.equals(e.id()))
                    .findFirst().orElseThrow().data();
            assertThat(notification.path("watchId").asString()).isEqualTo(watchId);
            assertThat(notification.path("reportId").asString()).isEqualTo(reportId);
            assertThat(notification.path("country").asString()).isEqualTo(COUNTRY);
            assertThat(notification.path("retroactive").asBoolean()).isFalse();
            assertThat(notification.path("passages").asInt()).as("the report names him in two sections")
                    .isGreaterThanOrEqualTo(2);
            JsonNode first = notification.path("alerts").get(0);
            assertThat(first.path("snippet").asString()).contains("<mark>Evgeniy Zhovtis</mark>");
            assertThat(first.path("sectionPath").size()).isPositive();
            assertThat(first.path("severity").asInt()).isBetween(1, 5);

            // Every passage alert is stored, one per passage, and the count agrees with the notification.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Api.get(query(
                    "/api/alerts?watchId=" + watchId + "&reportId=" + reportId)).json().path("total").asLong())
                    .isEqualTo(notification.path("passages").asLong()));

            // Nothing more arrives for this (watch, report): not over SSE, not on the topic, not at the webhook.
            Thread.sleep(4_000);
            assertThat(sse.named("alert").stream().filter(e -> notificationId.equals(e.id()))).hasSize(1);
            assertThat(notificationsOnTopic(notificationId)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.stream()
                    .anyMatch(d -> notificationId.equals(d.eventId())));
            List<Delivery> delivered = deliveries.stream().filter(d -> notificationId.equals(d.eventId())).toList();
            assertThat(delivered).hasSize(1);
            assertThat(validSignature(secret, delivered.get(0))).as("HMAC of the body with the watch's secret").isTrue();
            assertThat(validSignature("another secret", delivered.get(0))).isFalse();
            assertThat(RightstreamJson.mapper().readTree(delivered.get(0).body()).path("notificationId").asString())
                    .isEqualTo(notificationId);

            // Acknowledged, then query-service restarted: the ack is still there, and nothing is notified again.
            Api.Response ack = Api.post(query("/api/alerts/" + Api.encode(notificationId) + "/ack"));
            assertThat(ack.status()).as(ack.body()).isEqualTo(200);
            assertThat(ack.json().path("alertsAcknowledgedNow").asLong()).isEqualTo(notification.path("passages").asLong());
            assertThat(Api.post(query("/api/alerts/" + watchId + ":nope/ack")).status()).isEqualTo(404);
        }
        pipeline.restart("query-service");
        String reportOf = watchId + ":";
        JsonNode afterRestart = Api.get(query("/api/alerts?watchId=" + watchId + "&acknowledged=false&retroactive=false"))
                .json();
        assertThat(afterRestart.path("total").asLong()).as("unacknowledged live alerts after the restart").isZero();
        JsonNode notifications = Api.get(query("/api/alerts/notifications?watchId=" + watchId + "&retroactive=false"))
                .json();
        assertThat(notifications.path("items").valueStream()
                .filter(n -> n.path("notificationId").asString().startsWith(reportOf))
                .allMatch(n -> n.path("acknowledged").asBoolean())).isTrue();
        Thread.sleep(3_000);
        assertThat(notifications.path("items").valueStream().map(n -> n.path("notificationId").asString())
                .allMatch(id -> notificationsOnTopic(id) == 1)).as("no notification is sent again after a restart").isTrue();
    }

    @Test
    void aNewWatchReportsWhatWasIndexedBeforeItMarkedRetroactive() throws Exception {
        Api.Response upload = Api.upload(pipeline.url("ingest-service") + "/api/reports?allowDuplicate=true&country="
                + COUNTRY, "retro.txt", Api.withFirstLine("Retroactive test " + UUID.randomUUID(),
                Files.readAllBytes(pipeline.seed("002_"))));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String reportId = upload.json().path("reportId").asString();
        int chunks = upload.json().path("chunks").asInt();
        await().atMost(WITHIN).until(() -> Api.get(query("/api/reports/" + reportId + "/passages?size=1")).json()
                .path("total").asInt() == chunks);

        // The stream has matched every passage against the old watchlist, so the report is past matching live.
        await().atMost(WITHIN).until(() -> alertingLag() == 0);
        String watchId = "retro-" + UUID.randomUUID().toString().substring(0, 8);
        try (AlertEvents sse = new AlertEvents(query("/api/alerts/stream?watchId=" + watchId))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !sse.named("ready").isEmpty());
            // Initials and the surname as the report writes it: "L. Akhmediyarov" finds "Lukpan Akhmediyarov".
            Api.Response watch = Api.postJson(query("/api/watchlist"), """
                    {"id": "%s", "name": "Lukpan Akhmediyarov", "aliases": ["Лукпан Ахмедьяров"]}
                    """.formatted(watchId));
            assertThat(watch.status()).as(watch.body()).isEqualTo(201);

            await().atMost(WITHIN).until(() -> "DONE".equals(
                    Api.get(query("/api/watchlist/" + watchId + "/retroactive")).json().path("state").asString()));
            JsonNode status = Api.get(query("/api/watchlist/" + watchId + "/retroactive")).json();
            assertThat(status.path("passagesRead").asLong()).isGreaterThanOrEqualTo(chunks);
            assertThat(status.path("alertsFound").asInt()).isPositive();
            // Whoever sees DONE can list what it found at once: the page lists the past matches right after it.
            JsonNode listed = Api.get(query("/api/alerts?watchId=" + watchId)).json();
            assertThat(listed.path("total").asLong()).isEqualTo(status.path("alertsFound").asLong());
            assertThat(Api.get(query("/api/alerts/notifications?watchId=" + watchId + "&reportId=" + reportId)).json()
                    .path("total").asLong()).isEqualTo(1);

            String notificationId = watchId + ":" + reportId;
            await().atMost(Duration.ofSeconds(30)).until(() -> sse.named("alert").stream()
                    .anyMatch(e -> notificationId.equals(e.id())));
            JsonNode n = sse.named("alert").stream().filter(e -> notificationId.equals(e.id())).findFirst()
                    .orElseThrow().data();
            assertThat(n.path("retroactive").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode alerts = Api.get(query("/api/alerts?watchId=" + watchId + "&reportId=" + reportId)).json();
                assertThat(alerts.path("total").asLong()).isEqualTo(n.path("passages").asLong());
                assertThat(alerts.path("items").valueStream().allMatch(a -> a.path("retroactive").asBoolean())).isTrue();
            });
        }
    }

    @Test
    void badAlertQueriesAreRefusedNamingTheParameter() {
        Api.Response severity = Api.get(query("/api/alerts?minSeverity=9"));
        assertThat(severity.status()).isEqualTo(400);
        assertThat(severity.json().path("parameter").asString()).isEqualTo("minSeverity");
        Api.Response unknown = Api.get(query("/api/alerts?colour=red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("parameter").asString()).isEqualTo("colour");
        assertThat(Api.get(query("/api/alerts?acknowledged=maybe")).status()).isEqualTo(400);
        assertThat(Api.get(query("/api/alerts?from=9995&size=10")).status()).isEqualTo(400);
        assertThat(Api.post(query("/api/alerts/no-such-alert/ack")).status()).isEqualTo(404);
    }

    /** How many passages of report.chunks.classified the alert stream (group "alerts") has still to read. */
    private static long alertingLag() throws Exception {
        try (var admin = pipeline.admin()) {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets("alerts").partitionsToOffsetAndMetadata().get();
            var request = new java.util.HashMap<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec>();
            for (int p = 0; p < 3; p++) {
                request.put(new TopicPartition(Topics.REPORT_CHUNKS_CLASSIFIED, p),
                        org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            long lag = 0;
            for (var e : admin.listOffsets(request).all().get().entrySet()) {
                var c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    private static long notificationsOnTopic(String notificationId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (notificationId.equals(RightstreamJson.mapper().readTree(r.value()).path("notificationId")
                            .asString())) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /** The receiver's side of the signature: {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    private static boolean validSignature(String secret, Delivery d) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : d.signature().split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(d.body())).equals(v1);
    }
}
