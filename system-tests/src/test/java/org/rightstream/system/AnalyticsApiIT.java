package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The analytics API (trends, compare) and its OpenAPI description on the running pipeline, with the
 * seed reports classified by the real model and indexed in the real Elasticsearch node. Expected
 * values are derived from the data — Elasticsearch counts and averages, and the reports' text — never
 * from what the current model happens to output. Everything is scoped to Kazakhstan and the years of
 * the seeds, since other tests in this JVM index other passages.
 *
 * <p>Runs after the other end-to-end tests ({@code @Order}, with the class orderer set in
 * junit-platform.properties): it uploads the seeds with allowDuplicate=true, which would turn their
 * first uploads into duplicates.
 */
@Order(Integer.MAX_VALUE)
class AnalyticsApiIT {
    private static final Duration INDEXED_WITHIN = Duration.ofSeconds(120);
    private static final String COUNTRY = "Kazakhstan";
    private static final int[] YEARS = {2012, 2017, 2021};

    private static RunningPipeline pipeline;
    private static final Map<Integer, String> REPORT_OF_YEAR = new HashMap<>();
    private static final Map<Integer, Integer> CHUNKS_OF_YEAR = new HashMap<>();
    private static String undatedReportId;

    @BeforeAll
    static void uploadTheSeeds() throws Exception {
        pipeline = RunningPipeline.get();
        Map<String, Integer> expected = new HashMap<>();
        for (String prefix : List.of("000_", "001_", "002_")) {
            JsonNode r = upload(prefix, "");
            assertThat(r.path("country").asString()).isEqualTo(COUNTRY);
            REPORT_OF_YEAR.put(r.path("year").asInt(), r.path("reportId").asString());
            CHUNKS_OF_YEAR.put(r.path("year").asInt(), r.path("chunks").asInt());
            expected.put(r.path("reportId").asString(), r.path("chunks").asInt());
        }
        assertThat(REPORT_OF_YEAR).containsOnlyKeys(2012, 2017, 2021);
        // The NGO submission states no country or year; the markdown copy is a near-duplicate of it and is
        // published anyway, here with a country but still without a year.
        JsonNode ngo = upload("003_", "");
        expected.put(ngo.path("reportId").asString(), ngo.path("chunks").asInt());
        JsonNode markdown = upload("004_", "&country=" + COUNTRY);
        undatedReportId = markdown.path("reportId").asString();
        expected.put(undatedReportId, markdown.path("chunks").asInt());

        await().atMost(INDEXED_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                assertThat(esCount(term("reportId", e.getKey()))).as("indexed passages of " + e.getKey())
                        .isEqualTo(e.getValue().longValue());
            }
        });
    }

    private static JsonNode upload(String prefix, String fields) throws Exception {
        Path seed = seed(prefix);
        Api.Response r = Api.upload(pipeline.url("ingest-service") + "/api/reports?allowDuplicate=true" + fields,
                "analytics-" + seed.getFileName(), Files.readAllBytes(seed));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("chunks").asInt()).isPositive();
        return r.json();
    }

    // ---------------------------------------------------------------- trends

    @Test
    void categoryTrendsCountEveryIndexedPassageOfEachYear() {
        JsonNode primary = analytics("/api/trends/categories?country=" + COUNTRY + "&countBy=primary");
        JsonNode all = analytics("/api/trends/categories?country=" + COUNTRY);
        assertThat(primary.path("countBy").asString()).isEqualTo("primary");
        assertThat(all.path("countBy").asString()).isEqualTo("all");
        assertThat(all.path("counting").asString()).contains("each of its categories");

        for (int year : YEARS) {
            long indexed = esCount(scope(year));
            assertThat(indexed).isGreaterThanOrEqualTo(CHUNKS_OF_YEAR.get(year));

            JsonNode p = year(primary, year);
            assertThat(p.path("passages").asLong()).isEqualTo(indexed);
            // Counted by primary category, each passage is counted once: the categories add up to the year.
            assertThat(sum(p.path("categories"), "passages") + p.path("uncategorized").asLong()).isEqualTo(indexed);
            assertThat(p.path("uncategorized").asLong())
                    .isEqualTo(indexed - esCount(scope(year, "{\"exists\":{\"field\":\"primaryCategory\"}}")));

            JsonNode a = year(all, year);
            assertThat(a.path("passages").asLong()).isEqualTo(indexed);
            // Counted under every category, the categories add up to at least the categorised passages.
            assertThat(sum(a.path("categories"), "passages")).isGreaterThanOrEqualTo(indexed - a.path("uncategorized").asLong());
            for (JsonNode c : a.path("categories")) {
                String id = c.path("id").asString();
                assertThat(c.path("passages").asLong()).as(year + " " + id)
                        .isEqualTo(esCount(scope(year, term("categories.id", id))))
                        .isLessThanOrEqualTo(indexed);
                assertThat(c.path("label").asString()).isNotBlank();
            }
        }
        // Passages without a year (the markdown submission) are in no year.
        long dated = 0;
        for (JsonNode y : all.path("years")) {
            dated += y.path("passages").asLong();
        }
        assertThat(dated).isEqualTo(esCount("{\"bool\":{\"filter\":[" + term("country", COUNTRY)
                + ",{\"exists\":{\"field\":\"year\"}}]}}"));
        assertThat(dated).isLessThan(esCount(term("country", COUNTRY)));
        assertThat(esCount(term("reportId", undatedReportId))).isPositive();
    }

    @Test
    void trendsCompareTheCountryCaseInsensitivelyAndKeepToTheYearRange() {
        JsonNode exact = analytics("/api/trends/categories?country=Kazakhstan&from=2017&to=2021");
        JsonNode lower = analytics("/api/trends/categories?country=kazakhstan&from=2017&to=2021");

        assertThat(lower.path("years").toString()).isEqualTo(exact.path("years").toString());
        List<Integer> years = new ArrayList<>();
        exact.path("years").forEach(y -> years.add(y.path("year").asInt()));
        assertThat(years).contains(2017, 2021).doesNotContain(2012).allSatisfy(y -> assertThat(y).isBetween(2017, 2021));
        assertThat(analytics("/api/trends/categories?country=Atlantis").path("years")).isEmpty();
    }

    @Test
    void severityTrendsDistributeEachYearsPassagesOverTheFiveLevels() {
        JsonNode trends = analytics("/api/trends/severity?country=" + COUNTRY + "&from=2012&to=2021");

        for (int year : YEARS) {
            JsonNode y = year(trends, year);
            long indexed = esCount(scope(year));
            assertThat(y.path("passages").asLong()).isEqualTo(indexed);
            assertThat(y.path("levels")).hasSize(5);
            assertThat(y.path("levels").findValuesAsString("name")).allSatisfy(n -> assertThat(n).isNotBlank());
            assertThat(sum(y.path("levels"), "passages") + y.path("unrated").asLong()).isEqualTo(indexed);
            for (JsonNode level : y.path("levels")) {
                assertThat(level.path("passages").asLong()).as(year + " level " + level.path("level").asInt())
                        .isEqualTo(esCount(scope(year, term("severity.level", level.path("level").asInt()))));
            }
            assertThat(y.path("meanSeverity").asDouble()).isBetween(1.0, 5.0)
                    .isCloseTo(esMeanSeverity(scope(year)), within(0.006));
        }
    }

    @Test
    void personTrendsListTheMostNamedPersonsOfEachYear() {
        JsonNode trends = analytics("/api/trends/persons?country=" + COUNTRY + "&top=5");
        assertThat(trends.path("complete").asBoolean()).isTrue();

        for (int year : YEARS) {
            // Recount from the indexed passages: passages naming each person (type PERSON), names compared
            // ignoring case, punctuation and spacing.
            Map<String, Set<String>> passagesByName = new HashMap<>();
            for (JsonNode doc : esDocuments(scope(year))) {
                for (JsonNode e : doc.path("entities")) {
                    if ("PERSON".equals(e.path("type").asString()) && !key(e.path("text").asString()).isEmpty()) {
                        passagesByName.computeIfAbsent(key(e.path("text").asString()), k -> new HashSet<>())
                                .add(doc.path("chunkId").asString());
                    }
                }
            }
            JsonNode y = year(trends, year);
            JsonNode persons = y.path("persons");
            assertThat(y.path("distinctPersons").asInt()).isEqualTo(passagesByName.size());
            assertThat(persons.size()).isEqualTo(Math.min(5, passagesByName.size()));
            long previous = Long.MAX_VALUE;
            for (JsonNode p : persons) {
                long passages = p.path("passages").asLong();
                assertThat(passages).isLessThanOrEqualTo(previous).isPositive();
                previous = passages;
                assertThat(passagesByName.get(key(p.path("name").asString())))
                        .as(year + " " + p.path("name").asString()).hasSize((int) passages);
            }
            // Nobody left out ranks above the last one listed.
            long last = previous;
            long listedOrMore = passagesByName.values().stream().filter(s -> s.size() > last).count();
            assertThat(listedOrMore).isLessThanOrEqualTo(persons.size());
        }
    }

    // ---------------------------------------------------------------- compare

    @Test
    void compareGivesCountsAndMeanSeverityOfBothYearsPerCategory() {
        JsonNode c = analytics("/api/compare?country=" + COUNTRY + "&from=2012&to=2021&countBy=primary");

        JsonNode all = c.path("allPassages");
        assertThat(all.path("from").path("passages").asLong()).isEqualTo(esCount(scope(2012)));
        assertThat(all.path("to").path("passages").asLong()).isEqualTo(esCount(scope(2021)));
        assertThat(all.path("change").path("passages").asLong())
                .isEqualTo(all.path("to").path("passages").asLong() - all.path("from").path("passages").asLong());
        assertThat(all.path("from").path("meanSeverity").asDouble()).isBetween(1.0, 5.0)
                .isCloseTo(esMeanSeverity(scope(2012)), within(0.006));
        assertThat(all.path("to").path("meanSeverity").asDouble()).isBetween(1.0, 5.0)
                .isCloseTo(esMeanSeverity(scope(2021)), within(0.006));
        assertThat(c.path("warnings")).isEmpty();

        long fromCategorised = 0;
        for (JsonNode cat : c.path("categories")) {
            String id = cat.path("id").asString();
            for (String side : List.of("from", "to")) {
                int year = side.equals("from") ? 2012 : 2021;
                long passages = cat.path(side).path("passages").asLong();
                assertThat(passages).as(id + " " + year).isEqualTo(esCount(scope(year, term("primaryCategory", id))));
                JsonNode mean = cat.path(side).path("meanSeverity");
                if (passages == 0) {
                    assertThat(mean.isNull()).as(id + " " + year).isTrue();
                } else {
                    assertThat(mean.asDouble()).as(id + " " + year).isBetween(1.0, 5.0)
                            .isCloseTo(esMeanSeverity(scope(year, term("primaryCategory", id))), within(0.006));
                }
            }
            fromCategorised += cat.path("from").path("passages").asLong();
            assertThat(cat.path("change").path("passages").asLong())
                    .isEqualTo(cat.path("to").path("passages").asLong() - cat.path("from").path("passages").asLong());
        }
        assertThat(fromCategorised).isEqualTo(esCount(scope(2012, "{\"exists\":{\"field\":\"primaryCategory\"}}")));
    }

    @Test
    void compareListsThePersonsAndOrganisationsThatOnly2021Names() throws Exception {
        JsonNode c = analytics("/api/compare?country=" + COUNTRY + "&from=2012&to=2021&passagesPerName=2&limit=1000");
        // Kept for a reader of the build: what the seeds' comparison looks like.
        Files.writeString(Files.createDirectories(pipeline.home.resolve("system-tests/target/e2e"))
                .resolve("compare-Kazakhstan-2012-2021.json"), c.toPrettyString());
        JsonNode newNames = c.path("newNames");
        assertThat(newNames.path("complete").asBoolean()).isTrue();
        assertThat(newNames.path("passagesPerName").asInt()).isEqualTo(2);

        String text2012 = key(Files.readString(seed("000_"), StandardCharsets.UTF_8));
        String indexed2012 = indexedText(2012);
        String indexed2021 = indexedText(2021);
        Set<String> listed = new HashSet<>();
        for (String group : List.of("persons", "organisations")) {
            JsonNode names = newNames.path(group).path("names");
            assertThat(newNames.path(group).path("total").asInt()).isEqualTo(names.size());
            for (JsonNode n : names) {
                String name = n.path("name").asString();
                String k = key(name);
                listed.add(k);
                // Named in the 2021 report, nowhere in the 2012 one (neither its passages nor the file).
                assertThat(indexed2021).as(name).contains(" " + k + " ");
                assertThat(indexed2012).as(name).doesNotContain(" " + k + " ");
                assertThat(" " + text2012 + " ").as(name).doesNotContain(" " + k + " ");
                assertThat(n.path("passages").asInt()).isPositive();
                assertThat(n.path("examples").size()).isBetween(1, 2).isLessThanOrEqualTo(n.path("passages").asInt());
                for (JsonNode example : n.path("examples")) {
                    JsonNode doc = esDocument(example.path("chunkId").asString());
                    assertThat(doc.path("year").asInt()).isEqualTo(2021);
                    assertThat(doc.path("country").asString()).isEqualTo(COUNTRY);
                    assertThat(doc.path("reportId").asString()).isEqualTo(example.path("reportId").asString());
                    assertThat(key(example.path("snippet").asString())).as(name).contains(k);
                    assertThat(key(doc.path("text").asString())).contains(k);
                }
            }
        }
        assertThat(newNames.path("persons").path("names").size()).as("2021 names persons 2012 does not").isPositive();

        // The other way round: every person or organisation of 2021 whose name the 2012 passages contain
        // is not new.
        int checked = 0;
        for (JsonNode doc : esDocuments(scope(2021))) {
            for (JsonNode e : doc.path("entities")) {
                String type = e.path("type").asString();
                String k = key(e.path("text").asString());
                if ((type.equals("PERSON") || type.equals("ORG")) && !k.isEmpty() && indexed2012.contains(" " + k + " ")) {
                    assertThat(listed).as(e.path("text").asString()).doesNotContain(k);
                    checked++;
                }
            }
        }
        assertThat(checked).as("2021 names someone 2012 also names").isPositive();
    }

    @Test
    void compareCapsNamesAndPassagesPerName() {
        JsonNode c = analytics("/api/compare?country=kazakhstan&from=2012&to=2021&limit=1&passagesPerName=1");

        for (String group : List.of("persons", "organisations")) {
            JsonNode g = c.path("newNames").path(group);
            assertThat(g.path("names").size()).isLessThanOrEqualTo(1);
            g.path("names").forEach(n -> assertThat(n.path("examples").size()).isEqualTo(1));
        }
        assertThat(c.path("newNames").path("persons").path("total").asInt()).isPositive();
    }

    @Test
    void aYearWithoutPassagesIsAnsweredWithAWarning() {
        JsonNode c = analytics("/api/compare?country=" + COUNTRY + "&from=1999&to=2012");

        assertThat(c.path("allPassages").path("from").path("passages").asLong()).isZero();
        assertThat(c.path("allPassages").path("from").path("meanSeverity").isNull()).isTrue();
        assertThat(c.path("warnings").toString()).contains("1999");
    }

    // ---------------------------------------------------------------- bad input and docs

    @Test
    void badParametersAre400ProblemsNamingTheParameter() {
        Map<String, String> cases = Map.of(
                "/api/compare?from=2017&to=2021", "country",
                "/api/compare?country=Kazakhstan&from=2021&to=2017", "from",
                "/api/compare?country=Kazakhstan&from=2021&to=2021", "from",
                "/api/compare?country=Kazakhstan&from=twenty&to=2021", "from",
                "/api/compare?country=Kazakhstan&from=2017&to=2021x", "to",
                "/api/trends/persons?top=0", "top",
                "/api/trends/persons?top=1000", "top",
                "/api/trends/categories?countBy=%22%3C%3E", "countBy",
                "/api/trends/severity?from=2021&to=2012", "from");
        cases.forEach((path, parameter) -> {
            Api.Response r = Api.get(pipeline.url("query-service") + path);
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().path("parameter").asString()).as(path).isEqualTo(parameter);
            assertThat(r.json().path("detail").asString()).as(path).contains("'" + parameter + "'");
        });
        // Characters special to Elasticsearch in a country are just a country nobody has.
        Api.Response odd = Api.get(pipeline.url("query-service") + "/api/compare?country="
                + Api.encode("K*z\" OR 1=1 \\") + "&from=2012&to=2021");
        assertThat(odd.status()).as(odd.body()).isEqualTo(200);
    }

    @Test
    void apiDocsDescribeTheAnalyticsAndSearchEndpoints() {
        Api.Response docs = Api.get(pipeline.url("query-service") + "/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        for (String path : List.of("/api/trends/categories", "/api/trends/severity", "/api/trends/persons",
                "/api/compare")) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.path(path).path("get").path("parameters")).isNotEmpty();
            for (JsonNode p : paths.path(path).path("get").path("parameters")) {
                assertThat(p.path("description").asString()).as(path + " " + p.path("name")).isNotBlank();
            }
        }
        // The search endpoints are found by springdoc on their own; the query parameter is described.
        assertThat(paths.has("/api/search")).isTrue();
        for (JsonNode p : paths.path("/api/search").path("get").path("parameters")) {
            if (p.path("name").asString().equals("q")) {
                assertThat(p.path("description").asString()).isNotBlank();
            }
        }
        Api.Response ui = Api.get(pipeline.url("query-service") + "/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }

    // ---------------------------------------------------------------- helpers

    private static Path seed(String prefix) throws Exception {
        try (var files = Files.list(pipeline.home.resolve("seeds"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private static JsonNode analytics(String path) {
        Api.Response r = Api.get(pipeline.url("query-service") + path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode year(JsonNode trends, int year) {
        for (JsonNode y : trends.path("years")) {
            if (y.path("year").asInt() == year) {
                return y;
            }
        }
        throw new AssertionError("no year " + year + " in " + trends);
    }

    private static long sum(JsonNode array, String field) {
        long sum = 0;
        for (JsonNode n : array) {
            sum += n.path(field).asLong();
        }
        return sum;
    }

    /** Lower-case letters and digits, words separated by one space (how the API compares names). */
    private static String key(String s) {
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return nfc.replaceAll("[^\\p{L}\\p{Nd}\\p{Mn}]+", " ").strip();
    }

    /** The 2012 or 2021 passages of the country as indexed, normalised like names, one passage per line. */
    private static String indexedText(int year) {
        StringBuilder b = new StringBuilder(" ");
        for (JsonNode doc : esDocuments(scope(year))) {
            b.append(key(doc.path("text").asString())).append(" | ");
        }
        return b.toString();
    }

    private static String term(String field, Object value) {
        String v = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return "{\"term\":{\"" + field + "\":" + v + "}}";
    }

    private static String scope(int year, String... more) {
        StringBuilder filters = new StringBuilder(term("country", COUNTRY) + "," + term("year", year));
        for (String m : more) {
            filters.append(',').append(m);
        }
        return "{\"bool\":{\"filter\":[" + filters + "]}}";
    }

    private static long esCount(String query) {
        String es = pipeline.elasticsearch.url();
        Api.postJson(es + "/report-chunks/_refresh", "{}");
        Api.Response r = Api.postJson(es + "/report-chunks/_count", "{\"query\":" + query + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("count").asLong();
    }

    private static double esMeanSeverity(String query) {
        Api.Response r = Api.postJson(pipeline.elasticsearch.url() + "/report-chunks/_search",
                "{\"size\":0,\"query\":" + query + ",\"aggs\":{\"m\":{\"avg\":{\"field\":\"severity.level\"}}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("aggregations").path("m").path("value").asDouble();
    }

    private static List<JsonNode> esDocuments(String query) {
        Api.Response r = Api.postJson(pipeline.elasticsearch.url() + "/report-chunks/_search",
                "{\"size\":5000,\"query\":" + query + ",\"_source\":[\"chunkId\",\"text\",\"entities\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> docs = new ArrayList<>();
        r.json().path("hits").path("hits").forEach(h -> docs.add(h.path("_source")));
        return docs;
    }

    private static JsonNode esDocument(String chunkId) {
        Api.Response r = Api.get(pipeline.elasticsearch.url() + "/report-chunks/_doc/" + chunkId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("_source");
    }
}
