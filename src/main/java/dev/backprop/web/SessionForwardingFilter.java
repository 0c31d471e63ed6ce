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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a request for a session held by another replica to that replica, and its answer back, as they are: the
 * session's id names its replica ({@link SessionIds}), the registry gives the replica's address. So does a new job
 * whose data is a session's tensors. The request has
 * passed this replica's authentication and rate limit; the holder authenticates it again (the credentials go
 * with it) and answers it as if it had been sent there. A forwarded request is never forwarded again, and a session
 * whose replica is gone is unknown (404), as its sessions are gone with it.
 */
@Component
@Order(1)
class SessionForwardingFilter extends OncePerRequestFilter {
    static final String FORWARDED = "X-Backprop-Forwarded-By";
    private static final Pattern SESSION_PATH = Pattern.compile("^/api/v1/sessions/([^/]+)(/.*)?$");
    private static final String JOBS = "/api/v1/jobs";
    /** Bytes of a new job's body read to find the session it names. */
    private static final int PEEK_BYTES = 64 << 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();
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
        return registry.isEmpty() || request.getHeader(FORWARDED) != null
                || !(request.getRequestURI().startsWith("/api/v1/sessions/") || isNewJob(request));
    }

    /** {@code POST /jobs}, whose data may be a session's tensors. */
    private static boolean isNewJob(HttpServletRequest request) {
        return request.getMethod().equals("POST") && request.getRequestURI().equals(JOBS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isNewJob(request)) {
            newJob(request, response, chain);
            return;
        }
        Matcher path = SESSION_PATH.matcher(request.getRequestURI());
        Optional<URI> holder = holderOf(path.matches() ? path.group(1) : null);
        if (holder.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        InputStream body = request.getInputStream();
        forward(request, response, holder.get(), () -> body);
    }

    /**
     * A new job on a session's tensors goes to the replica that holds the session. Only a small body is read to find
     * out (a body that names a session is small; a large one carries its data inline); the body is then given on
     * as it came.
     */
    private void newJob(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        byte[] start = request.getInputStream().readNBytes(PEEK_BYTES + 1);
        Optional<URI> holder = start.length > PEEK_BYTES ? Optional.empty() : holderOf(sessionOf(start));
        if (holder.isPresent()) {
            forward(request, response, holder.get(), () -> new java.io.ByteArrayInputStream(start));
            return;
        }
        chain.doFilter(new ReplayedBody(request, start), response);
    }

    /** The {@code data.session.id} of a job's JSON body, or null. */
    private static String sessionOf(byte[] body) {
        try {
            JsonNode id = JSON.readTree(body).path("data").path("session").path("id");
            return id.isString() ? id.stringValue() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** Where the replica that holds session {@code id} is reached, when it is another live replica. */
    private Optional<URI> holderOf(String id) {
        ReplicaRegistry replicas = registry.orElseThrow();
        Optional<String> holder = SessionIds.replicaOf(id);
        if (holder.isEmpty() || holder.get().equals(replicas.replica())) return Optional.empty();
        return replicas.urlOf(holder.get());
    }

    private void forward(HttpServletRequest request, HttpServletResponse response, URI replica,
                         java.util.function.Supplier<InputStream> body) throws IOException {
        String query = request.getQueryString();
        URI target = replica.resolve(request.getRequestURI() + (query == null ? "" : "?" + query));
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(cluster.forwardTimeout());
        for (String name : Collections.list(request.getHeaderNames())) {
            if (NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) continue;
            for (String value : Collections.list(request.getHeaders(name))) out.header(name, value);
        }
        out.header(FORWARDED, registry.orElseThrow().replica());
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        out.method(request.getMethod(), hasBody ? HttpRequest.BodyPublishers.ofInputStream(body) : HttpRequest.BodyPublishers.noBody());
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
