package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** Health groups and Backprop's own metrics on the management port. */
@ServiceTest
class ActuatorTest extends ApiTest {
    @LocalManagementPort
    int management;

    private String actuator(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void healthHasLivenessAndReadiness() throws Exception {
        assertThat(actuator("health/liveness")).contains("\"status\":\"UP\"");
        assertThat(actuator("health/readiness")).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusShowsTheServicesOwnMetrics() throws Exception {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0, 2.0], \"requiresGrad\": true}").expect(201);
            s.op("{\"op\": \"mul\", \"inputs\": [\"w\", 2], \"out\": \"y\"}").expect(200);
            String metrics = actuator("prometheus");
            assertThat(metrics).contains("backprop_sessions_live", "backprop_tensor_bytes", "backprop_ops_total",
                    "backprop_jobs{status=\"running\"}", "backprop_training_iterations_total", "backprop_event_streams_open");
            double live = Double.parseDouble(metrics.lines().filter(l -> l.startsWith("backprop_sessions_live ")).findFirst()
                    .orElseThrow().split(" ")[1]);
            assertThat(live).isGreaterThanOrEqualTo(1);
            double bytes = Double.parseDouble(metrics.lines().filter(l -> l.startsWith("backprop_tensor_bytes ")).findFirst()
                    .orElseThrow().split(" ")[1]);
            assertThat(bytes).isGreaterThanOrEqualTo(16);
            double heap = Double.parseDouble(metrics.lines().filter(l -> l.startsWith("backprop_sessions_heap_bytes ")).findFirst()
                    .orElseThrow().split(" ")[1]);
            // two named tensors (w, y), one node with two edges, w again behind it: 16 + 3 * 192 + 256 + 2 * 96 + 2 * 320 at least
            assertThat(heap).isGreaterThanOrEqualTo(16 + 3 * 192 + 256 + 2 * 96 + 2 * 320);
        }
    }
}
