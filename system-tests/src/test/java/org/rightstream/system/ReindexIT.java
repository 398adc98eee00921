package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rightstream.infra.StackConfig;

/**
 * {@code ./rightstream reindex} against the real node while the pipeline runs: the alias moves to the next index
 * version, every passage comes along, search keeps working, and new passages land in the new version.
 */
class ReindexIT {
    private static final Duration WITHIN = Duration.ofSeconds(120);

    @Test
    void reindexMovesTheAliasToTheNextVersionWithEveryPassageAndIndexingGoesOn() throws Exception {
        RunningPipeline pipeline = RunningPipeline.get();
        String es = pipeline.elasticsearch.url();
        String reportId = upload(pipeline, "000_", "before-reindex.txt");
        long before = count(es, "{\"match_all\":{}}");
        String from = aliasTarget(es);

        Process reindex = new ProcessBuilder("java", "-Xmx256m",
                "-Dloader.main=org.rightstream.query.index.ReindexCommand",
                "-cp", StackConfig.fromEnvironment(pipeline.home).serviceJar("query-service").toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", "--elasticsearch", es)
                .redirectErrorStream(true).start();
        assertThat(reindex.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS)).as("reindex finished").isTrue();
        String output = new String(reindex.getInputStream().readAllBytes());
        assertThat(reindex.exitValue()).as(output).isZero();

        String to = aliasTarget(es);
        assertThat(to).isNotEqualTo(from).matches("report-chunks-v\\d+");
        assertThat(Integer.parseInt(to.substring(to.lastIndexOf('v') + 1)))
                .isEqualTo(Integer.parseInt(from.substring(from.lastIndexOf('v') + 1)) + 1);
        assertThat(count(es, "{\"match_all\":{}}")).isGreaterThanOrEqualTo(before);
        assertThat(count(es, "{\"term\":{\"reportId\":\"" + reportId + "\"}}")).isPositive();
        assertThat(output).contains("reindex: done: " + from + " -> " + to);

        // Search reads through the alias, indexing writes through it: both follow the switch.
        Api.Response search = Api.get(pipeline.url("query-service") + "/api/search?q=torture");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().path("total").asLong()).isPositive();
        String after = upload(pipeline, "001_", "after-reindex.txt");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(countIn(es, to, after)).isPositive());
    }

    private static String upload(RunningPipeline pipeline, String seedPrefix, String name) throws Exception {
        Path seed;
        try (var files = Files.list(pipeline.home.resolve("seeds"))) {
            seed = files.filter(f -> f.getFileName().toString().startsWith(seedPrefix)).findFirst().orElseThrow();
        }
        // A first line of its own makes it a report no other test has sent (tests share one pipeline).
        byte[] distinct = Api.withFirstLine("Reindex test copy " + java.util.UUID.randomUUID(), Files.readAllBytes(seed));
        Api.Response upload = Api.upload(pipeline.url("ingest-service") + "/api/reports?allowDuplicate=true", name,
                distinct);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String reportId = upload.json().path("reportId").asString();
        int chunks = upload.json().path("chunks").asInt();
        String es = pipeline.elasticsearch.url();
        await().atMost(WITHIN).untilAsserted(() ->
                assertThat(count(es, "{\"term\":{\"reportId\":\"" + reportId + "\"}}")).isEqualTo(chunks));
        return reportId;
    }

    private static String aliasTarget(String es) {
        Api.Response r = Api.get(es + "/_alias/report-chunks");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(1);
        return r.json().propertyNames().iterator().next();
    }

    private static long count(String es, String query) {
        Api.postJson(es + "/report-chunks/_refresh", "{}");
        return Api.postJson(es + "/report-chunks/_count", "{\"query\":" + query + "}").json().path("count").asLong();
    }

    private static long countIn(String es, String index, String reportId) {
        Api.postJson(es + "/" + index + "/_refresh", "{}");
        return Api.postJson(es + "/" + index + "/_count", "{\"query\":{\"term\":{\"reportId\":\"" + reportId + "\"}}}")
                .json().path("count").asLong();
    }
}
