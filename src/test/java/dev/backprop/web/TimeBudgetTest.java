package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** A request past its time budget is stopped, answers 503 with Retry-After, and keeps nothing it did. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "backprop.limits.time-budget=200ms"})
class TimeBudgetTest extends ApiTest {

    @Test
    void aLongMatrixProductIsStopped() {
        try (var s = api.session()) {
            api.post(s.path() + "/ops?data=false", """
                    {"op": "ones", "attrs": {"size": [4000, 4000], "dtype": "float64"}, "out": "a"}""").expect(200);
            var r = api.post(s.path() + "/ops?data=false", """
                    {"op": "matmul", "inputs": ["a", "a"], "out": "c"}""");
            JsonNode p = r.problem(503, "time-budget");
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(p.get("detail").stringValue())
                    .isEqualTo("the request ran past its time budget of 200 ms and was stopped; nothing it did was kept");
            s.get("c").problem(404, "tensor-not-found");
            assertThat(s.op("""
                    {"op": "ones", "attrs": {"size": [2]}}""").expect(200).json().get("data").toString()).isEqualTo("[1.0,1.0]");
        }
    }

    @Test
    void aLongBatchStopsBetweenOpsAndIsUndoneAsAWhole() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [0.0]}""").expect(201);
            api.post(s.path() + "/ops?data=false", """
                    {"op": "ones", "attrs": {"size": [1000, 1000]}, "out": "m"}""").expect(200);
            StringBuilder ops = new StringBuilder("{\"returns\": \"none\", \"ops\": [{\"op\": \"add_\", \"inputs\": [\"x\", 1]}");
            for (int i = 0; i < 2000; i++) ops.append(", {\"op\": \"mm\", \"inputs\": [\"m\", \"m\"], \"out\": \"p\"}");
            var r = s.op(ops.append("]}").toString());
            JsonNode p = r.problem(503, "time-budget");
            assertThat(p.get("opIndex").intValue()).isBetween(1, 2000);
            assertThat(s.view("x").get("data").toString()).isEqualTo("[0.0]");
            assertThat(s.view("x").get("version").intValue()).isZero();
            s.get("p").problem(404, "tensor-not-found");
        }
    }
}
