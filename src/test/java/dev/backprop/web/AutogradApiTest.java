package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ServiceTest
class AutogradApiTest extends ApiTest {
    private static final String SEED_GRAPH = """
            {"ops": [
              {"op": "add", "inputs": ["w", "x"], "out": "a"},
              {"op": "add", "inputs": ["w", 1], "out": "b"},
              {"op": "mul", "inputs": ["a", "b"], "out": "y"}
            ]}""";


    private static void leaves(Api.Session s) {
        s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
        s.tensor("{\"name\": \"x\", \"data\": [2.0], \"requiresGrad\": true}").expect(201);
    }

    @Test
    void backwardAccumulatesIntoLeavesAndAnswersWhatChanged() {
        try (var s = api.session()) {
            leaves(s);
            s.op(SEED_GRAPH).expect(200);
            JsonNode updated = s.backward("{\"tensors\": [\"y\"], \"gradTensors\": null, \"retainGraph\": false, "
                    + "\"createGraph\": false, \"inputs\": null}").expect(200).json().get("updated");
            assertThat(Api.names(updated)).containsExactlyInAnyOrder("w", "x");
            for (JsonNode t : updated) {
                float expected = t.get("name").stringValue().equals("w") ? 5f : 2f;
                assertThat(Api.floats(t.get("grad"))).containsExactly(expected);
            }
            assertThat(s.view("a").get("grad").isNull()).isTrue();
            assertThat(s.view("y").get("grad").isNull()).isTrue();
        }
    }

    @Test
    void retainGradKeepsANonLeafsGradient() {
        try (var s = api.session()) {
            leaves(s);
            s.op("{\"op\": \"add\", \"inputs\": [\"w\", \"x\"], \"out\": \"a\"}").expect(200);
            JsonNode a = s.op("{\"op\": \"retain_grad\", \"inputs\": [\"a\"]}").expect(200).json();
            assertThat(a.get("name").stringValue()).isEqualTo("a");
            assertThat(a.get("retainsGrad").booleanValue()).isTrue();
            s.op("{\"op\": \"add\", \"inputs\": [\"w\", 1], \"out\": \"b\"}").expect(200);
            s.op("{\"op\": \"mul\", \"inputs\": [\"a\", \"b\"], \"out\": \"y\"}").expect(200);
            JsonNode updated = s.backward("{\"tensors\": [\"y\"]}").expect(200).json().get("updated");
            assertThat(Api.names(updated)).containsExactlyInAnyOrder("w", "x", "a");
            assertThat(Api.floats(s.view("a").get("grad"))).containsExactly(2f);
            assertThat(s.view("b").get("grad").isNull()).isTrue();
        }
    }

    @Test
    void retainGraphAllowsASecondBackwardThatAccumulates() {
        try (var s = api.session()) {
            leaves(s);
            s.op(SEED_GRAPH).expect(200);
            s.backward("{\"tensors\": [\"y\"], \"retainGraph\": true}").expect(200);
            s.backward("{\"tensors\": [\"y\"]}").expect(200);
            assertThat(Api.floats(s.view("w").get("grad"))).containsExactly(10f);
            assertThat(Api.floats(s.view("x").get("grad"))).containsExactly(4f);
        }
    }

    @Test
    void aDetachedTensorSharesItsSourcesDataAndVersion() {
        // DetachTest.py prints PyTorch's answers
        try (var s = api.session()) {
            leaves(s);
            s.op(SEED_GRAPH).expect(200);
            s.op("""
                    {"ops": [{"op": "mul", "inputs": ["w", "w"], "out": "sq"}, {"op": "sum", "inputs": ["sq"], "out": "t"},
                             {"op": "detach", "inputs": ["w"], "out": "d"}, {"op": "add_", "inputs": ["d", 1]}]}""").expect(200);
            assertThat(Api.floats(s.view("w").get("data"))).containsExactly(2f);
            assertThat(s.backward("""
                    {"tensors": ["t"]}""").problem(422, "saved-tensor-modified").get("detail").stringValue())
                    .startsWith("one of the variables needed for gradient computation has been modified by an inplace operation: "
                            + "[torch.FloatTensor [1]] is at version 1; expected version 0 instead.");
            JsonNode cut = s.op("""
                    {"op": "detach_", "inputs": ["a"]}""").expect(200).json();
            assertThat(cut.get("name").stringValue()).isEqualTo("a");
            assertThat(cut.get("requiresGrad").booleanValue()).isFalse();
            assertThat(cut.get("isLeaf").booleanValue()).isTrue();
            assertThat(cut.get("gradFn").isNull()).isTrue();
        }
    }

    @Test
    void anInPlaceOpThroughAViewOfANonLeafRewritesBothHistoriesAndAFailedBatchPutsThemBack() {
        // CopySlicesTest.py prints PyTorch's answers (its first case)
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [0.0, 1.0, 2.0, 3.0, 4.0, 5.0], "requiresGrad": true}""").expect(201);
            s.op("""
                    {"ops": [{"op": "mul", "inputs": ["x", 2], "out": "a"}, {"op": "view", "inputs": ["a", 3, 2], "out": "v"}]}""")
                    .expect(200);
            s.op("""
                    {"ops": [{"op": "mul_", "inputs": ["v", 3]}, {"op": "frobnicate", "inputs": ["v"]}]}""").problem(400, "unknown-op");
            assertThat(s.view("a").get("gradFn").stringValue()).isEqualTo("MulBackward0");
            assertThat(s.view("v").get("gradFn").stringValue()).isEqualTo("ViewBackward0");
            assertThat(Api.floats(s.view("a").get("data"))).containsExactly(0f, 2f, 4f, 6f, 8f, 10f);
            assertThat(s.view("a").get("version").intValue()).isZero();

            JsonNode v = s.op("""
                    {"op": "mul_", "inputs": ["v", 3]}""").expect(200).json();
            assertThat(v.get("name").stringValue()).isEqualTo("v");
            assertThat(v.get("gradFn").stringValue()).isEqualTo("AsStridedBackward0");
            assertThat(s.view("a").get("gradFn").stringValue()).isEqualTo("CopySlices");
            s.tensor("""
                    {"name": "k", "data": [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]}""").expect(201);
            s.op("""
                    {"ops": [{"op": "mul", "inputs": ["a", "k"], "out": "p"}, {"op": "sum", "inputs": ["p"], "out": "loss"}]}""")
                    .expect(200);
            s.backward("""
                    {"tensors": ["loss"]}""").expect(200);
            assertThat(Api.floats(s.view("x").get("grad"))).containsExactly(0f, 6f, 12f, 18f, 24f, 30f);
        }
    }

    @Test
    void gradTensorsWeighANonScalarOutput() {
        try (var s = api.session()) {
            leaves(s);
            s.op("""
                    {"ops": [
                      {"op": "add", "inputs": ["w", "x"], "out": "a"},
                      {"op": "add", "inputs": ["w", 1], "out": "b"},
                      {"op": "mul", "inputs": ["a", "b"], "out": "y0"},
                      {"op": "add", "inputs": ["a", "b"], "out": "y1"},
                      {"op": "cat", "inputs": ["y0", "y1"], "attrs": {"dim": 0}, "out": "loss"}
                    ]}""").expect(200);
            assertThat(s.backward("{\"tensors\": [\"loss\"]}").problem(422, "autograd").get("detail").stringValue())
                    .isEqualTo("grad can be implicitly created only for scalar outputs");
            s.backward("{\"tensors\": [\"loss\"], \"gradTensors\": [[1.0, 2.0]]}").expect(200);
            assertThat(Api.floats(s.view("w").get("grad"))).containsExactly(9f);
            assertThat(s.view("loss").get("gradFn").stringValue()).isEqualTo("CatBackward0");
        }
    }

    @Test
    void gradTensorsMayNameATensor() {
        try (var s = api.session()) {
            leaves(s);
            s.op(SEED_GRAPH).expect(200);
            s.tensor("{\"name\": \"g\", \"data\": [3.0]}").expect(201);
            s.backward("{\"tensors\": [\"y\"], \"gradTensors\": [\"g\"]}").expect(200);
            assertThat(Api.floats(s.view("w").get("grad"))).containsExactly(15f);
        }
    }

    @Test
    void gradientsAccumulateAcrossBackwardsUntilZeroed() {
        try (var s = api.session()) {
            leaves(s);
            for (int i = 1; i <= 4; i++) {
                s.op(SEED_GRAPH).expect(200);
                s.backward("{\"tensors\": [\"y\"]}").expect(200);
                assertThat(Api.floats(s.view("w").get("grad"))).containsExactly(5f * i);
            }
            s.op("{\"op\": \"zero_\", \"inputs\": [\"w.grad\"]}").expect(200);
            assertThat(Api.floats(s.view("w").get("grad"))).containsExactly(0f);
        }
    }

    @Test
    void gradAnswersGradientsWithoutAccumulating() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"x1\", \"data\": 1.0, \"requiresGrad\": true}").expect(201);
            s.tensor("{\"name\": \"x2\", \"data\": 2.0, \"requiresGrad\": true}").expect(201);
            s.op("{\"op\": \"mul\", \"inputs\": [\"x1\", \"x2\"], \"out\": \"y1\"}").expect(200);
            s.op("{\"op\": \"add\", \"inputs\": [\"x1\", \"x2\"], \"out\": \"y2\"}").expect(200);

            JsonNode one = s.grad("{\"outputs\": [\"y1\"], \"inputs\": [\"x1\", \"x2\"], \"retainGraph\": true, "
                    + "\"out\": [\"d1\", \"d2\"]}").expect(200).json().get("grads");
            assertThat(Api.names(one)).containsExactly("d1", "d2");
            assertThat(one.get(0).get("data").doubleValue()).isEqualTo(2.0);
            assertThat(one.get(1).get("data").doubleValue()).isEqualTo(1.0);
            assertThat(Api.shape(one.get(0))).isEmpty();

            JsonNode both = s.grad("{\"outputs\": [\"y1\", \"y2\"], \"inputs\": [\"x1\", \"x2\"]}").expect(200).json().get("grads");
            assertThat(both.get(0).get("data").doubleValue()).isEqualTo(3.0);
            assertThat(both.get(1).get("data").doubleValue()).isEqualTo(2.0);
            String fresh = both.get(0).get("name").stringValue();
            assertThat(fresh).isNotIn("d1", "d2", "x1", "x2", "y1", "y2");
            assertThat(s.view(fresh).get("data").doubleValue()).isEqualTo(3.0);

            assertThat(s.view("x1").get("grad").isNull()).isTrue();
            assertThat(s.view("x2").get("grad").isNull()).isTrue();
        }
    }

    @Test
    void createGraphGivesDifferentiableGradientsForSecondOrder() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"x\", \"data\": [3.0], \"requiresGrad\": true}").expect(201);
            s.op("{\"op\": \"pow\", \"inputs\": [\"x\", 2], \"out\": \"y\"}").expect(200);
            JsonNode g1 = s.grad("{\"outputs\": [\"y\"], \"inputs\": [\"x\"], \"createGraph\": true, \"out\": [\"grad_1\"]}")
                    .expect(200).json().get("grads").get(0);
            assertThat(Api.floats(g1.get("data"))).containsExactly(6f);
            assertThat(g1.get("gradFn").stringValue()).isEqualTo("MulBackward0");
            assertThat(g1.get("requiresGrad").booleanValue()).isTrue();

            JsonNode g2 = s.grad("{\"outputs\": [\"grad_1\"], \"inputs\": [\"x\"], \"out\": [\"grad_2\"]}")
                    .expect(200).json().get("grads").get(0);
            assertThat(Api.floats(g2.get("data"))).containsExactly(2f);
            assertThat(g2.get("gradFn").isNull()).isTrue();
        }
    }

    @Test
    void allowUnusedAnswersNullForAnUnusedInput() {
        try (var s = api.session()) {
            leaves(s);
            s.op("{\"op\": \"mul\", \"inputs\": [\"w\", 3], \"out\": \"y\"}").expect(200);
            s.grad("{\"outputs\": [\"y\"], \"inputs\": [\"w\", \"x\"], \"retainGraph\": true}").problem(422, "autograd");
            JsonNode grads = s.grad("{\"outputs\": [\"y\"], \"inputs\": [\"w\", \"x\"], \"allowUnused\": true}")
                    .expect(200).json().get("grads");
            assertThat(Api.floats(grads.get(0).get("data"))).containsExactly(3f);
            assertThat(grads.get(1).isNull()).isTrue();
        }
    }
}
