package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ServiceTest
class GraphApiTest extends ApiTest {
    private static void seedGraph(Api.Session s) {
        s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
        s.tensor("{\"name\": \"x\", \"data\": [2.0], \"requiresGrad\": true}").expect(201);
        s.op("{\"ops\": [{\"op\": \"add\", \"inputs\": [\"w\", \"x\"], \"out\": \"a\"}, {\"op\": \"add\", \"inputs\": [\"w\", 1], "
                + "\"out\": \"b\"}, {\"op\": \"mul\", \"inputs\": [\"a\", \"b\"], \"out\": \"y\"}]}").expect(200);
    }

    @Test
    void theGraphBehindATensorHasItsTensorsAndGradFnNodes() {
        try (var s = api.session()) {
            seedGraph(s);
            Api.Response r = api.get(s.path() + "/graph?root=y").expect(200);
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode g = r.json();
            assertThat(g.get("nodes").isArray()).isTrue();
            assertThat(g.get("edges").isArray()).isTrue();
            String nodes = g.get("nodes").toString();
            assertThat(nodes).contains("MulBackward0", "AddBackward0", "AccumulateGrad", "\"w\"", "\"x\"", "\"y\"");
            assertThat(g.get("edges").size()).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void theGraphIsAlsoGraphvizAndSvg() {
        try (var s = api.session()) {
            seedGraph(s);
            Api.Response dot = api.get(s.path() + "/graph?root=y", "text/vnd.graphviz").expect(200);
            assertThat(dot.contentType()).startsWith("text/vnd.graphviz");
            assertThat(dot.body()).contains("digraph", "MulBackward0");
            Api.Response svg = api.get(s.path() + "/graph?root=y", "image/svg+xml").expect(200);
            assertThat(svg.contentType()).startsWith("image/svg+xml");
            assertThat(svg.body()).contains("<svg");
        }
    }

    @Test
    void anUnknownRootIsNotFound() {
        try (var s = api.session()) {
            api.get(s.path() + "/graph?root=ghost").problem(404, "tensor-not-found");
        }
    }
}
