package dev.backprop.web;

import dev.backprop.session.Limits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the reading of a request body. A body over {@link Limits#maxBodyBytes()} is refused with 413: at
 * once when Content-Length says so, and while reading when the body is chunked (Tomcat sets no limit on
 * JSON bodies of its own). A body still arriving {@code backprop.limits.body-read-timeout} (30s) after the
 * request began is refused with 408 at its next read, and so is one whose client falls silent for the
 * socket's read timeout ({@code server.tomcat.connection-timeout}), so a client that trickles its body
 * holds the request for a bounded time.
 */
@Component
class BodyLimitFilter extends OncePerRequestFilter {
    private final long limit;
    private final Duration readTimeout;

    BodyLimitFilter(Limits limits) {
        this.limit = limits.maxBodyBytes();
        this.readTimeout = limits.bodyReadTimeout();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(new StatusProblem(413, "body-too-large", new BodyTooLargeException(limit).getMessage()).json());
            return;
        }
        BodyGuard guard = new BodyGuard(limit, readTimeout);
        chain.doFilter(CountingInputStream.wrap(request, guard::count, guard::timedOut), response);
    }

    /** One body's bytes and time so far, against the limit and the deadline. */
    private static final class BodyGuard {
        private final long limit;
        private final Duration readTimeout;
        private final long deadline;
        private long read;

        BodyGuard(long limit, Duration readTimeout) {
            this.limit = limit;
            this.readTimeout = readTimeout;
            this.deadline = System.nanoTime() + readTimeout.toNanos();
        }

        void count(int n) throws IOException {
            read += n;
            if (read > limit) throw new BodyTooLargeException(limit);
            if (System.nanoTime() - deadline > 0) throw late(null);
        }

        private BodyReadTimeoutException late(IOException cause) {
            return new BodyReadTimeoutException("the request body did not arrive within " + readTimeout.toMillis() + " ms", cause);
        }

        /** A failed read, as a body timeout when the deadline has passed or the client fell silent. */
        IOException timedOut(IOException e) {
            if (System.nanoTime() - deadline > 0) return late(e);
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException) {
                    return new BodyReadTimeoutException("the client sent nothing of the request body for longer than the read timeout", e);
                }
            }
            return e;
        }
    }
}
