package org.rightstream.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.Ids;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.system.SeedReports.Seed;
import tools.jackson.databind.JsonNode;

/**
 * The search API of query-service on the real pipeline: the five seed reports (three State Department
 * reports on Kazakhstan, 2012/2017/2021, and one NGO submission as text and, published anyway, as its
 * markdown near-duplicate) go through ingest and classification into the real Elasticsearch node, and
 * every search is scoped to their report ids (other tests may index other passages in the same JVM).
 * Only what does not depend on the trained model's exact labels is asserted: filters against the
 * labels the answers themselves carry, facets against totals, orders, paging, status codes.
 */
class SearchApiIT {
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(120);
    private static RunningPipeline pipeline;
    /** Seed file name prefix → the report as ingested. */
    private static final Map<String, Seed> SEEDS = new LinkedHashMap<>();
    private static String scope;
    private static long passages;

    @BeforeAll
    static void ingestTheSeeds() throws Exception {
        pipeline = RunningPipeline.get();
        for (String prefix : List.of("000_", "001_", "002_", "003_", "004_")) {
            SEEDS.put(prefix, SeedReports.ingest(pipeline, prefix));
        }
        for (Seed seed : SEEDS.values()) {
            SeedReports.awaitIndexed(pipeline, seed, SEARCHABLE_WITHIN);
        }
        scope = SEEDS.values().stream().map(s -> "report=" + s.reportId()).collect(Collectors.joining("&"));
        passages = SEEDS.values().stream().mapToLong(Seed::chunks).sum();
        assertThat(SEEDS.values().stream().map(Seed::reportId).distinct().count()).isEqualTo(5);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static Api.Response get(String pathAndQuery) {
        return Api.get(pipeline.url("query-service") + pathAndQuery);
    }

    /** A search over the seeds; {@code params} is a query string without the scope. */
    private static JsonNode search(String params) {
        Api.Response r = get("/api/search?" + scope + (params.isEmpty() ? "" : "&" + params));
        assertThat(r.status()).as(params + " → " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static long total(String params) {
        return search(params + "&size=1&facets=false").path("total").asLong();
    }

    private static long totalOf(String q) {
        return total("q=" + Api.encode(q));
    }

    /** Every hit of a search, page after page with the cursor. */
    private static List<JsonNode> all(String params, int size) {
        List<JsonNode> hits = new ArrayList<>();
        JsonNode page = search(params + "&size=" + size + "&facets=false");
        long total = page.path("total").asLong();
        int pages = 1;
        while (true) {
            assertThat(page.path("from").asLong()).isEqualTo(hits.size());
            page.path("hits").forEach(hits::add);
            String cursor = page.path("cursor").isString() ? page.path("cursor").asString() : null;
            if (cursor == null) {
                break;
            }
            assertThat(page.path("hits").size()).isEqualTo(size);
            assertThat(pages++).as("pages").isLessThan(10_000);
            page = search(params + "&size=" + size + "&facets=false&cursor=" + cursor);
            assertThat(page.path("total").asLong()).isEqualTo(total);
        }
        assertThat(hits).as("hits of " + params).hasSize((int) total);
        return hits;
    }

    private static Map<String, Long> buckets(JsonNode facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        facet.path("buckets").forEach(b -> counts.put(b.path("value").asString(), b.path("count").asLong()));
        return counts;
    }

    private static long sum(JsonNode facet) {
        long sum = facet.path("other").asLong() + facet.path("missing").asLong();
        for (JsonNode b : facet.path("buckets")) {
            sum += b.path("count").asLong();
        }
        return sum;
    }

    private static Set<String> categoryIds(JsonNode hit) {
        Set<String> ids = new HashSet<>();
        hit.path("categories").forEach(c -> ids.add(c.path("id").asString()));
        return ids;
    }

    private static void badParameter(String pathAndQuery, String parameter) {
        Api.Response r = get(pathAndQuery);
        assertThat(r.status()).as(pathAndQuery + " → " + r.body()).isEqualTo(400);
        assertThat(r.json().path("parameter").asString()).as(pathAndQuery).isEqualTo(parameter);
        assertThat(r.json().path("title").asString()).isEqualTo("Invalid parameter");
        assertThat(r.json().path("detail").asString()).contains("'" + parameter + "'");
    }

    // ---- tests ------------------------------------------------------------------------------------

    @Test
    void noQueryMatchesEveryPassageAndTheSingleValuedFacetsAddUpToTheTotal() {
        JsonNode all = search("size=5");
        assertThat(all.path("total").asLong()).isEqualTo(passages);
        assertThat(all.path("hits").size()).isEqualTo(5);
        assertThat(all.path("cursor").isString()).isTrue();
        JsonNode facets = all.path("facets");
        for (String facet : List.of("country", "year", "severity")) {
            assertThat(sum(facets.path(facet))).as(facet + " facet " + facets.path(facet)).isEqualTo(passages);
        }
        // Year and country come from the reports' own title lines (the NGO submission states neither).
        Map<String, Long> years = new HashMap<>();
        long withoutYear = 0;
        long kazakhstan = 0;
        long withoutCountry = 0;
        for (Seed s : SEEDS.values()) {
            if (s.year() == null) {
                withoutYear += s.chunks();
            } else {
                years.merge(Integer.toString(s.year()), (long) s.chunks(), Long::sum);
            }
            if (s.country() == null) {
                withoutCountry += s.chunks();
            } else {
                assertThat(s.country()).isEqualTo("Kazakhstan");
                kazakhstan += s.chunks();
            }
        }
        assertThat(years).containsKeys("2012", "2017", "2021");
        assertThat(buckets(facets.path("year"))).isEqualTo(years);
        assertThat(facets.path("year").path("missing").asLong()).isEqualTo(withoutYear);
        assertThat(buckets(facets.path("country"))).isEqualTo(Map.of("Kazakhstan", kazakhstan));
        assertThat(facets.path("country").path("missing").asLong()).isEqualTo(withoutCountry);
        // Every passage has a category; a passage may have more than one.
        long categorised = 0;
        for (JsonNode b : facets.path("category").path("buckets")) {
            assertThat(Taxonomy.get().isCategory(b.path("value").asString())).isTrue();
            assertThat(b.path("label").asString()).isNotBlank();
            assertThat(b.path("count").asLong()).isBetween(1L, passages);
            categorised += b.path("count").asLong();
        }
        assertThat(categorised + facets.path("category").path("missing").asLong()).isGreaterThanOrEqualTo(passages);
        for (JsonNode b : facets.path("severity").path("buckets")) {
            assertThat(b.path("value").asInt()).isBetween(1, 5);
        }
        JsonNode entities = facets.path("entity").path("buckets");
        assertThat(entities.size()).isBetween(1, 10);
        for (int i = 1; i < entities.size(); i++) {
            assertThat(entities.get(i).path("count").asLong()).isLessThanOrEqualTo(entities.get(i - 1).path("count").asLong());
        }
    }

    @Test
    void facetsAreCountedForTheQueryAndFiltersAndAgreeWithTheFilters() {
        JsonNode result = search("q=" + Api.encode("rights") + "&yearFrom=2012&size=1");
        long total = result.path("total").asLong();
        assertThat(total).isPositive().isLessThan(passages);
        JsonNode facets = result.path("facets");
        for (String facet : List.of("country", "year", "severity")) {
            assertThat(sum(facets.path(facet))).as(facet).isEqualTo(total);
        }
        assertThat(facets.path("year").path("missing").asLong()).isZero();
        // Choosing a facet value gives exactly the count the facet showed.
        for (JsonNode b : facets.path("year").path("buckets")) {
            int year = b.path("value").asInt();
            assertThat(total("q=rights&yearFrom=" + year + "&yearTo=" + year)).isEqualTo(b.path("count").asLong());
        }
        for (JsonNode b : facets.path("category").path("buckets")) {
            assertThat(total("q=rights&yearFrom=2012&category=" + b.path("value").asString()))
                    .as(b.toString()).isEqualTo(b.path("count").asLong());
        }
        for (JsonNode b : facets.path("entity").path("buckets")) {
            assertThat(total("q=rights&yearFrom=2012&entity=" + Api.encode(b.path("value").asString())))
                    .as(b.toString()).isEqualTo(b.path("count").asLong());
        }
    }

    @Test
    void yearFilterReturnsOnlyThatYear() {
        Seed y2017 = SEEDS.get("001_");
        assertThat(y2017.year()).isEqualTo(2017);
        List<JsonNode> hits = all("yearFrom=2017&yearTo=2017", 100);
        assertThat(hits).hasSize(y2017.chunks());
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.path("year").asInt()).isEqualTo(2017);
            assertThat(h.path("reportId").asString()).isEqualTo(y2017.reportId());
        });
        long from2017 = SEEDS.values().stream().filter(s -> s.year() != null && s.year() >= 2017)
                .mapToLong(Seed::chunks).sum();
        assertThat(total("yearFrom=2017")).isEqualTo(from2017);
        long upTo2017 = SEEDS.values().stream().filter(s -> s.year() != null && s.year() <= 2017)
                .mapToLong(Seed::chunks).sum();
        assertThat(total("yearTo=2017")).isEqualTo(upTo2017);
        assertThat(total("yearFrom=2013&yearTo=2016")).isZero();
    }

    @Test
    void countryAndReportFiltersNarrowToTheirPassages() {
        long kazakhstan = SEEDS.values().stream().filter(s -> s.country() != null).mapToLong(Seed::chunks).sum();
        assertThat(total("country=Kazakhstan")).isEqualTo(kazakhstan);
        assertThat(total("country=kazakhstan")).isEqualTo(kazakhstan);
        assertThat(total("country=Nowhere")).isZero();
        assertThat(total("country=Nowhere&country=Kazakhstan")).isEqualTo(kazakhstan);

        Seed first = SEEDS.get("000_");
        Api.Response one = get("/api/search?report=" + first.reportId() + "&size=100");
        assertThat(one.json().path("total").asInt()).isEqualTo(first.chunks());
        one.json().path("hits").forEach(h -> assertThat(h.path("reportId").asString()).isEqualTo(first.reportId()));
    }

    @Test
    void categoryFilterOnlyReturnsPassagesThatHaveOneOfTheCategories() {
        JsonNode categories = search("size=1").path("facets").path("category").path("buckets");
        assertThat(categories.size()).isGreaterThanOrEqualTo(2);
        String first = categories.get(0).path("value").asString();
        String second = categories.get(1).path("value").asString();

        List<JsonNode> hits = all("category=" + first, 100);
        assertThat(hits).hasSize(categories.get(0).path("count").asInt());
        assertThat(hits).allSatisfy(h -> assertThat(categoryIds(h)).contains(first));

        List<JsonNode> either = all("category=" + first + "&category=" + second, 100);
        assertThat(either).allSatisfy(h -> assertThat(categoryIds(h)).containsAnyOf(first, second));
        assertThat((long) either.size()).isGreaterThanOrEqualTo(Math.max(categories.get(0).path("count").asLong(),
                categories.get(1).path("count").asLong()))
                .isLessThanOrEqualTo(categories.get(0).path("count").asLong() + categories.get(1).path("count").asLong());
        assertThat(total("category=" + first + "," + second)).isEqualTo(either.size());
    }

    @Test
    void minSeverityIsRespected() {
        JsonNode severity = search("size=1").path("facets").path("severity").path("buckets");
        Map<Integer, Long> byLevel = new HashMap<>();
        severity.forEach(b -> byLevel.put(b.path("value").asInt(), b.path("count").asLong()));
        for (int min = 1; min <= 5; min++) {
            int m = min;
            long expected = byLevel.entrySet().stream().filter(e -> e.getKey() >= m).mapToLong(Map.Entry::getValue).sum();
            assertThat(total("minSeverity=" + min)).as("minSeverity=" + min).isEqualTo(expected);
        }
        int highest = byLevel.keySet().stream().max(Integer::compare).orElseThrow();
        assertThat(all("minSeverity=" + highest, 100))
                .allSatisfy(h -> assertThat(h.path("severity").asInt()).isGreaterThanOrEqualTo(highest));
        assertThat(search("minSeverity=3&size=100").path("hits"))
                .allSatisfy(h -> assertThat(h.path("severity").asInt()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void entityFilterMatchesTheExactName() {
        JsonNode top = search("size=1").path("facets").path("entity").path("buckets").get(0);
        String name = top.path("value").asString();
        JsonNode found = search("entity=" + Api.encode(name) + "&size=3");
        assertThat(found.path("total").asLong()).isEqualTo(top.path("count").asLong());
        for (JsonNode hit : found.path("hits")) {
            JsonNode passage = get("/api/passages/" + hit.path("chunkId").asString()).json();
            assertThat(passage.path("entities").findValuesAsString("text")).contains(name);
        }
        assertThat(total("entity=" + Api.encode(name + "x"))).isZero();
    }

    @Test
    void booleanOperatorsPhrasesAndPrefixesAsPeopleTypeThem() {
        long torture = totalOf("torture");
        long police = totalOf("police");
        long both = totalOf("torture AND police");
        assertThat(torture).isPositive();
        assertThat(police).isPositive();
        assertThat(both).isPositive().isLessThanOrEqualTo(Math.min(torture, police));
        assertThat(totalOf("torture police")).isEqualTo(both);
        assertThat(totalOf("torture +police")).isEqualTo(both);
        assertThat(both + totalOf("torture NOT police")).isEqualTo(torture);
        assertThat(totalOf("torture -police")).isEqualTo(torture - both);
        assertThat(totalOf("torture OR police")).isEqualTo(torture + police - both);
        assertThat(totalOf("torture | police")).isEqualTo(torture + police - both);
        // OR binds tighter than AND, as in web search.
        assertThat(totalOf("police torture OR beating")).isEqualTo(totalOf("police AND (torture OR beating)"));
        // Lower-case operator words are words.
        assertThat(totalOf("torture or police")).isLessThanOrEqualTo(both);
        // A phrase needs its words together.
        long phrase = totalOf("\"human rights\"");
        assertThat(phrase).isPositive().isLessThanOrEqualTo(totalOf("human rights"));
        assertThat(totalOf("\"rights human\"")).isLessThan(phrase);
        // A prefix finds at least what the whole word finds.
        assertThat(totalOf("tortur*")).isGreaterThanOrEqualTo(torture);
        assertThat(totalOf("NOT torture")).isEqualTo(passages - torture);

        // The phrase is highlighted in the passages whose text has it (a match may also be in the title).
        assertThat(search("q=" + Api.encode("\"human rights\"") + "&size=20").path("hits").findValues("snippets"))
                .anySatisfy(snippets -> assertThat(snippets.get(0).asString().toLowerCase())
                        .containsPattern("<mark>human(</mark> <mark>| )rights</mark>"));
    }

    @Test
    void charactersSpecialToLuceneOrElasticsearchNeverFailTheSearch() {
        List<String> queries = List.of("\"a\" AND (b OR", "\\", "/", "[", "{", "~", "^", ":", "\"", "(", ")", "*", "?",
                "!", "&&", "||", "-", "+", "AND", "OR NOT", "torture~2", "\"human rights\"~3", "rights^3",
                "title:torture", "text:(torture)", "[2010 TO 2020]", "{a TO b}", "/tortu.e/", "<script>alert(1)</script>",
                "%", "%%%25", "a\\", "\\\"", "torture\\", "((((((((((((((((((((torture", "torture))))))))))",
                "\u0000", "\uD83D\uDE00 torture", "Қазақстан", "a:b:c /d/ [e] {f} ~g ^h \\i", "*:*", "_exists_:text",
                "\"unclosed AND OR NOT -", "-(-(-torture))", "police AND", "OR torture",
                "x".repeat(10) + " AND (".repeat(100), "\\/[]{}~^:*?\"()!&|+-".repeat(40));
        for (String q : queries) {
            for (String extra : List.of("", "&sort=year:asc&category=torture&minSeverity=2&yearFrom=2012")) {
                Api.Response r = get("/api/search?q=" + Api.encode(q) + "&" + scope + extra);
                assertThat(r.status()).as("q=" + q + extra + " → " + r.body()).isEqualTo(200);
                assertThat(r.json().path("total").asLong()).isNotNegative();
            }
        }
    }

    @Test
    void sortByYearAndSeverityIsOrderedWithChunkIdBreakingTies() {
        List<JsonNode> ascending = all("sort=year:asc", 100);
        assertOrdered(ascending, h -> h.path("year").isNull() ? null : h.path("year").asInt(), true);
        List<JsonNode> descending = all("sort=year:desc", 100);
        assertOrdered(descending, h -> h.path("year").isNull() ? null : h.path("year").asInt(), false);
        assertThat(descending.get(0).path("year").asInt()).isEqualTo(2021);
        assertThat(ascending.get(0).path("year").asInt()).isEqualTo(2012);

        List<JsonNode> severe = all("q=rights&sort=severity", 50);
        assertOrdered(severe, h -> h.path("severity").asInt(), false);
        List<JsonNode> mild = all("q=rights&sort=severity:asc", 50);
        assertOrdered(mild, h -> h.path("severity").asInt(), true);
        assertThat(severe.get(0).path("severity").asInt()).isGreaterThanOrEqualTo(mild.get(0).path("severity").asInt());

        List<JsonNode> relevance = all("q=" + Api.encode("torture police"), 10);
        for (int i = 1; i < relevance.size(); i++) {
            assertThat(relevance.get(i).path("score").asDouble())
                    .isLessThanOrEqualTo(relevance.get(i - 1).path("score").asDouble());
        }
    }

    /** Sorted by the key (missing values last), then by chunkId ascending. */
    private static void assertOrdered(List<JsonNode> hits, Function<JsonNode, Integer> key, boolean ascending) {
        for (int i = 1; i < hits.size(); i++) {
            Integer a = key.apply(hits.get(i - 1));
            Integer b = key.apply(hits.get(i));
            String why = "hit " + i + ": " + a + " then " + b;
            if (a == null) {
                assertThat(b).as(why).isNull();
            } else if (b != null) {
                assertThat(ascending ? a <= b : a >= b).as(why).isTrue();
            }
            if (Objects.equals(a, b)) {
                assertThat(hits.get(i - 1).path("chunkId").asString()).as(why)
                        .isLessThan(hits.get(i).path("chunkId").asString());
            }
        }
    }

    @Test
    void theCursorPagesThroughEveryPassageOnceWithoutGaps() {
        Set<String> expected = new HashSet<>();
        SEEDS.values().forEach(s -> {
            for (int i = 0; i < s.chunks(); i++) {
                expected.add(Ids.chunkId(s.reportId(), i));
            }
        });
        for (String params : List.of("sort=relevance", "sort=year:desc", "sort=severity:asc")) {
            List<String> ids = all(params, 37).stream().map(h -> h.path("chunkId").asString()).toList();
            assertThat(ids).as(params).doesNotHaveDuplicates();
            assertThat(new HashSet<>(ids)).as(params).isEqualTo(expected);
        }
        // With a query, scores differ from hit to hit: still every match exactly once.
        long rights = totalOf("rights");
        List<String> ids = all("q=rights", 23).stream().map(h -> h.path("chunkId").asString()).toList();
        assertThat(ids).hasSize((int) rights).doesNotHaveDuplicates();
    }

    @Test
    void facetsAreTheOnesAskedForAndOnlyOnPagesAddressedByFrom() {
        JsonNode first = search("q=rights&size=5");
        assertThat(first.path("facets").propertyNames()).containsExactly("country", "year", "category", "severity",
                "entity");
        // A cursor page continues the result whose facets the first page gave: none are counted again.
        JsonNode next = search("q=rights&size=5&cursor=" + first.path("cursor").asString());
        assertThat(next.path("from").asLong()).isEqualTo(5);
        assertThat(next.path("facets").isNull()).as(next.toString()).isTrue();
        assertThat(next.path("total").asLong()).isEqualTo(first.path("total").asLong());

        JsonNode some = search("q=rights&size=1&facets=" + Api.encode("severity,country"));
        assertThat(some.path("facets").propertyNames()).containsExactly("country", "severity");
        assertThat(some.path("facets").path("severity")).isEqualTo(first.path("facets").path("severity"));
        assertThat(some.path("facets").path("country")).isEqualTo(first.path("facets").path("country"));
        assertThat(search("q=rights&size=1&facets=false").path("facets").isNull()).isTrue();
        badParameter("/api/search?" + scope + "&facets=entities", "facets");
    }

    @Test
    void theCursorContinuesWhereFromAndSizeWouldAndBelongsToItsSearch() {
        JsonNode first = search("sort=year:asc&size=20&facets=false");
        JsonNode byCursor = search("sort=year:asc&size=20&facets=false&cursor=" + first.path("cursor").asString());
        JsonNode byFrom = search("sort=year:asc&size=20&facets=false&from=20");
        assertThat(byCursor.path("from").asInt()).isEqualTo(20);
        assertThat(byCursor.path("hits").findValuesAsString("chunkId"))
                .isEqualTo(byFrom.path("hits").findValuesAsString("chunkId"));
        // The page size may change between pages; the query, filters and sort may not.
        JsonNode bigger = search("sort=year:asc&size=30&facets=false&cursor=" + first.path("cursor").asString());
        assertThat(bigger.path("hits").findValuesAsString("chunkId").subList(0, 20))
                .isEqualTo(byFrom.path("hits").findValuesAsString("chunkId"));
        badParameter("/api/search?" + scope + "&sort=year:desc&cursor=" + first.path("cursor").asString(), "cursor");
        badParameter("/api/search?" + scope + "&sort=year:asc&q=torture&cursor=" + first.path("cursor").asString(),
                "cursor");
        badParameter("/api/search?" + scope + "&sort=year:asc&cursor=" + first.path("cursor").asString() + "x", "cursor");
        badParameter("/api/search?" + scope + "&sort=year:asc&from=20&cursor=" + first.path("cursor").asString(), "from");
        // The last page has no cursor.
        JsonNode last = search("sort=year:asc&size=100&facets=false&from=" + (passages - 5));
        assertThat(last.path("hits").size()).isEqualTo(5);
        assertThat(last.path("cursor").isNull()).isTrue();
    }

    @Test
    void aReportsPassagesComeInOrdinalOrderWithTheirLabels() {
        Seed seed = SEEDS.get("000_");
        List<Integer> ordinals = new ArrayList<>();
        Integer from = 0;
        int pages = 0;
        while (from != null) {
            Api.Response r = get("/api/reports/" + seed.reportId() + "/passages?size=17&from=" + from);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("total").asInt()).isEqualTo(seed.chunks());
            assertThat(r.json().path("from").asInt()).isEqualTo(from);
            for (JsonNode p : r.json().path("passages")) {
                ordinals.add(p.path("ordinal").asInt());
                assertThat(p.path("reportId").asString()).isEqualTo(seed.reportId());
                assertThat(p.path("chunkId").asString()).isEqualTo(Ids.chunkId(seed.reportId(), p.path("ordinal").asInt()));
                assertThat(p.path("text").asString()).isNotBlank();
                assertThat(p.path("categories").size()).isPositive();
                assertThat(Taxonomy.get().isCategory(p.path("categories").get(0).path("id").asString())).isTrue();
                assertThat(p.path("severity").path("level").asInt()).isBetween(1, 5);
                assertThat(p.path("modelVersion").asString()).isNotBlank();
                assertThat(p.has("entities")).isTrue();
            }
            from = r.json().path("next").isNull() ? null : r.json().path("next").asInt();
            assertThat(++pages).isLessThan(1000);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < seed.chunks(); i++) {
            expected.add(i);
        }
        assertThat(ordinals).isEqualTo(expected);

        Api.Response beyond = get("/api/reports/" + seed.reportId() + "/passages?from=" + seed.chunks());
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.json().path("passages").size()).isZero();
        assertThat(beyond.json().path("next").isNull()).isTrue();

        Api.Response unknown = get("/api/reports/no-such-report/passages");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("status").asInt()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asString()).contains("no-such-report");
        badParameter("/api/reports/" + seed.reportId() + "/passages?size=101", "size");
        badParameter("/api/reports/" + seed.reportId() + "/passages?from=-1", "from");
    }

    @Test
    void aPassageByItsChunkIdAndNotFoundForAnUnknownOne() {
        Seed seed = SEEDS.get("002_");
        String chunkId = Ids.chunkId(seed.reportId(), 3);
        Api.Response r = get("/api/passages/" + chunkId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("chunkId").asString()).isEqualTo(chunkId);
        assertThat(r.json().path("ordinal").asInt()).isEqualTo(3);
        assertThat(r.json().path("year").asInt()).isEqualTo(2021);
        assertThat(r.json().path("totalChunks").asInt()).isEqualTo(seed.chunks());
        assertThat(r.json().path("severity").path("level").asInt()).isBetween(1, 5);

        for (String id : List.of(Ids.chunkId(seed.reportId(), seed.chunks()), "nope", "%5B%7B%7D%5D%3A")) {
            Api.Response missing = get("/api/passages/" + id);
            assertThat(missing.status()).as(id + " → " + missing.body()).isEqualTo(404);
            assertThat(missing.json().path("title").asString()).isEqualTo("Not found");
            assertThat(missing.json().path("status").asInt()).isEqualTo(404);
        }
    }

    @Test
    void invalidParametersGet400NamingTheParameter() {
        badParameter("/api/search?category=no-such-category", "category");
        badParameter("/api/search?yearFrom=twenty", "yearFrom");
        badParameter("/api/search?yearTo=2012.5", "yearTo");
        badParameter("/api/search?yearFrom=2021&yearTo=2012", "yearFrom");
        badParameter("/api/search?minSeverity=0", "minSeverity");
        badParameter("/api/search?minSeverity=6", "minSeverity");
        badParameter("/api/search?minSeverity=high", "minSeverity");
        badParameter("/api/search?size=101", "size");
        badParameter("/api/search?size=0", "size");
        badParameter("/api/search?from=9991&size=10", "from");
        badParameter("/api/search?cursor=not-a-cursor", "cursor");
        badParameter("/api/search?sort=date", "sort");
        badParameter("/api/search?sort=relevance:asc", "sort");
        badParameter("/api/search?facets=sometimes", "facets");
        badParameter("/api/search?q=" + "a".repeat(1001), "q");
        badParameter("/api/search?q=a&q=b", "q");
        badParameter("/api/search?contry=Kazakhstan", "contry");
        assertThat(get("/api/search?from=9990&size=10").status()).isEqualTo(200);
    }

    @Test
    void aPassageIndexedAfterASearchIsFoundOnceTheIndexRefreshedThoughTheSameSearchWasRepeated() {
        // A word no other passage has; the same search, repeated, is answered from query-service's cache
        // until the index changes.
        String word = "zyxcache" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String reportId = "cache-test-" + word;
        String query = "/api/search?q=" + word + "&report=" + reportId;
        for (int i = 0; i < 3; i++) {
            assertThat(get(query).json().path("total").asLong()).isZero();
        }
        String es = pipeline.elasticsearch.url();
        String chunkId = Ids.chunkId(reportId, 0);
        Api.Response put = Api.putJson(es + "/report-chunks/_doc/" + chunkId + "?refresh=true",
                "{\"reportId\":\"" + reportId + "\",\"chunkId\":\"" + chunkId + "\",\"ordinal\":0,"
                        + "\"title\":\"Cache test\",\"text\":\"Police detained the " + word + " witness.\"}");
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                JsonNode found = get(query).json();
                assertThat(found.path("total").asLong()).isEqualTo(1);
                assertThat(found.path("hits").get(0).path("snippets").get(0).asString())
                        .isEqualTo("Police detained the <mark>" + word + "</mark> witness.");
            });
        } finally {
            Api.delete(es + "/report-chunks/_doc/" + chunkId + "?refresh=true");
        }
        // And gone again once deleted.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(get(query).json().path("total").asLong()).isZero());
    }
}
