package org.rightstream.query;

import org.rightstream.security.ApiSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
// Writes need the API key; reads open or not by configuration (rightstream.security.*).
@Import(ApiSecurityConfiguration.class)
@ConfigurationPropertiesScan
public class QueryApplication {
    public static void main(String[] args) {
        SpringApplication.run(QueryApplication.class, args);
    }
}
