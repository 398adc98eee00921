package org.rightstream.query.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rightstream.contracts.Taxonomy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the search API: parameter checks, request building, response mapping, the cache and the search itself. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {
    /** No search for this long: the cache's checker stops asking Elasticsearch until the next one. */
    private static final Duration IDLE_AFTER = Duration.ofSeconds(30);

    @Bean
    SearchParameters searchParameters(SearchProperties limits) {
        return new SearchParameters(limits, Taxonomy.get());
    }

    @Bean
    SearchCache searchCache(SearchCacheProperties props) {
        return new SearchCache(props.maxSize().toBytes(), props.maxStaleness(), System::nanoTime);
    }

    /** Checks the index's generation for the cache, on a daemon thread of its own. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService searchCacheChecker(SearchCache cache, SearchCacheProperties props,
                                                ElasticsearchClient client) {
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-cache-check");
            t.setDaemon(true);
            return t;
        });
        if (props.enabled()) {
            IndexGeneration generation = new IndexGeneration(client);
            long every = props.checkInterval().toMillis();
            checker.scheduleWithFixedDelay(() -> cache.check(generation, IDLE_AFTER), every, every, TimeUnit.MILLISECONDS);
        }
        return checker;
    }

    @Bean
    PassageSearch passageSearch(ElasticsearchClient client, SearchProperties limits, SearchCacheProperties cacheProps,
                                SearchCache cache) {
        Taxonomy taxonomy = Taxonomy.get();
        return new PassageSearch(client, new PassageQueries(limits, taxonomy.categories().size()),
                new SearchResults(taxonomy), cacheProps.enabled() ? cache : null);
    }
}
