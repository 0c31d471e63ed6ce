package dev.backprop.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the service remembers of requests sent with an {@code Idempotency-Key} ({@code POST /jobs},
 * {@code POST /sessions}), configurable under {@code backprop.idempotency}. One remembered answer holds its body (at
 * most {@code maxBodyBytes}), its key (at most 255 characters), its owner's name, its {@code Location} and a
 * 32-byte fingerprint of the request, plus about {@value IdempotencyKeys#ENTRY_OVERHEAD} bytes of bookkeeping.
 *
 * @param keepFor      how long an answer is remembered; a retry after that runs the request again
 * @param maxEntries   answers remembered at once; past it the oldest are forgotten first
 * @param maxBodyBytes the largest answer body remembered; a larger answer is sent but not remembered
 * @param maxBytes     bytes all remembered answers may hold together; past it the oldest are forgotten first
 */
@ConfigurationProperties(prefix = "backprop.idempotency", ignoreUnknownFields = false)
public record IdempotencyLimits(
        @DefaultValue("24h") Duration keepFor,
        @DefaultValue("10000") int maxEntries,
        @DefaultValue("64KB") DataSize maxBodyBytes,
        @DefaultValue("16MB") DataSize maxBytes) {}
