package org.rightstream.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trends and year-over-year comparison of indexed passages. Counts and means come from Elasticsearch
 * aggregations; the name analyses read the passages' entities page by page (see {@link AnalyticsQueries}
 * for why), at most {@code maxScannedPassages} per analysis and year, and say when they stopped early.
 */
public final class Analytics {
    private final ElasticsearchClient client;
    private final int maxScannedPassages;

    public Analytics(ElasticsearchClient client, int maxScannedPassages) {
        this.client = client;
        this.maxScannedPassages = maxScannedPassages;
    }

    public CategoryTrends categoryTrends(String country, Integer from, Integer to, CountBy countBy) throws IOException {
        Scope scope = new Scope(country, from, to);
        return AnalyticsResults.categoryTrends(scope, countBy,
                client.search(AnalyticsQueries.categoryTrends(scope, countBy), Void.class));
    }

    public SeverityTrends severityTrends(String country, Integer from, Integer to) throws IOException {
        Scope scope = new Scope(country, from, to);
        return AnalyticsResults.severityTrends(scope, client.search(AnalyticsQueries.severityTrends(scope), Void.class));
    }

    public PersonTrends personTrends(String country, Integer from, Integer to, int top) throws IOException {
        Scope scope = new Scope(country, from, to);
        PersonCounter counter = new PersonCounter();
        boolean complete = scan(after -> AnalyticsQueries.personPage(scope, after), counter::add);
        return new PersonTrends(country, from, to, top, Names.MATCHING, complete, counter.top(top));
    }

    public Comparison compare(String country, int from, int to, CountBy countBy, int namesPerType,
                              int passagesPerName) throws IOException {
        SearchResponse<Void> figures = client.search(AnalyticsQueries.comparison(country, from, to, countBy), Void.class);
        NewNamesFinder names = new NewNamesFinder();
        boolean complete = scan(after -> AnalyticsQueries.yearPage(country, from, after), names::addEarlier);
        complete &= scan(after -> AnalyticsQueries.yearPage(country, to, after), names::addLater);
        Comparison.NewNames newNames = new Comparison.NewNames(NewNamesFinder.MATCHING, passagesPerName, complete,
                names.newPersons(namesPerType, passagesPerName), names.newOrganisations(namesPerType, passagesPerName));
        return AnalyticsResults.comparison(country, from, to, countBy, figures, newNames);
    }

    /**
     * Reads the passages a paged request selects, in chunkId order, until there are no more or
     * {@code maxScannedPassages} were read; true if all were read.
     */
    private boolean scan(Function<List<FieldValue>, SearchRequest> page, Consumer<ScannedPassage> sink) throws IOException {
        List<FieldValue> after = null;
        int read = 0;
        while (true) {
            List<Hit<ScannedPassage>> hits = client.search(page.apply(after), ScannedPassage.class).hits().hits();
            for (Hit<ScannedPassage> hit : hits) {
                if (read == maxScannedPassages) {
                    return false;
                }
                if (hit.source() != null) {
                    sink.accept(hit.source());
                }
                read++;
            }
            if (hits.size() < AnalyticsQueries.SCAN_PAGE) {
                return true;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
