package org.rightstream.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.Indices;
import org.rightstream.contracts.RightstreamJson;
import org.springframework.web.util.HtmlUtils;

/**
 * Full-text search over passages. The query is parsed by Elasticsearch's simple_query_string, which
 * never fails on user syntax; snippets are HTML-escaped by Elasticsearch with only the highlight
 * tags left as markup.
 */
public final class PassageSearch {
    static final int SNIPPET_CHARS = 220;

    private final ElasticsearchClient client;

    public PassageSearch(ElasticsearchClient client) {
        this.client = client;
    }

    public SearchResult search(String q, int from, int size) throws IOException {
        SearchResponse<ObjectNode> response = client.search(s -> s
                .index(Indices.REPORT_CHUNKS.alias())
                .from(from).size(size)
                .trackTotalHits(t -> t.enabled(true))
                .query(query -> query.simpleQueryString(sq -> sq.query(q)
                        .fields("text", "title", "sectionText")
                        .defaultOperator(Operator.And)
                        .flags(SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not,
                                SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Precedence,
                                SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Whitespace)))
                .highlight(h -> h.encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
                        .preTags("<mark>").postTags("</mark>")
                        .fields("text", f -> f.numberOfFragments(3).fragmentSize(SNIPPET_CHARS))),
                ObjectNode.class);
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            ClassifiedChunk c = RightstreamJson.read(hit.source().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    ClassifiedChunk.class);
            List<String> snippets = hit.highlight().getOrDefault("text", List.of());
            if (snippets.isEmpty()) {
                snippets = List.of(HtmlUtils.htmlEscape(abbreviate(c.text())));
            }
            hits.add(new SearchHit(c.chunkId(), c.reportId(), c.ordinal(), c.country(), c.year(), c.title(),
                    c.sectionPath(), c.categories(), c.severity() == null ? null : c.severity().level(),
                    c.modelVersion(), snippets, hit.score() == null ? 0 : hit.score()));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(q, total, from, size, hits);
    }

    private static String abbreviate(String text) {
        return text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
    }
}
