package org.rightstream.classify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClassifyApplication {
    public static void main(String[] args) {
        SpringApplication.run(ClassifyApplication.class, args);
    }
}
