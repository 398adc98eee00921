package org.rightstream.security;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

class ApiSecurityTest {
    static final String KEY = "test-key-0123456789abcdef";

    @Nested
    @WebMvcTest(properties = {"rightstream.security.api-key=" + KEY, "rightstream.security.open-posts=/api/classify"})
    class WithAKeyAndOpenReads {
        @Autowired
        MockMvc mvc;

        @Test
        void readsThePageAndTheHealthCheckNeedNoKey() throws Exception {
            mvc.perform(get("/api/things")).andExpect(status().isOk());
            mvc.perform(get("/")).andExpect(status().isOk());
        }

        @Test
        void aWriteWithoutTheKeyIsRefusedWithWhatToSend() throws Exception {
            mvc.perform(post("/api/things"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                    .andExpect(jsonPath("$.detail", containsString("X-Api-Key")))
                    .andExpect(jsonPath("$.instance").value("/api/things"));
        }

        @Test
        void aWrongKeyIsRefusedAsInvalid() throws Exception {
            mvc.perform(post("/api/things").header("X-Api-Key", KEY + "x"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value("the API key sent is not valid"));
            mvc.perform(post("/api/things").header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString(("user:" + KEY).getBytes())))
                    .andExpect(status().isUnauthorized());
        }

        @Test
        void theKeyInEitherHeaderAllowsTheWrite() throws Exception {
            mvc.perform(post("/api/things").header("X-Api-Key", KEY)).andExpect(status().isOk());
            mvc.perform(post("/api/things").header("Authorization", "Bearer " + KEY)).andExpect(status().isOk());
        }

        @Test
        void aPostThatOnlyComputesIsOpenLikeAReadAndNoOtherIs() throws Exception {
            mvc.perform(post("/api/classify")).andExpect(status().isOk());
        }

        @Test
        void everyAnswerCarriesTheSecurityHeaders() throws Exception {
            mvc.perform(get("/"))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"));
        }

        @Test
        void anotherOriginGetsNoCorsPermission() throws Exception {
            mvc.perform(get("/api/things").header("Origin", "https://elsewhere.example"))
                    .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
            mvc.perform(options("/api/things").header("Origin", "https://elsewhere.example")
                            .header("Access-Control-Request-Method", "POST"))
                    .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        }
    }

    @Nested
    @WebMvcTest(properties = {"rightstream.security.api-key=" + KEY, "rightstream.security.open-reads=false",
            "rightstream.security.open-posts=/api/classify"})
    class WithReadsClosed {
        @Autowired
        MockMvc mvc;

        @Test
        void readsNeedTheKeyButThePageDoesNot() throws Exception {
            mvc.perform(get("/api/things")).andExpect(status().isUnauthorized());
            mvc.perform(post("/api/classify")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/things").header("X-Api-Key", KEY)).andExpect(status().isOk());
            mvc.perform(get("/")).andExpect(status().isOk());
        }
    }

    @Nested
    @WebMvcTest
    class WithoutAKey {
        @Autowired
        MockMvc mvc;

        @Test
        void everyWriteIsRefusedAndTheAnswerSaysWhy() throws Exception {
            mvc.perform(post("/api/things").header("X-Api-Key", "anything-at-all-0123456"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail", containsString("no API key configured")));
            mvc.perform(get("/api/things")).andExpect(status().isOk());
        }
    }

    @Nested
    @WebMvcTest(properties = {"rightstream.security.api-key=" + KEY, "rightstream.security.cors-origins=https://desk.example"})
    class WithAnAllowedOrigin {
        @Autowired
        MockMvc mvc;

        @Test
        void thatOriginMayCallTheApiAndOthersMayNot() throws Exception {
            mvc.perform(options("/api/things").header("Origin", "https://desk.example")
                            .header("Access-Control-Request-Method", "POST")
                            .header("Access-Control-Request-Headers", "X-Api-Key"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Access-Control-Allow-Origin", "https://desk.example"));
            mvc.perform(get("/api/things").header("Origin", "https://other.example"))
                    .andExpect(status().isForbidden());
        }
    }
}
