package org.rightstream.ingest;

import org.rightstream.security.ApiSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
// Writes need the API key; reads open or not by configuration (rightstream.security.*).
@Import(ApiSecurityConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class IngestApplication {
    public static void main(String[] args) {
        SpringApplication.run(IngestApplication.class, args);
    }
}
