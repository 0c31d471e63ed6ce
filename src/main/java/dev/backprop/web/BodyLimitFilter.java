package dev.backprop.web;

import dev.backprop.session.Limits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
            response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + "body-too-large\",\"title\":\"Content Too Large\","
                    + "\"status\":413,\"detail\":\"the request body is over the limit of " + limit + " bytes\",\"code\":\"body-too-large\"}");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit, readTimeout), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final Duration readTimeout;
        private final long deadline;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit, Duration readTimeout) {
            super(request);
            this.limit = limit;
            this.readTimeout = readTimeout;
            this.deadline = System.nanoTime() + readTimeout.toNanos();
        }

        private long read;

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingInputStream(super.getInputStream(), this::count, this::timedOut);
            }
            return stream;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) throw new BodyTooLargeException(limit);
            if (System.nanoTime() - deadline > 0) throw late(null);
        }

        private BodyReadTimeoutException late(IOException cause) {
            return new BodyReadTimeoutException("the request body did not arrive within " + readTimeout.toMillis() + " ms", cause);
        }

        /** A failed read, as a body timeout when the deadline has passed or the client fell silent. */
        private IOException timedOut(IOException e) {
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
