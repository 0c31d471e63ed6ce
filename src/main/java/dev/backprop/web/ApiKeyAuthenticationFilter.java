package dev.backprop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>} against the configured keys. A
 * request with neither goes on unauthenticated (the API's routes then answer 401); a key that is unknown or
 * revoked, another scheme, or two different keys answer 401 at once.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final AuthenticationProblems problems;

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationProblems problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader(HEADER);
        if (authorization == null && apiKey == null) {
            chain.doFilter(request, response);
            return;
        }
        String bearer = null;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
                refuse(request, response, "only Bearer credentials are accepted: Authorization: Bearer <API key>");
                return;
            }
            bearer = authorization.substring(7).trim();
        }
        if (bearer != null && apiKey != null && !bearer.equals(apiKey)) {
            refuse(request, response, "Authorization and " + HEADER + " carry different keys: send one");
            return;
        }
        switch (keys.check(bearer != null ? bearer : apiKey)) {
            case ApiKeys.Accepted a -> {
                SecurityContextHolder.getContext().setAuthentication(new TenantAuthentication(a.caller()));
                chain.doFilter(request, response);
            }
            case ApiKeys.Revoked r -> refuse(request, response, "the API key of tenant '" + r.tenant() + "' has been revoked");
            case ApiKeys.Unknown u -> refuse(request, response, "the API key is not known");
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        SecurityContextHolder.clearContext();
        problems.commence(request, response, new AuthenticationProblems.CredentialRefused(why));
    }
}
