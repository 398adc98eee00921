package org.rightstream.query.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightstream.contracts.Indices;

/**
 * Builds the Elasticsearch requests of the search API (no I/O): the query with its filters, sort,
 * paging (from/size, or search_after from a cursor), highlighting and facet aggregations.
 *
 * <p>Searches ask for Elasticsearch's shard request cache ({@code request_cache=true}: by default it only
 * caches {@code size=0} requests). A repeated search then skips the query phase (matching, scoring, total,
 * aggregations); the fetch phase (the page's {@code _source} and highlights) still runs. The cache is
 * invalidated when the shard refreshes, so a cached answer is never older than an uncached one would be;
 * nothing in these requests depends on the time ({@code now}) or on randomness, which would keep them out
 * of the cache.
 */
public final class PassageQueries {
    static final List<String> TEXT_FIELDS = List.of("text", "title", "sectionText");
    static final int SNIPPETS = 3;
    static final int SNIPPET_CHARS = 220;
    static final String TIEBREAK = "chunkId";

    /** Facet name → the indexed field it counts. */
    static final Map<String, String> FACET_FIELDS = facetFields();

    private final SearchProperties limits;
    private final int categories;

    public PassageQueries(SearchProperties limits, int categories) {
        this.limits = limits;
        this.categories = categories;
    }

    private static Map<String, String> facetFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("country", "country");
        fields.put("year", "year");
        fields.put("category", "categories.id");
        fields.put("severity", "severity.level");
        fields.put("entity", "entities.text");
        return fields;
    }

    public SearchRequest search(SearchCriteria c) {
        String sqs = UserQuery.toSimpleQueryString(c.q());
        return SearchRequest.of(s -> {
            s.index(Indices.REPORT_CHUNKS.alias())
                    .query(query(c))
                    .size(c.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(sort(c.sort()))
                    .source(src -> src.filter(f -> f.includes(HitSource.FIELDS)))
                    .requestCache(true);
            if (c.cursor() != null) {
                s.searchAfter(c.cursor().after());
            } else {
                s.from(c.from());
            }
            // Every hit's snippets come from the highlighter, also when nothing in its text matched (no query, or a
            // match in the title only): no_match_size then gives the passage's opening. So the text itself, most of
            // a hit's source, is never sent: a smaller answer for Elasticsearch to write and query-service to read.
            s.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<mark>").postTags("</mark>")
                    .fields("text", f -> f.numberOfFragments(SNIPPETS).fragmentSize(SNIPPET_CHARS)
                            .noMatchSize(SNIPPET_CHARS)));
            if (!sqs.isEmpty() && c.sort().key() != SearchSort.Key.RELEVANCE) {
                s.trackScores(true);
            }
            if (c.countsFacets()) {
                s.aggregations(aggregations(c.facets()));
            }
            return s;
        });
    }

    /** The query and filters of a search, without paging or sort (also what the facets count). */
    public Query query(SearchCriteria c) {
        String sqs = UserQuery.toSimpleQueryString(c.q());
        Query main = sqs.isEmpty()
                ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.simpleQueryString(s -> s.query(sqs)
                        .fields(TEXT_FIELDS)
                        .defaultOperator(Operator.And)
                        .lenient(true)
                        .flags(SimpleQueryStringFlag.And, SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not,
                                SimpleQueryStringFlag.Phrase, SimpleQueryStringFlag.Precedence,
                                SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Whitespace,
                                SimpleQueryStringFlag.Escape)));
        List<Query> filters = filters(c);
        return Query.of(q -> q.bool(b -> b.must(main).filter(filters)));
    }

    static List<Query> filters(SearchCriteria c) {
        List<Query> filters = new ArrayList<>();
        if (!c.countries().isEmpty()) {
            // Exact names, case ignored: "kazakhstan" finds "Kazakhstan".
            List<Query> any = c.countries().stream()
                    .map(country -> Query.of(q -> q.term(t -> t.field("country").value(country).caseInsensitive(true))))
                    .toList();
            filters.add(Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1"))));
        }
        if (c.yearFrom() != null || c.yearTo() != null) {
            filters.add(Query.of(q -> q.range(r -> r.number(n -> {
                n.field("year");
                if (c.yearFrom() != null) {
                    n.gte(c.yearFrom().doubleValue());
                }
                if (c.yearTo() != null) {
                    n.lte(c.yearTo().doubleValue());
                }
                return n;
            }))));
        }
        anyOf(filters, "categories.id", c.categories());
        if (c.minSeverity() != null) {
            filters.add(Query.of(q -> q.range(r -> r.number(n -> n.field("severity.level")
                    .gte(c.minSeverity().doubleValue())))));
        }
        anyOf(filters, "reportId", c.reports());
        anyOf(filters, "entities.text", c.entities());
        return filters;
    }

    private static void anyOf(List<Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms)))));
        }
    }

    /** The sort key, then chunkId: a total order, so search_after pages neither skip nor repeat. */
    static List<SortOptions> sort(SearchSort sort) {
        SortOptions first = sort.key() == SearchSort.Key.RELEVANCE
                ? SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)))
                : SortOptions.of(s -> s.field(f -> f.field(sort.key().field())
                        .order(sort.ascending() ? SortOrder.Asc : SortOrder.Desc)));
        return List.of(first, SortOptions.of(s -> s.field(f -> f.field(TIEBREAK).order(SortOrder.Asc))));
    }

    /**
     * Facets whose field holds at most one value per passage: their {@code missing} count is what the total
     * leaves after the buckets and {@code other}, so it needs no aggregation of its own.
     */
    static final Set<String> SINGLE_VALUED = Set.of("country", "year", "severity");

    /**
     * The terms aggregations of the facets asked for (names from {@link Facets#NAMES}), and a missing
     * aggregation for those a passage can have several values of (category, entity): for them the missing
     * count cannot be derived from the total.
     */
    Map<String, Aggregation> aggregations(Set<String> facets) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        for (String facet : facets) {
            String field = FACET_FIELDS.get(facet);
            aggs.put(facet, switch (facet) {
                case "country" -> terms(field, limits.facetSize(), null);
                case "year" -> terms(field, limits.facetSize(), NamedValue.of("_key", SortOrder.Desc));
                case "category" -> terms(field, Math.max(categories, limits.facetSize()), null);
                case "severity" -> terms(field, 10, NamedValue.of("_key", SortOrder.Desc));
                case "entity" -> terms(field, limits.topEntities(), null);
                default -> throw new IllegalArgumentException("no facet '" + facet + "'");
            });
        }
        for (String facet : facets) {
            if (SINGLE_VALUED.contains(facet)) {
                continue;
            }
            aggs.put(facet + "_missing", Aggregation.of(a -> a.missing(m -> m.field(FACET_FIELDS.get(facet)))));
        }
        return aggs;
    }

    private static Aggregation terms(String field, int size, NamedValue<SortOrder> order) {
        return Aggregation.of(a -> a.terms(t -> {
            t.field(field).size(size);
            if (order != null) {
                t.order(List.of(order));
            }
            return t;
        }));
    }

    /**
     * One report's passages by ordinal, starting at {@code fromOrdinal} (search_after on the ordinal, so
     * any page of a long report is as cheap as the first); one more than {@code size} is asked for, to
     * know whether a next page exists.
     */
    public SearchRequest reportPassages(String reportId, int fromOrdinal, int size) {
        return SearchRequest.of(s -> {
            s.index(Indices.REPORT_CHUNKS.alias())
                    .query(q -> q.term(t -> t.field("reportId").value(reportId)))
                    .size(size + 1)
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc)));
            if (fromOrdinal > 0) {
                s.searchAfter(FieldValue.of(fromOrdinal - 1L));
            }
            return s;
        });
    }
}
