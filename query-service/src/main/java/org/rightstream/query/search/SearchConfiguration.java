package org.rightstream.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.rightstream.contracts.Taxonomy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the search API: parameter checks, request building, response mapping and the search itself. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    SearchParameters searchParameters(SearchProperties limits) {
        return new SearchParameters(limits, Taxonomy.get());
    }

    @Bean
    PassageSearch passageSearch(ElasticsearchClient client, SearchProperties limits) {
        Taxonomy taxonomy = Taxonomy.get();
        return new PassageSearch(client, new PassageQueries(limits, taxonomy.categories().size()),
                new SearchResults(taxonomy));
    }
}
