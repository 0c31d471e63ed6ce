package dev.backprop.web;

import dev.backprop.engine.AllocationLimit;
import dev.backprop.engine.GradMode;
import dev.backprop.memory.Pools;
import dev.backprop.session.ApiException;
import dev.backprop.session.RequestMemory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each API request a {@link RequestMemory}: every storage its ops allocate on the request's thread,
 * and its body as it is read (times what parsing JSON into values costs), are drawn from the requests pool
 * until the answer has been written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestMemoryFilter extends OncePerRequestFilter {
    /**
     * Heap per body byte once parsed: a two-byte JSON number ("1,") becomes a boxed Double in a list,
     * about 24 bytes.
     */
    static final int PARSED_BYTES_PER_BODY_BYTE = 12;

    private final Pools pools;

    RequestMemoryFilter(Pools pools) {
        this.pools = pools;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (RequestMemory memory = new RequestMemory(pools.requests());
             GradMode.Scope ignored = AllocationLimit.drawFrom(memory)) {
            chain.doFilter(CountingInputStream.wrap(request, n -> {
                try {
                    memory.take((long) n * PARSED_BYTES_PER_BODY_BYTE);
                } catch (ApiException refused) {
                    throw new BodyRefusedException(refused);
                }
            }, e -> e), response);
        }
    }
}
