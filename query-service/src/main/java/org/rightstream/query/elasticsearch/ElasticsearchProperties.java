package org.rightstream.query.elasticsearch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to Elasticsearch ({@code rightstream.elasticsearch.*}).
 *
 * @param uris           one or more node addresses
 * @param username       basic-auth user when security is on (the docker-compose stack), else empty
 * @param password       its password
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout  how long to wait for an answer (bulk requests included)
 */
@ConfigurationProperties("rightstream.elasticsearch")
public record ElasticsearchProperties(
        @DefaultValue("http://127.0.0.1:9200") List<URI> uris,
        String username,
        String password,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration socketTimeout) {
}
