package org.rightstream.query.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analytics API's one bean; the controller and its error handler are picked up by scanning. */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    /**
     * @param maxScannedPassages how many passages one name analysis reads at most (per year for the
     *                           comparison); beyond it the answer says it is incomplete
     */
    @Bean
    Analytics analytics(ElasticsearchClient client,
                        @Value("${rightstream.analytics.max-scanned-passages:50000}") int maxScannedPassages) {
        return new Analytics(client, maxScannedPassages);
    }
}
