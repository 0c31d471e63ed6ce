package dev.backprop.web;

import dev.backprop.session.ApiException;
import dev.backprop.training.JobLimits;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The event streams' own share of the connections: at most {@code backprop.jobs.max-streams} (1,000) open
 * at once, and at most {@code backprop.jobs.max-streams-per-client} (100) of them for one client (its remote
 * address, until callers are authenticated), so that idle streams can neither take every connection from
 * the API nor one client take every stream from the others.
 */
@Component
class StreamBudget {
    /** Streams end when their jobs do or their clients leave; a refused client may try again after this. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int max;
    private final int maxPerClient;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();

    StreamBudget(JobLimits limits) {
        this.max = limits.maxStreams();
        this.maxPerClient = limits.maxStreamsPerClient();
    }

    /** Takes one stream for {@code client}, or refuses with 429 {@code stream-quota} when either cap is reached. */
    void take(String client) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            throw refused("the service has " + max + " event streams open, its limit");
        }
        boolean[] taken = {false};
        byClient.compute(client, (c, n) -> {
            int held = n == null ? 0 : n;
            if (held >= maxPerClient) return n;
            taken[0] = true;
            return held + 1;
        });
        if (!taken[0]) {
            open.decrementAndGet();
            throw refused("this client has " + maxPerClient + " event streams open, its limit");
        }
    }

    /** Gives back a stream {@link #take(String) taken} for {@code client}. */
    void release(String client) {
        byClient.computeIfPresent(client, (c, n) -> n == 1 ? null : n - 1);
        open.decrementAndGet();
    }

    /** Streams open now. */
    int count() {
        return open.get();
    }

    /** Whether the service-wide cap is reached. */
    boolean full() {
        return open.get() >= max;
    }

    private static ApiException refused(String detail) {
        return ApiException.quota("stream-quota", detail + "; close a stream or try again later", RETRY_AFTER_SECONDS);
    }
}
