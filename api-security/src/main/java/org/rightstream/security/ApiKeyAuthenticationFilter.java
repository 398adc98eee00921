package org.rightstream.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks a request that carries the right key as authenticated (role API); a wrong key is not an error
 * here, the request simply stays anonymous and the authorisation rules decide.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String ROLE = "API";

    private final ApiKeyCheck check;

    ApiKeyAuthenticationFilter(ApiKeyCheck check) {
        this.check = check;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = ApiKeyCheck.presented(request.getHeader(ApiKeyCheck.HEADER), request.getHeader("Authorization"));
        if (check.matches(key)) {
            var auth = new UsernamePasswordAuthenticationToken("api-key", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
