package org.rightstream.query.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * Which passages an analysis looks at: one country (compared case-insensitively with the indexed
 * keyword) or all, and a year range whose ends may be open. Passages without a year are never in a
 * year-based analysis.
 */
record Scope(String country, Integer from, Integer to) {

    Query query() {
        return Query.of(q -> q.bool(b -> filters(b)));
    }

    /** The scope plus one more condition. */
    Query query(Query also) {
        return Query.of(q -> q.bool(b -> filters(b).filter(also)));
    }

    private BoolQuery.Builder filters(BoolQuery.Builder b) {
        if (country != null) {
            b.filter(f -> f.term(t -> t.field("country").value(country).caseInsensitive(true)));
        }
        b.filter(f -> f.range(r -> r.number(n -> {
            n.field("year");
            if (from != null) {
                n.gte(from.doubleValue());
            }
            if (to != null) {
                n.lte(to.doubleValue());
            }
            return n;
        })));
        return b;
    }
}
