package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch stops while a report is on its way and comes back: query-service reports DOWN with the reason,
 * keeps running, retries with back-off, and in the end every published passage is indexed, none twice.
 */
class ElasticsearchOutageIT {
    private static final Duration WITHIN = Duration.ofSeconds(180);

    @Test
    void passagesPublishedWhileElasticsearchIsDownAreAllIndexedOnceItIsBack() throws Exception {
        RunningPipeline pipeline = RunningPipeline.get();
        String es = pipeline.elasticsearch.url();
        String health = pipeline.url("query-service") + "/actuator/health";
        Path seed;
        try (var files = Files.list(pipeline.home.resolve("seeds"))) {
            seed = files.filter(f -> f.getFileName().toString().startsWith("002_")).findFirst().orElseThrow();
        }

        pipeline.elasticsearch.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Api.Response down = Api.get(health);
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.json().path("components").path("elasticsearch").path("status").asString())
                        .isEqualTo("DOWN");
                assertThat(down.json().path("components").path("elasticsearch").path("details").path("error")
                        .asString()).as("the reason is given").isNotBlank();
            });
            Api.Response upload = Api.upload(pipeline.url("ingest-service") + "/api/reports?allowDuplicate=true",
                    "during-outage.txt", Files.readAllBytes(seed));
            assertThat(upload.status()).as(upload.body()).isEqualTo(201);
            String reportId = upload.json().path("reportId").asString();
            int chunks = upload.json().path("chunks").asInt();
            // Let the indexer fail and back off a few times while the node is gone.
            Thread.sleep(8_000);
            assertThat(pipeline.services.services.get("query-service").process()).as("no crash").isPresent();

            pipeline.elasticsearch.start(Duration.ofSeconds(150));
            await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Api.postJson(es + "/report-chunks/_refresh", "{}");
                assertThat(Api.postJson(es + "/report-chunks/_count",
                        "{\"query\":{\"term\":{\"reportId\":\"" + reportId + "\"}}}").json().path("count").asLong())
                        .isEqualTo(chunks);
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.get(health).status()).isEqualTo(200));
        } finally {
            pipeline.elasticsearch.start(Duration.ofSeconds(150));
        }
    }
}
