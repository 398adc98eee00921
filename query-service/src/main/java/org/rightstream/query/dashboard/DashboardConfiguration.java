package org.rightstream.query.dashboard;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires what the dashboard page needs beyond the search, analytics and watchlist APIs. */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    IngestService ingestService(DashboardProperties properties) {
        return new IngestService(properties.ingestUrl(), properties.ingestTimeout());
    }

    @Bean
    IndexedPassageCounts indexedPassageCounts(ElasticsearchClient client) {
        return new IndexedPassageCounts(client);
    }
}
