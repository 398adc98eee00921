package org.rightstream.query.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rightstream.contracts.ClassifiedChunk;
import org.rightstream.contracts.RightstreamJson;
import org.rightstream.contracts.Taxonomy;

/** Turns Elasticsearch responses into the API's answers (no I/O). */
public final class SearchResults {
    private final Taxonomy taxonomy;

    public SearchResults(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public SearchResult searchResult(SearchCriteria c, SearchResponse<HitSource> response) {
        List<Hit<HitSource>> raw = response.hits().hits();
        List<SearchHit> hits = new ArrayList<>(raw.size());
        for (Hit<HitSource> hit : raw) {
            hits.add(hit(hit));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        long offset = c.offset();
        String cursor = null;
        if (!raw.isEmpty() && raw.size() >= c.size() && offset + raw.size() < total) {
            cursor = new Cursor(offset + raw.size(), c.fingerprint(), raw.get(raw.size() - 1).sort()).encode();
        }
        Facets facets = c.countsFacets() ? facets(response.aggregations(), c.facets(), total) : null;
        return new SearchResult(c.q(), total, offset, c.size(), c.sort().toString(), hits, cursor, facets);
    }

    private static SearchHit hit(Hit<HitSource> hit) {
        HitSource c = hit.source();
        // With no match in the text, the highlighter's no_match_size fragment: the passage's opening.
        List<String> snippets = hit.highlight().getOrDefault("text", List.of());
        Double score = hit.score();
        return new SearchHit(c.chunkId(), c.reportId(), c.ordinal(), c.country(), c.year(), c.title(),
                c.sectionPath(), c.categories(), c.severity() == null ? null : c.severity().level(),
                c.modelVersion(), snippets, score == null || score.isNaN() ? 0 : score);
    }

    static ClassifiedChunk chunk(ObjectNode source) {
        return RightstreamJson.read(source.toString().getBytes(StandardCharsets.UTF_8), ClassifiedChunk.class);
    }

    Facets facets(Map<String, Aggregate> aggs, Set<String> asked, long total) {
        return new Facets(facet(aggs, "country", asked, total), facet(aggs, "year", asked, total),
                facet(aggs, "category", asked, total), facet(aggs, "severity", asked, total),
                facet(aggs, "entity", asked, total));
    }

    private Facets.Facet facet(Map<String, Aggregate> aggs, String name, Set<String> asked, long total) {
        return asked.contains(name) ? facet(aggs, name, total) : null;
    }

    private Facets.Facet facet(Map<String, Aggregate> aggs, String name, long total) {
        List<Facets.Bucket> buckets = new ArrayList<>();
        long other = 0;
        Aggregate terms = aggs.get(name);
        if (terms != null && terms.isSterms()) {
            other = terms.sterms().sumOtherDocCount() == null ? 0 : terms.sterms().sumOtherDocCount();
            terms.sterms().buckets().array().forEach(b ->
                    buckets.add(bucket(name, b.key().stringValue(), b.docCount())));
        } else if (terms != null && terms.isLterms()) {
            other = terms.lterms().sumOtherDocCount() == null ? 0 : terms.lterms().sumOtherDocCount();
            terms.lterms().buckets().array().forEach(b -> buckets.add(bucket(name, b.key(), b.docCount())));
        }
        long missingCount;
        if (PassageQueries.SINGLE_VALUED.contains(name)) {
            // One value at most per passage: every matching passage is in a bucket, in other, or has none.
            long withValue = other + buckets.stream().mapToLong(Facets.Bucket::count).sum();
            missingCount = Math.max(0, total - withValue);
        } else {
            Aggregate missing = aggs.get(name + "_missing");
            missingCount = missing != null && missing.isMissing() ? missing.missing().docCount() : 0;
        }
        return new Facets.Facet(buckets, other, missingCount);
    }

    private Facets.Bucket bucket(String facet, Object value, long count) {
        String label = switch (facet) {
            case "category" -> taxonomy.category((String) value).map(Taxonomy.Category::label).orElse(null);
            case "severity" -> taxonomy.severity().levels().stream()
                    .filter(l -> value instanceof Long level && l.level() == level)
                    .map(Taxonomy.Level::name).findFirst().orElse(null);
            default -> null;
        };
        return new Facets.Bucket(value, label, count);
    }

    /** A page of a report's passages; the search asked for one more than {@code size}. */
    public ReportPassages reportPassages(String reportId, int from, int size, SearchResponse<ObjectNode> response) {
        List<Hit<ObjectNode>> raw = response.hits().hits();
        List<ClassifiedChunk> passages = new ArrayList<>(Math.min(raw.size(), size));
        for (int i = 0; i < raw.size() && i < size; i++) {
            passages.add(chunk(raw.get(i).source()));
        }
        Integer next = raw.size() > size ? passages.get(passages.size() - 1).ordinal() + 1 : null;
        long total = response.hits().total() == null ? passages.size() : response.hits().total().value();
        return new ReportPassages(reportId, total, from, size, next, passages);
    }
}
