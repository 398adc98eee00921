package org.rightstream.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The services' one security rule, imported by each application class: reading is open (or not, by
 * {@code open-reads}), anything that changes state needs the API key, the dashboard's own files and the
 * health check are always open. No sessions and no cookies, so there is nothing for another site to ride on.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    /** The page, its scripts and the health check: what a browser or an orchestrator needs before any key. */
    static final String[] ALWAYS_OPEN = {"/", "/index.html", "/app.css", "/js/**", "/webjars/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**", "/error"};

    /** Scripts only from this origin; styles inline too, for Swagger UI's components. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiSecurityProperties properties) throws Exception {
        if (!properties.hasKey()) {
            log.warn("rightstream.security.api-key is not set: every write to this service's API is refused");
        }
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(new ApiKeyCheck(properties.apiKey())),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> rules(a, properties))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemAnswers.write(response, 401,
                                "API key required", whyRefused(properties, request.getHeader(ApiKeyCheck.HEADER),
                                        request.getHeader("Authorization")), request.getRequestURI()))
                        .accessDeniedHandler((request, response, ex) -> ProblemAnswers.write(response, 403,
                                "Forbidden", "this API key may not do that", request.getRequestURI())))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=()"))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        if (properties.corsOrigins().isEmpty()) {
            http.cors(c -> c.disable());
        } else {
            http.cors(c -> c.configurationSource(cors(properties.corsOrigins())));
        }
        return http.build();
    }

    private static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
                              ApiSecurityProperties properties) {
        a.requestMatchers(HttpMethod.GET, ALWAYS_OPEN).permitAll();
        a.requestMatchers(HttpMethod.HEAD, ALWAYS_OPEN).permitAll();
        a.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
        if (properties.openReads()) {
            a.requestMatchers(HttpMethod.GET, "/**").permitAll();
            a.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
            if (!properties.openPosts().isEmpty()) {
                a.requestMatchers(HttpMethod.POST, properties.openPosts().toArray(String[]::new)).permitAll();
            }
        }
        a.anyRequest().hasRole(ApiKeyAuthenticationFilter.ROLE);
    }

    static String whyRefused(ApiSecurityProperties properties, String apiKeyHeader, String authorization) {
        if (!properties.hasKey()) {
            return "this service has no API key configured (rightstream.security.api-key), so it accepts no writes";
        }
        if (ApiKeyCheck.presented(apiKeyHeader, authorization) != null) {
            return "the API key sent is not valid";
        }
        return "this needs the API key: send it in the X-Api-Key header or as Authorization: Bearer KEY"
                + " (./rightstream up prints it and keeps it in .rightstream/api-key)";
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOrigins(origins);
        c.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
        c.setAllowedHeaders(List.of(ApiKeyCheck.HEADER, "Authorization", "Content-Type", "Last-Event-ID"));
        c.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", c);
        return source;
    }

    /** No users: the key is the only credential, and Spring Boot then generates and logs no password. */
    @Bean
    UserDetailsService noUsers() {
        return username -> {
            throw new UsernameNotFoundException(username);
        };
    }
}
