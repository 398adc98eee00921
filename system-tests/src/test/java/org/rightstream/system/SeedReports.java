package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * The seed reports as the end-to-end tests share them: uploaded as they are, so whichever test comes first
 * publishes a seed and the others find it recognised as a duplicate and use its registry entry.
 */
final class SeedReports {

    record Seed(String reportId, int chunks, String country, Integer year) {
    }

    private SeedReports() {
    }

    /**
     * Uploads a seed; one already ingested by an earlier test is recognised as a duplicate and its
     * registry entry used, a near-duplicate (the NGO submission's second format) is published anyway.
     */
    static Seed ingest(RunningPipeline pipeline, String prefix) throws Exception {
        Path file = pipeline.seed(prefix);
        String url = pipeline.url("ingest-service") + "/api/reports";
        byte[] bytes = Files.readAllBytes(file);
        Api.Response upload = Api.upload(url, file.getFileName().toString(), bytes);
        if ("NEAR_DUPLICATE".equals(upload.json().path("status").asString())) {
            upload = Api.upload(url + "?allowDuplicate=true", file.getFileName().toString(), bytes);
        }
        assertThat(upload.status()).as(upload.body()).isIn(200, 201);
        String reportId = upload.json().path("reportId").asString();
        Api.Response record = Api.get(url + "/" + reportId);
        assertThat(record.json().path("status").asString()).as(record.body()).isEqualTo("PUBLISHED");
        JsonNode r = record.json();
        return new Seed(reportId, r.path("chunks").asInt(), r.path("country").isString() ? r.path("country").asString() : null,
                r.path("year").isNumber() ? r.path("year").asInt() : null);
    }

    /** Waits until every passage of the seed is in the index. */
    static void awaitIndexed(RunningPipeline pipeline, Seed seed, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(countIndexed(pipeline, seed.reportId())).as(seed.toString()).isEqualTo(seed.chunks()));
    }

    static long countIndexed(RunningPipeline pipeline, String reportId) {
        String es = pipeline.elasticsearch.url();
        Api.postJson(es + "/report-chunks/_refresh", "{}");
        return Api.postJson(es + "/report-chunks/_count", "{\"query\":{\"term\":{\"reportId\":\"" + reportId + "\"}}}")
                .json().path("count").asLong();
    }
}
