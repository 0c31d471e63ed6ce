package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A well-behaved client: the seed's walkthrough over HTTP (sections 1 and 3 of the study note: the graph
 * built as ops run, backward, retain_grad, the freed graph, higher-order grad) and the seed's training job
 * followed on its event stream to its end, each answer checked against PyTorch's values.
 */
final class SeedClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    SeedClient(String base) {
        this.base = base;
    }

    /** Runs the whole walkthrough; fails with an assertion error on the first answer that is not PyTorch's. */
    void walkthrough() {
        String s = "/sessions/" + call("POST", "/sessions", null, 201).get("id").stringValue();
        try {
            call("POST", s + "/tensors", """
                    {"name": "w", "data": [1.0], "requiresGrad": true}""", 201);
            call("POST", s + "/tensors", """
                    {"name": "x", "data": [2.0], "requiresGrad": true}""", 201);
            JsonNode graph = call("POST", s + "/ops", """
                    {"ops": [{"op": "add", "inputs": ["w", "x"], "out": "a"}, {"op": "retain_grad", "inputs": ["a"]},
                             {"op": "add", "inputs": ["w", 1], "out": "b"}, {"op": "mul", "inputs": ["a", "b"], "out": "y"}]}""", 200);
            JsonNode y = graph.get("results").get(3);
            assertThat(y.get("gradFn").stringValue()).isEqualTo("MulBackward0");
            assertThat(y.get("data").toString()).isEqualTo("[6.0]");
            JsonNode updated = call("POST", s + "/backward", """
                    {"tensors": ["y"]}""", 200).get("updated");
            assertThat(updated.toString()).contains("\"name\":\"w\"", "\"grad\":[5.0]", "\"name\":\"x\"", "\"grad\":[2.0]");
            assertThat(call("GET", s + "/tensors/a", null, 200).get("grad").toString()).isEqualTo("[2.0]");
            JsonNode freed = call("POST", s + "/backward", """
                    {"tensors": ["y"]}""", 422);
            assertThat(freed.get("code").stringValue()).isEqualTo("graph-freed");
            call("POST", s + "/tensors", """
                    {"name": "t", "data": 3.0, "requiresGrad": true}""", 201);
            call("POST", s + "/ops", """
                    {"op": "pow", "inputs": ["t", 2], "out": "u"}""", 200);
            JsonNode first = call("POST", s + "/grad", """
                    {"outputs": ["u"], "inputs": ["t"], "createGraph": true, "out": ["grad_1"]}""", 200);
            assertThat(first.get("grads").get(0).get("data").doubleValue()).isEqualTo(6.0);
            JsonNode second = call("POST", s + "/grad", """
                    {"outputs": ["grad_1"], "inputs": ["t"], "out": ["grad_2"]}""", 200);
            assertThat(second.get("grads").get(0).get("data").doubleValue()).isEqualTo(2.0);
        } finally {
            call("DELETE", s, null, 204);
        }
        seedJob();
    }

    /** The seed's training job: it stops at iteration 540 with accuracy 0.995, its last event the terminal status. */
    private void seedJob() {
        String id = call("POST", "/jobs", """
                {"seed": 1, "data": {"synthetic": {"samplesPerClass": 100, "meanValue": 1.7, "bias": 1.0, "features": 2}},
                 "optimizer": {"type": "sgd", "lr": 0.01, "momentum": 0.9}, "maxIterations": 1000, "targetAccuracy": 0.99,
                 "logEvery": 20}""", 202).get("id").stringValue();
        List<String> data = events("/jobs/" + id + "/events");
        assertThat(data.getLast()).isEqualTo("{\"status\":\"SUCCEEDED\"}");
        JsonNode result = call("GET", "/jobs/" + id, null, 200).get("result");
        assertThat(result.get("iterations").intValue()).isEqualTo(541);
        assertThat(result.get("accuracy").doubleValue()).isEqualTo(0.995);
    }

    private List<String> events(String path) {
        try {
            HttpResponse<Stream<String>> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(r.statusCode()).isEqualTo(200);
            try (Stream<String> lines = r.body()) {
                return lines.filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String method, String path, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (json != null) request.header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s %s answered %s", method, path, r.body()).isEqualTo(expected);
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
