package org.rightstream.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rightstream.contracts.CategoryScore;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Taxonomy;
import org.rightstream.query.TestChunks;

/** Elasticsearch answers (as the node sends them, with typed keys) mapped to the API's answers. */
class SearchResultsTest {
    private final SearchResults results = new SearchResults(Taxonomy.get());

    /** A search answer as the client reads it for the search API: each hit's source as a {@link HitSource}. */
    private static SearchResponse<HitSource> response(String json) {
        return response(json, HitSource.class);
    }

    private static <T> SearchResponse<T> response(String json, Class<T> source) {
        JsonpMapper mapper = new JacksonJsonpMapper();
        JsonParser parser = mapper.jsonProvider().createParser(new StringReader(json));
        JsonpDeserializer<SearchResponse<T>> deserializer =
                SearchResponse.createSearchResponseDeserializer(JsonpDeserializer.of(source));
        return deserializer.deserialize(parser, mapper);
    }

    private static String source(int ordinal, String text) {
        tools.jackson.databind.node.ObjectNode doc = RightstreamJson.mapper()
                .valueToTree(TestChunks.classified("r1", ordinal, 9));
        doc.put("text", text);
        return new String(RightstreamJson.write(doc), StandardCharsets.UTF_8);
    }

    private static String hit(int ordinal, String text, String highlight, String sort) {
        return "{\"_index\":\"report-chunks-v1\",\"_id\":\"r1-0000" + ordinal + "\",\"_score\":2.5,\"_source\":"
                + source(ordinal, text) + (highlight == null ? "" : ",\"highlight\":{\"text\":[\"" + highlight + "\"]}")
                + ",\"sort\":" + sort + "}";
    }

    private static String answer(long total, String hits, String aggs) {
        return "{\"took\":3,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0},"
                + "\"hits\":{\"total\":{\"value\":" + total + ",\"relation\":\"eq\"},\"max_score\":2.5,\"hits\":["
                + hits + "]}" + (aggs == null ? "" : ",\"aggregations\":" + aggs) + "}";
    }

    private static final String AGGS = "{"
            + "\"sterms#country\":{\"doc_count_error_upper_bound\":0,\"sum_other_doc_count\":1,"
            + "\"buckets\":[{\"key\":\"Kazakhstan\",\"doc_count\":30}]},"
            + "\"lterms#year\":{\"doc_count_error_upper_bound\":0,\"sum_other_doc_count\":0,"
            + "\"buckets\":[{\"key\":2021,\"doc_count\":20},{\"key\":2012,\"doc_count\":11}]},"
            + "\"sterms#category\":{\"doc_count_error_upper_bound\":0,\"sum_other_doc_count\":0,"
            + "\"buckets\":[{\"key\":\"torture\",\"doc_count\":12},{\"key\":\"retired-id\",\"doc_count\":1}]},"
            + "\"missing#category_missing\":{\"doc_count\":0},"
            + "\"lterms#severity\":{\"doc_count_error_upper_bound\":0,\"sum_other_doc_count\":0,"
            + "\"buckets\":[{\"key\":4,\"doc_count\":5},{\"key\":2,\"doc_count\":30}]},"
            + "\"sterms#entity\":{\"doc_count_error_upper_bound\":0,\"sum_other_doc_count\":17,"
            + "\"buckets\":[{\"key\":\"Almaty\",\"doc_count\":9}]},"
            + "\"missing#entity_missing\":{\"doc_count\":8}}";

    @Test
    void hitsShowTheHighlightersSnippetsAsTheyCome() {
        // The second passage matched in its title only: Elasticsearch sends its opening (no_match_size), escaped.
        String hits = hit(1, "Police beat <b>detainees</b>.", "Police <mark>beat</mark> &lt;b&gt;", "[2.5,\"r1-00001\"]")
                + "," + hit(2, "A & B <script>" + "x".repeat(300), "A &amp; B &lt;script&gt;", "[2.5,\"r1-00002\"]")
                + "," + hit(3, "", null, "[2.5,\"r1-00003\"]");
        SearchResult r = results.searchResult(SearchCriteria.query("beat", 10), response(answer(3, hits, AGGS)));

        assertThat(r.hits()).hasSize(3);
        assertThat(r.hits().get(0).snippets()).containsExactly("Police <mark>beat</mark> &lt;b&gt;");
        assertThat(r.hits().get(1).snippets()).containsExactly("A &amp; B &lt;script&gt;");
        assertThat(r.hits().get(2).snippets()).isEmpty(); // an empty text has nothing to show
        assertThat(r.hits().get(0).chunkId()).isEqualTo("r1-00001");
        assertThat(r.hits().get(0).score()).isEqualTo(2.5);
        assertThat(r.hits().get(0).severity()).isEqualTo(4);
        assertThat(r.hits().get(0).categories().get(0).id()).isEqualTo("torture");
        assertThat(r.cursor()).isNull(); // a short page is the last one
        assertThat(r.sort()).isEqualTo("relevance:desc");
    }

    @Test
    void aFullPageWithMoreToComeHandsOutACursorFromItsLastHit() {
        SearchCriteria c = SearchCriteria.query("beat", 2);
        String hits = hit(1, "x", null, "[2.5,\"r1-00001\"]") + "," + hit(2, "y", null, "[2.25,\"r1-00002\"]");
        SearchResult r = results.searchResult(c, response(answer(5, hits, null)));

        assertThat(r.total()).isEqualTo(5);
        assertThat(r.from()).isZero();
        Cursor next = Cursor.decode(r.cursor(), c.fingerprint(), c.sort());
        assertThat(next.offset()).isEqualTo(2);
        assertThat(next.after()).extracting(v -> v._get()).containsExactly(2.25, "r1-00002");
    }

    @Test
    void aPageOpenedByACursorReportsItsOffsetAndEndsTheResult() {
        SearchCriteria first = SearchCriteria.query("beat", 2);
        Cursor cursor = Cursor.decode(new Cursor(3, first.fingerprint(),
                List.of(co.elastic.clients.elasticsearch._types.FieldValue.of(2.0),
                        co.elastic.clients.elasticsearch._types.FieldValue.of("r1-00003"))).encode(),
                first.fingerprint(), first.sort());
        SearchCriteria c = new SearchCriteria("beat", List.of(), null, null, List.of(), null, List.of(), List.of(),
                null, 0, 2, cursor, false);
        String hits = hit(4, "x", null, "[1.5,\"r1-00004\"]") + "," + hit(5, "y", null, "[1.0,\"r1-00005\"]");
        SearchResult r = results.searchResult(c, response(answer(5, hits, null)));

        assertThat(r.from()).isEqualTo(3);
        assertThat(r.cursor()).isNull(); // 3 + 2 = 5 = total
        assertThat(r.facets()).isNull();
    }

    @Test
    void facetsListBucketsWithLabelsOtherAndMissing() {
        Facets f = results.searchResult(SearchCriteria.query("", 10), response(answer(35, "", AGGS))).facets();

        assertThat(f.country().buckets()).containsExactly(new Facets.Bucket("Kazakhstan", null, 30));
        assertThat(f.country().other()).isEqualTo(1);
        // Single-valued fields: missing is what the total (35) leaves after the buckets and other.
        assertThat(f.country().missing()).isEqualTo(4);
        assertThat(f.year().buckets()).extracting(Facets.Bucket::value).containsExactly(2021L, 2012L);
        assertThat(f.year().missing()).isEqualTo(4);
        assertThat(f.severity().missing()).isZero();
        assertThat(f.category().buckets()).containsExactly(
                new Facets.Bucket("torture", "Torture and ill-treatment", 12), new Facets.Bucket("retired-id", null, 1));
        assertThat(f.severity().buckets()).containsExactly(new Facets.Bucket(4L, "severe", 5),
                new Facets.Bucket(2L, "moderate", 30));
        assertThat(f.entity().buckets()).containsExactly(new Facets.Bucket("Almaty", null, 9));
        assertThat(f.entity().other()).isEqualTo(17);
        assertThat(f.entity().missing()).isEqualTo(8);
        assertThat(f.category().missing()).isZero();
    }

    @Test
    void aHitIsReadFromAFullSourceAsFromTheFilteredOne() {
        // The whole passage, as a search without source filtering would return it: the fields a hit does not show
        // (entities, severity indicators, source file, timestamps) are skipped.
        SearchResult r = results.searchResult(SearchCriteria.query("beat", 10),
                response(answer(1, hit(1, "Police beat him.", "Police <mark>beat</mark> him.", "[2.5,\"r1-00001\"]"), null)));
        SearchHit h = r.hits().get(0);
        ClassifiedChunk c = TestChunks.classified("r1", 1, 9);
        assertThat(h.reportId()).isEqualTo(c.reportId());
        assertThat(h.ordinal()).isEqualTo(1);
        assertThat(h.country()).isEqualTo(c.country());
        assertThat(h.year()).isEqualTo(c.year());
        assertThat(h.title()).isEqualTo(c.title());
        assertThat(h.sectionPath()).isEqualTo(c.sectionPath());
        assertThat(h.categories()).isEqualTo(c.categories());
        assertThat(h.severity()).isEqualTo(c.severity().level());
        assertThat(h.modelVersion()).isEqualTo(c.modelVersion());
        assertThat(h.snippets()).containsExactly("Police <mark>beat</mark> him.");

        // Only the fields asked for, and a passage without year, country or severity.
        String filtered = "{\"_index\":\"report-chunks-v1\",\"_id\":\"r2-00000\",\"_score\":1.0,\"_source\":"
                + "{\"chunkId\":\"r2-00000\",\"reportId\":\"r2\",\"ordinal\":0,\"title\":\"Submission\","
                + "\"categories\":[{\"id\":\"torture\",\"score\":0.75}],\"modelVersion\":\"m1\"},"
                + "\"highlight\":{\"text\":[\"a &lt; b\"]},\"sort\":[1.0,\"r2-00000\"]}";
        SearchHit bare = results.searchResult(SearchCriteria.query("", 10), response(answer(1, filtered, null)))
                .hits().get(0);
        assertThat(bare.country()).isNull();
        assertThat(bare.year()).isNull();
        assertThat(bare.severity()).isNull();
        assertThat(bare.sectionPath()).isEmpty();
        assertThat(bare.categories()).extracting(CategoryScore::id).containsExactly("torture");
        assertThat(bare.snippets()).containsExactly("a &lt; b");
    }

    @Test
    void onlyTheFacetsAskedForAreInTheAnswerAndNoneOnACursorPage() {
        SearchCriteria some = new SearchCriteria("", List.of(), null, null, List.of(), null, List.of(), List.of(),
                null, 0, 10, null, Set.of("severity", "country"));
        Facets f = results.searchResult(some, response(answer(35, "", AGGS))).facets();
        assertThat(f.country().missing()).isEqualTo(4);
        assertThat(f.severity().buckets()).hasSize(2);
        assertThat(f.year()).isNull();
        assertThat(f.category()).isNull();
        assertThat(f.entity()).isNull();

        Cursor cursor = new Cursor(10, some.fingerprint(), List.of(
                co.elastic.clients.elasticsearch._types.FieldValue.of(1.0),
                co.elastic.clients.elasticsearch._types.FieldValue.of("r1-00010")));
        SearchCriteria next = new SearchCriteria("", List.of(), null, null, List.of(), null, List.of(), List.of(),
                null, 0, 10, cursor, SearchCriteria.ALL_FACETS);
        assertThat(results.searchResult(next, response(answer(35, "", null))).facets()).isNull();
    }

    @Test
    void aReportPageHasANextOrdinalOnlyWhenMoreFollow() {
        String three = hit(4, "a", null, "[4]") + "," + hit(5, "b", null, "[5]") + "," + hit(6, "c", null, "[6]");
        ReportPassages page = results.reportPassages("r1", 4, 2, response(answer(9, three, null), ObjectNode.class));
        assertThat(page.passages()).extracting(ClassifiedChunk::ordinal).containsExactly(4, 5);
        assertThat(page.next()).isEqualTo(6);
        assertThat(page.total()).isEqualTo(9);

        ReportPassages last = results.reportPassages("r1", 4, 3, response(answer(9, three, null), ObjectNode.class));
        assertThat(last.passages()).hasSize(3);
        assertThat(last.next()).isNull();
    }
}
