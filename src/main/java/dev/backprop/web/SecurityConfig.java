package dev.backprop.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what: the API ({@code /api/**}) needs a caller in {@code api-keys} and {@code jwt} modes, while the
 * page, its assets and the contract are public. No cookies and no server-side sessions: every request carries its
 * credential, so there is nothing for CSRF to ride on. Security headers on every answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthProperties.class, CorsProperties.class, RateLimits.class})
class SecurityConfig {
    /** The page and Swagger UI load only their own scripts; Swagger UI sets inline styles and data: icons. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static final List<String> REQUEST_HEADERS = List.of("Authorization", ApiKeyAuthenticationFilter.HEADER, "Content-Type", "Accept",
            "Idempotency-Key", "Last-Event-ID", "X-Request-Id", "traceparent", "tracestate");
    static final List<String> EXPOSED_HEADERS = List.of("Location", "Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id",
            "Next-Page-Token", "Link", "Idempotent-Replayed", "WWW-Authenticate");

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthProperties auth, CorsProperties cors, Audit audit,
                            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        if (auth.mode() == AuthProperties.Mode.JWT && jwtDecoder.getIfAvailable() == null) {
            throw new IllegalStateException("backprop.auth.mode=jwt needs the issuer's keys: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri, .jwk-set-uri or .public-key-location");
        }
        AuthenticationProblems problems = new AuthenticationProblems(audit);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(c -> c.configurationSource(corsSource(cors)))
                .headers(h -> h.cacheControl(c -> c.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems))
                .addFilterAfter(new CallerFromAuthentication(audit), AnonymousAuthenticationFilter.class);
        switch (auth.mode()) {
            case NONE -> http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            case API_KEYS -> http.addFilterBefore(new ApiKeyAuthenticationFilter(new ApiKeys(auth.apiKeys()), problems),
                    AnonymousAuthenticationFilter.class);
            case JWT -> http.oauth2ResourceServer(o -> o.authenticationEntryPoint(problems)
                    .jwt(j -> j.jwtAuthenticationConverter(new JwtCallers(auth.jwt()))));
        }
        if (auth.mode() != AuthProperties.Mode.NONE) {
            http.authorizeHttpRequests(a -> a
                    .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC, DispatcherType.FORWARD).permitAll()
                    .requestMatchers("/api/**").authenticated()
                    .anyRequest().permitAll());
        }
        return http.build();
    }

    private static UrlBasedCorsConfigurationSource corsSource(CorsProperties cors) {
        CorsConfiguration c = new CorsConfiguration();
        c.setAllowedOrigins(cors.allowedOrigins());
        c.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        c.setAllowedHeaders(REQUEST_HEADERS);
        c.setExposedHeaders(EXPOSED_HEADERS);
        c.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", c);
        source.registerCorsConfiguration("/v3/api-docs.yaml", c);
        return source;
    }
}
