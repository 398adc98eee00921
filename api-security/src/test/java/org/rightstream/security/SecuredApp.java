package org.rightstream.security;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service shaped like ours: a read, a write, a POST that only computes, and the page. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ApiSecurityConfiguration.class, SecuredApp.Endpoints.class})
class SecuredApp {

    @RestController
    static class Endpoints {
        @GetMapping("/api/things")
        Map<String, String> read() {
            return Map.of("read", "ok");
        }

        @PostMapping("/api/things")
        Map<String, String> write() {
            return Map.of("written", "ok");
        }

        @PostMapping("/api/classify")
        Map<String, String> compute() {
            return Map.of("computed", "ok");
        }

        @GetMapping("/")
        String page() {
            return "page";
        }
    }
}
