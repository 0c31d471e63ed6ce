package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running service on the loopback interface: plain requests, JSON answers, problem details. */
final class Api {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEM_JSON = "application/problem+json";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String bearer;

    Api(int port) {
        this(port, null);
    }

    /** A client that sends {@code Authorization: Bearer <bearer>} with every request. */
    Api(int port, String bearer) {
        this.base = "http://127.0.0.1:" + port + "/api/v1";
        this.bearer = bearer;
    }

    String base() {
        return base;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    Response post(String path) {
        return send(request(path).POST(BodyPublishers.noBody()));
    }

    /** A body of exactly these bytes, sent with a Content-Length or (streamed) chunked without one. */
    Response postBytes(String path, byte[] body, boolean chunked) {
        BodyPublisher publisher = chunked ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : BodyPublishers.ofByteArray(body);
        return send(request(path).header("Content-Type", "application/json").POST(publisher));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    Response send(HttpRequest.Builder request) {
        try {
            var r = CLIENT.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a session (PyTorch's default seed when {@code seed} is null). */
    Session session(Long seed) {
        Response r = seed == null ? post("/sessions") : post("/sessions", "{\"seed\": " + seed + "}");
        r.expect(201);
        return new Session(this, r.json().get("id").stringValue());
    }

    Session session() {
        return session(null);
    }

    /** Deletes every session the service lists. */
    void dropSessions() {
        for (String id : ids(get("/sessions").expect(200).json())) delete("/sessions/" + id);
    }

    /** An op making zeros of {@code size} (JSON, as {@code [2, 3]}) under a fresh name. */
    static String zeros(String size) {
        return "{\"op\": \"zeros\", \"attrs\": {\"size\": " + size + "}}";
    }

    /** A batch making empty tensors named {@code e<from>}, {@code e<from + 1>}, … */
    static String emptyTensors(int from, int count) {
        java.util.StringJoiner ops = new java.util.StringJoiner(",", "{\"ops\": [", "]}");
        for (int i = from; i < from + count; i++) ops.add("{\"op\": \"zeros\", \"attrs\": {\"size\": [0]}, \"out\": \"e" + i + "\"}");
        return ops.toString();
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static String nested(String open, String inner, String close, int depth) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    /** One session's routes. */
    record Session(Api api, String id) implements AutoCloseable {
        String path() {
            return "/sessions/" + id;
        }

        Response tensor(String json) {
            return api.post(path() + "/tensors", json);
        }

        Response op(String json) {
            return api.post(path() + "/ops", json);
        }

        Response backward(String json) {
            return api.post(path() + "/backward", json);
        }

        Response grad(String json) {
            return api.post(path() + "/grad", json);
        }

        Response module(String json) {
            return api.post(path() + "/modules", json);
        }

        Response optimizer(String json) {
            return api.post(path() + "/optimizers", json);
        }

        Response step(String optimizer) {
            return api.post(path() + "/optimizers/" + optimizer + "/step");
        }

        Response zeroGrad(String optimizer) {
            return api.post(path() + "/optimizers/" + optimizer + "/zero-grad");
        }

        Response seed(String json) {
            return api.post(path() + "/seed", json);
        }

        Response info() {
            return api.get(path());
        }

        Response get(String tensor) {
            return api.get(path() + "/tensors/" + tensor);
        }

        Response list() {
            return api.get(path() + "/tensors");
        }

        Response deleteTensor(String tensor) {
            return api.delete(path() + "/tensors/" + tensor);
        }

        /** The view of a tensor that must exist. */
        JsonNode view(String tensor) {
            return get(tensor).expect(200).json();
        }

        @Override
        public void close() {
            api.delete(path());
        }
    }

    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        Response expect(int expected) {
            assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
            return this;
        }

        /** Asserts an RFC 9457 problem with this status and code; answers its body. */
        JsonNode problem(int expected, String code) {
            expect(expected);
            assertThat(contentType()).as("content type of %s", body).startsWith(PROBLEM_JSON);
            JsonNode p = json();
            assertThat(p.path("status").asInt()).isEqualTo(expected);
            assertThat(p.path("code").stringValue()).as("code of %s", body).isEqualTo(code);
            assertThat(p.path("type").stringValue()).isEqualTo("https://backprop.dev/problems/" + code);
            assertThat(p.path("title").isString()).isTrue();
            assertThat(p.path("detail").isString()).isTrue();
            return p;
        }

        String detail() {
            return json().path("detail").stringValue();
        }
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = (float) array.get(i).doubleValue();
        return out;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).doubleValue();
        return out;
    }

    static List<String> names(JsonNode views) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : views) out.add(v.path("name").stringValue());
        return out;
    }

    static List<String> ids(JsonNode sessions) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : sessions) out.add(v.path("id").stringValue());
        return out;
    }

    static List<Integer> shape(JsonNode view) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode d : view.path("shape")) out.add(d.asInt());
        return out;
    }
}
