package org.rightstream.query.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.rightstream.contracts.RightstreamJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a page of search hits ended: the sort values of its last hit (Elasticsearch {@code search_after}),
 * how many hits came before the next page, and the fingerprint of the search it belongs to. Sent to
 * clients as an opaque URL-safe token; a token that was changed, or that belongs to another query,
 * filter set or sort, is refused as a bad {@code cursor} parameter.
 *
 * <p>Stateless (no point-in-time is held open): the sort is total (chunkId breaks ties), so paging never
 * repeats or skips a passage that stays unchanged. Passages indexed meanwhile appear if they sort after
 * the cursor; under relevance order a changing index can also shift scores between pages.
 *
 * @param offset      the number of hits before the page this cursor opens
 * @param fingerprint {@link SearchCriteria#fingerprint()} of the search
 * @param after       the sort values of the last hit seen, one per sort key
 */
public record Cursor(long offset, String fingerprint, List<FieldValue> after) {
    static final String PARAMETER = "cursor";
    static final int MAX_LENGTH = 2048;
    private static final int VERSION = 1;

    public Cursor {
        after = List.copyOf(after);
    }

    public String encode() {
        ObjectNode node = RightstreamJson.mapper().createObjectNode();
        node.put("v", VERSION);
        node.put("f", fingerprint);
        node.put("o", offset);
        ArrayNode values = node.putArray("a");
        for (FieldValue v : after) {
            if (v.isLong()) {
                values.add(v.longValue());
            } else if (v.isDouble()) {
                values.add(v.doubleValue());
            } else if (v.isString()) {
                values.add(v.stringValue());
            } else if (v.isBoolean()) {
                values.add(v.booleanValue());
            } else {
                values.addNull();
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(RightstreamJson.write(node));
    }

    /**
     * Reads a token for a search with this fingerprint and sort.
     *
     * @throws BadParameterException naming {@code cursor} when the token is not one this search handed out
     */
    public static Cursor decode(String token, String fingerprint, SearchSort sort) {
        if (token.length() > MAX_LENGTH) {
            throw bad("is too long to be a cursor from this API");
        }
        JsonNode node;
        try {
            byte[] json = Base64.getUrlDecoder().decode(token.strip());
            node = RightstreamJson.mapper().readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException e) {
            throw bad("is not a cursor from this API; pass back the 'cursor' of a previous response unchanged");
        }
        if (node == null || !node.isObject() || node.path("v").asInt(-1) != VERSION || !node.path("f").isString()
                || !node.path("o").isIntegralNumber() || node.path("o").asLong() < 0 || !node.path("a").isArray()) {
            throw bad("is not a cursor from this API; pass back the 'cursor' of a previous response unchanged");
        }
        if (!node.path("f").asString().equals(fingerprint)) {
            throw bad("belongs to a different query, filters or sort; send it with the same parameters as the"
                    + " request that returned it, or start again without a cursor");
        }
        JsonNode a = node.path("a");
        if (a.size() != 2) {
            throw bad("is not a cursor for sort '" + sort + "'");
        }
        List<FieldValue> after = new ArrayList<>(2);
        JsonNode first = a.get(0);
        if (sort.key() == SearchSort.Key.RELEVANCE && first.isNumber()) {
            after.add(FieldValue.of(first.asDouble()));
        } else if (sort.key() != SearchSort.Key.RELEVANCE && first.isIntegralNumber()) {
            after.add(FieldValue.of(first.asLong()));
        } else {
            throw bad("is not a cursor for sort '" + sort + "'");
        }
        if (!a.get(1).isString()) {
            throw bad("is not a cursor for sort '" + sort + "'");
        }
        after.add(FieldValue.of(a.get(1).asString()));
        return new Cursor(node.path("o").asLong(), fingerprint, after);
    }

    private static BadParameterException bad(String problem) {
        return new BadParameterException(PARAMETER, problem);
    }
}
