package dev.backprop.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API requests a tenant may make, under {@code backprop.rate-limit}: a token bucket per tenant that
 * holds {@code limit} requests and refills {@code limit} each {@code window}, so a burst of up to {@code limit}
 * passes and the sustained rate is {@code limit / window}.
 *
 * @param enabled on by default wherever callers authenticate; off by default with {@code backprop.auth.mode=none}, where
 *                the one local tenant has nobody to share the service with
 * @param user    the limit of a tenant's {@code user} callers (6000 a minute)
 * @param admin   the limit of an {@code admin} caller (12000 a minute)
 * @param maxTracked tenants whose buckets are kept; past it, full buckets (which a new one equals) are dropped
 */
@ConfigurationProperties(prefix = "backprop.rate-limit", ignoreUnknownFields = false)
public record RateLimits(Boolean enabled, Policy user, Policy admin, @DefaultValue("10000") int maxTracked) {
    static final Policy USER = new Policy(6000, Duration.ofMinutes(1));
    static final Policy ADMIN = new Policy(12000, Duration.ofMinutes(1));

    public RateLimits {
        if (user == null) user = USER;
        if (admin == null) admin = ADMIN;
    }

    /**
     * @param limit  requests in one window (and the largest burst)
     * @param window the time in which {@code limit} requests are refilled
     */
    public record Policy(@DefaultValue("6000") long limit, @DefaultValue("1m") Duration window) {
        public Policy {
            if (limit < 1) throw new IllegalArgumentException("a rate limit must allow at least 1 request, got " + limit);
            if (window.toSeconds() < 1) throw new IllegalArgumentException("a rate limit's window must be at least 1s, got " + window);
        }
    }
}
