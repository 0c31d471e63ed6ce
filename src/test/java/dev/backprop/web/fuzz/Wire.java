package dev.backprop.web.fuzz;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends requests as they are written, and gives up on an answer that does not come in time. */
public final class Wire {
    /**
     * What came back; {@code failure} says why nothing did ({@link #TIMEOUT}, or the connection's error), and is null
     * when an answer came.
     */
    public record Answer(int status, HttpHeaders headers, byte[] body, String failure) {
        public static final String TIMEOUT = "no complete answer in time";

        public boolean timedOut() {
            return TIMEOUT.equals(failure);
        }

        public String contentType() {
            return headers == null ? "" : headers.firstValue("Content-Type").orElse("");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or empty when it is not JSON. */
        public Optional<JsonNode> json() {
            try {
                return Optional.of(JSON.readTree(body));
            } catch (JacksonException notJson) {
                return Optional.empty();
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;

    public Wire(int port) {
        this.origin = "http://127.0.0.1:" + port;
    }

    public Answer send(FuzzRequest r, Duration patience) {
        HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + r.target())).method(r.method(), body);
        r.headers().forEach(b::header);
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> answer = pending.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(answer.statusCode(), answer.headers(), answer.body(), null);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Answer(0, null, new byte[0], Answer.TIMEOUT);
        } catch (ExecutionException e) {
            return new Answer(0, null, new byte[0], "the connection failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain JSON request for setting things up, outside the fuzzing. */
    public Answer json(String method, String path, String body) {
        Map<String, String> headers = body == null ? Map.of() : Map.of("Content-Type", "application/json");
        FuzzRequest r = new FuzzRequest("setup", Flavour.VALID, method, path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), false);
        return send(r, Duration.ofSeconds(30));
    }
}
