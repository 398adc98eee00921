package org.rightstream.classify.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain request reader of {@code POST /api/classify} to its settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassifyApiProperties.class)
class ClassifyApiConfiguration {

    @Bean
    ClassifyRequestReader classifyRequestReader(ClassifyApiProperties props) {
        return new ClassifyRequestReader(props.maxRequestBytes());
    }
}
