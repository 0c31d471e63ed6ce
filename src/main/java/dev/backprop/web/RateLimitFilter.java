package dev.backprop.web;

import dev.backprop.session.Caller;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds each tenant to its rate limit (after authentication, so the tenant is known): every API answer says the
 * policy and what is left of it in the {@code RateLimit-Policy} and {@code RateLimit} fields of
 * draft-ietf-httpapi-ratelimit-headers, and a request over the limit is 429 with {@code Retry-After}.
 */
@Component
@Order(0)
class RateLimitFilter extends OncePerRequestFilter {
    static final String POLICY = "tenant";

    private record Key(String owner, boolean admin) {}

    private final RateLimits limits;
    private final boolean enabled;
    private final ConcurrentHashMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimits limits, AuthProperties auth) {
        this.limits = limits;
        this.enabled = limits.enabled() != null ? limits.enabled() : auth.mode() != AuthProperties.Mode.NONE;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = CurrentCaller.of(request);
        Key key = new Key(caller.owner(), caller.admin());
        RateLimits.Policy policy = policyOf(key);
        ConsumptionProbe probe = bucket(key, policy).tryConsumeAndReturnRemaining(1);
        long windowSeconds = policy.window().toSeconds();
        response.setHeader("RateLimit-Policy", "\"" + POLICY + "\";q=" + policy.limit() + ";w=" + windowSeconds);
        long remaining = probe.getRemainingTokens();
        long untilFull = ceilDiv((policy.limit() - remaining) * windowSeconds, policy.limit());
        if (probe.isConsumed()) {
            response.setHeader("RateLimit", "\"" + POLICY + "\";r=" + remaining + ";t=" + untilFull);
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
        response.setHeader("RateLimit", "\"" + POLICY + "\";r=0;t=" + retryAfter);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setStatus(429);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String detail = "tenant '" + caller.owner() + "' has made " + policy.limit() + " requests in " + windowSeconds
                + " s, its limit: retry after " + retryAfter + " s";
        response.getOutputStream().write(new StatusProblem(429, "rate-limited", detail).json().getBytes(StandardCharsets.UTF_8));
    }

    private Bucket bucket(Key key, RateLimits.Policy policy) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) return bucket;
        if (buckets.size() >= limits.maxTracked()) {
            buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= policyOf(e.getKey()).limit());
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(policy.limit()).refillGreedy(policy.limit(), policy.window()).build())
                .build());
    }

    private RateLimits.Policy policyOf(Key key) {
        return key.admin() ? limits.admin() : limits.user();
    }

    private static long ceilDiv(long a, long b) {
        return Math.ceilDiv(Math.max(0, a), b);
    }
}
