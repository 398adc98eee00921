package org.rightstream.classify;

import org.rightstream.security.ApiSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

@SpringBootApplication
// Writes need the API key; reads open or not by configuration (rightstream.security.*).
@Import(ApiSecurityConfiguration.class)
public class ClassifyApplication {
    public static void main(String[] args) {
        SpringApplication.run(ClassifyApplication.class, args);
    }
}
