package dev.backprop.web;

import dev.backprop.session.SessionIds;
import dev.backprop.store.ReplicaRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a request for a session held by another replica to that replica, and its answer back, as they are: the
 * session's id names its replica ({@link SessionIds}), the registry gives the replica's address. The request has
 * passed this replica's authentication and rate limit; the holder authenticates it again (the credentials go
 * with it) and answers it as if it had been sent there. A forwarded request is never forwarded again, and a session
 * whose replica is gone is unknown (404), as its sessions are gone with it.
 */
@Component
@Order(1)
class SessionForwardingFilter extends OncePerRequestFilter {
    static final String FORWARDED = "X-Backprop-Forwarded-By";
    private static final Pattern SESSION_PATH = Pattern.compile("^/api/v1/sessions/([^/]+)(/.*)?$");
    /** Hop-by-hop fields (RFC 9110, 7.6.1) and those the client library sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
            "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "http2-settings");

    private final Optional<ReplicaRegistry> registry;
    private final ClusterProperties cluster;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SessionForwardingFilter(ObjectProvider<ReplicaRegistry> registry, ClusterProperties cluster) {
        this.registry = Optional.ofNullable(registry.getIfAvailable());
        this.cluster = cluster;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return registry.isEmpty() || request.getHeader(FORWARDED) != null || !request.getRequestURI().startsWith("/api/v1/sessions/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = SESSION_PATH.matcher(request.getRequestURI());
        Optional<String> holder = path.matches() ? SessionIds.replicaOf(path.group(1)) : Optional.empty();
        ReplicaRegistry replicas = registry.orElseThrow();
        if (holder.isEmpty() || holder.get().equals(replicas.replica())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<URI> there = replicas.urlOf(holder.get());
        if (there.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        forward(request, response, there.get());
    }

    private void forward(HttpServletRequest request, HttpServletResponse response, URI replica) throws IOException {
        String query = request.getQueryString();
        URI target = replica.resolve(request.getRequestURI() + (query == null ? "" : "?" + query));
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(cluster.forwardTimeout());
        for (String name : Collections.list(request.getHeaderNames())) {
            if (NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) continue;
            for (String value : Collections.list(request.getHeaders(name))) out.header(name, value);
        }
        out.header(FORWARDED, registry.orElseThrow().replica());
        InputStream body = request.getInputStream();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        out.method(request.getMethod(), hasBody ? HttpRequest.BodyPublishers.ofInputStream(() -> body) : HttpRequest.BodyPublishers.noBody());
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            problem(response, 503, "replica-timeout", "the replica that holds this session did not answer within " + cluster.forwardTimeout());
            return;
        } catch (IOException e) {
            problem(response, 503, "replica-unavailable", "the replica that holds this session cannot be reached now; retry shortly");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding to " + replica, e);
        }
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) || name.startsWith(":")) return;
            for (String value : values) response.addHeader(name, value);
        });
        try (InputStream in = answer.body()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private static void problem(HttpServletResponse response, int status, String code, String detail) throws IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", "5");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(new StatusProblem(status, code, detail).json().getBytes(StandardCharsets.UTF_8));
    }
}
