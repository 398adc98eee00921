package org.rightstream.query.analytics;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/** Requests as the JSON the client sends, and responses read from the JSON Elasticsearch answers. */
final class EsJson {
    private static final JsonpMapper MAPPER = new JacksonJsonpMapper();

    private EsJson() {
    }

    static JsonNode request(SearchRequest request) throws Exception {
        return new ObjectMapper().readTree(JsonpUtils.toJsonString(request, MAPPER));
    }

    /** A search response as Elasticsearch sends it with typed_keys (as the client always asks). */
    static SearchResponse<Void> response(String json) {
        try (JsonParser parser = MAPPER.jsonProvider().createParser(new StringReader(json))) {
            return SearchResponse.createSearchResponseDeserializer(JsonpDeserializer.<Void>of(Void.class))
                    .deserialize(parser, MAPPER);
        }
    }

    static String responseWithAggregations(String aggregations) {
        return """
                {"took": 3, "timed_out": false, "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
                 "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": null, "hits": []},
                 "aggregations": %s}""".formatted(aggregations);
    }
}
