package org.rightstream.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The elasticsearch-java 8.19 client. Boot 4 only builds clients for Elasticsearch 9, whose
 * compatibility header an 8.19 server refuses, so the client is built here.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchProperties props) {
        HttpHost[] hosts = props.uris().stream()
                .map(u -> new HttpHost(u.getHost(), u.getPort() < 0 ? 9200 : u.getPort(), u.getScheme()))
                .toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts).setRequestConfigCallback(rc -> rc
                .setConnectTimeout((int) props.connectTimeout().toMillis())
                .setSocketTimeout((int) props.socketTimeout().toMillis()));
        if (props.username() != null && !props.username().isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(props.username(), props.password()));
            builder.setHttpClientConfigCallback(hc -> hc.setDefaultCredentialsProvider(credentials));
        } else {
            // Without credentials there is nothing to authenticate; the auth cache the client otherwise consults on
            // every request (deserialising a copy of its auth scheme each time) was ~3% of query-service's CPU
            // per search.
            builder.setHttpClientConfigCallback(hc -> hc.disableAuthCaching());
        }
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    @Bean
    ElasticsearchHealthIndicator elasticsearchHealthIndicator(ElasticsearchClient client) {
        return new ElasticsearchHealthIndicator(client);
    }
}
