package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ServiceTest
class TensorApiTest extends ApiTest {
    @Test
    void floatDataIsFloat32ByDefault() {
        try (var s = api.session()) {
            Api.Response r = s.tensor("{\"name\": \"w\", \"data\": [1.0, 2.0], \"requiresGrad\": true}").expect(201);
            assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/sessions/" + s.id() + "/tensors/w");
            JsonNode w = r.json();
            assertThat(w.get("name").stringValue()).isEqualTo("w");
            assertThat(Api.shape(w)).containsExactly(2);
            assertThat(w.get("dtype").stringValue()).isEqualTo("float32");
            assertThat(w.get("requiresGrad").booleanValue()).isTrue();
            assertThat(w.get("isLeaf").booleanValue()).isTrue();
            assertThat(w.get("gradFn").isNull()).isTrue();
            assertThat(w.get("retainsGrad").booleanValue()).isFalse();
            assertThat(w.get("version").asInt()).isZero();
            assertThat(Api.floats(w.get("data"))).containsExactly(1f, 2f);
            assertThat(w.get("grad").isNull()).isTrue();
        }
    }

    @Test
    void float32AndFloat64ComputeInTheirOwnPrecision() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"a\", \"data\": [0.1]}").expect(201);
            s.tensor("{\"name\": \"b\", \"data\": [0.1], \"dtype\": \"float64\"}").expect(201);
            JsonNode f = s.op("{\"op\": \"add\", \"inputs\": [\"a\", 0.2]}").expect(200).json();
            JsonNode d = s.op("{\"op\": \"add\", \"inputs\": [\"b\", 0.2]}").expect(200).json();
            assertThat(f.get("dtype").stringValue()).isEqualTo("float32");
            assertThat((float) f.get("data").get(0).doubleValue()).isEqualTo(0.1f + 0.2f);
            assertThat(d.get("dtype").stringValue()).isEqualTo("float64");
            assertThat(d.get("data").get(0).doubleValue()).isEqualTo(0.30000000000000004);
        }
    }

    @Test
    void integerDataIsInt64AndExplicitInt64Truncates() {
        try (var s = api.session()) {
            JsonNode i = s.tensor("{\"name\": \"i\", \"data\": [[1, 2], [3, 4]]}").expect(201).json();
            assertThat(i.get("dtype").stringValue()).isEqualTo("int64");
            assertThat(Api.shape(i)).containsExactly(2, 2);
            assertThat(i.get("data").get(1).get(0).isIntegralNumber()).isTrue();
            assertThat(i.get("data").toString()).isEqualTo("[[1,2],[3,4]]");
            JsonNode t = s.tensor("{\"name\": \"t\", \"data\": [1.7, -1.7], \"dtype\": \"int64\"}").expect(201).json();
            assertThat(t.get("data").toString()).isEqualTo("[1,-1]");
        }
    }

    @Test
    void boolTensorsAndComparisonsAnswerJsonBooleans() {
        try (var s = api.session()) {
            JsonNode b = s.tensor("{\"name\": \"b\", \"data\": [true, false, true]}").expect(201).json();
            assertThat(b.get("dtype").stringValue()).isEqualTo("bool");
            assertThat(b.get("data").toString()).isEqualTo("[true,false,true]");
            JsonNode cast = s.tensor("{\"name\": \"c\", \"data\": [0, 2], \"dtype\": \"bool\"}").expect(201).json();
            assertThat(cast.get("data").toString()).isEqualTo("[false,true]");

            s.tensor("{\"name\": \"i\", \"data\": [1, 2, 3]}").expect(201);
            JsonNode ge = s.op("{\"op\": \"ge\", \"inputs\": [\"i\", 2], \"out\": \"m\"}").expect(200).json();
            assertThat(ge.get("dtype").stringValue()).isEqualTo("bool");
            assertThat(ge.get("data").toString()).isEqualTo("[false,true,true]");
            JsonNode sum = s.op("{\"op\": \"sum\", \"inputs\": [\"m\"]}").expect(200).json();
            assertThat(sum.get("dtype").stringValue()).isEqualTo("int64");
            assertThat(Api.shape(sum)).isEmpty();
            assertThat(sum.get("data").toString()).isEqualTo("2");
        }
    }

    @Test
    void onlyFloatingTensorsCanRequireGrad() {
        try (var s = api.session()) {
            assertThat(s.tensor("{\"name\": \"i\", \"data\": [1, 2], \"requiresGrad\": true}").problem(422, "dtype-mismatch")
                    .get("detail").stringValue()).isEqualTo("Only Tensors of floating point and complex dtype can require gradients");
            s.get("i").problem(404, "tensor-not-found");
        }
    }

    @Test
    void aBareNumberIsAZeroDimensionalTensor() {
        try (var s = api.session()) {
            JsonNode x = s.tensor("{\"name\": \"x\", \"data\": 3.5}").expect(201).json();
            assertThat(Api.shape(x)).isEmpty();
            assertThat(x.get("data").isNumber()).isTrue();
            assertThat(x.get("data").doubleValue()).isEqualTo(3.5);
            JsonNode n = s.tensor("{\"name\": \"n\", \"data\": 7}").expect(201).json();
            assertThat(n.get("dtype").stringValue()).isEqualTo("int64");
            assertThat(n.get("data").toString()).isEqualTo("7");
        }
    }

    @Test
    void getAnswersTheViewAndDataFalseLeavesValuesOut() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [[1.0, 2.0, 3.0]], \"requiresGrad\": true}").expect(201);
            JsonNode full = s.view("w");
            assertThat(Api.shape(full)).containsExactly(1, 3);
            assertThat(full.get("data").toString()).isEqualTo("[[1.0,2.0,3.0]]");
            assertThat(full.has("grad")).isTrue();

            JsonNode meta = s.get("w?data=false").expect(200).json();
            assertThat(meta.has("data")).isFalse();
            assertThat(meta.has("grad")).isFalse();
            assertThat(meta.get("name").stringValue()).isEqualTo("w");
            assertThat(Api.shape(meta)).containsExactly(1, 3);
            assertThat(meta.get("dtype").stringValue()).isEqualTo("float32");
            assertThat(meta.get("requiresGrad").booleanValue()).isTrue();
            assertThat(meta.get("gradFn").isNull()).isTrue();
            assertThat(meta.has("hasGrad")).isFalse();
        }
    }

    @Test
    void listShowsEveryNameWithoutData() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0]}").expect(201);
            s.tensor("{\"name\": \"x\", \"data\": [[1, 2]]}").expect(201);
            JsonNode list = s.list().expect(200).json();
            assertThat(Api.names(list)).containsExactly("w", "x");
            for (JsonNode t : list) {
                assertThat(t.has("data")).isFalse();
                assertThat(t.has("grad")).isFalse();
            }
            assertThat(list.get(1).get("dtype").stringValue()).isEqualTo("int64");
            assertThat(Api.shape(list.get(1))).containsExactly(1, 2);
        }
    }

    @Test
    void deleteDropsTheName() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0]}").expect(201);
            s.deleteTensor("w").expect(204);
            assertThat(s.get("w").problem(404, "tensor-not-found").get("detail").stringValue()).isEqualTo("no tensor 'w'");
            s.deleteTensor("w").problem(404, "tensor-not-found");
            assertThat(s.list().expect(200).json().size()).isZero();
        }
    }

    @Test
    void dotGradNamesAreGradients() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            assertThat(s.get("w.grad").problem(422, "grad-is-none").get("detail").stringValue())
                    .isEqualTo("'w.grad' is None: the tensor has no gradient yet");

            s.op("{\"op\": \"mul\", \"inputs\": [\"w\", 3], \"out\": \"y\"}").expect(200);
            s.backward("{\"tensors\": [\"y\"]}").expect(200);
            JsonNode g = s.view("w.grad");
            assertThat(g.get("name").stringValue()).isEqualTo("w.grad");
            assertThat(Api.floats(g.get("data"))).containsExactly(3f);

            JsonNode doubled = s.op("{\"op\": \"mul\", \"inputs\": [\"w.grad\", 2], \"out\": \"g2\"}").expect(200).json();
            assertThat(Api.floats(doubled.get("data"))).containsExactly(6f);

            s.tensor("{\"name\": \"w.grad\", \"data\": [0.5]}").expect(201);
            assertThat(Api.floats(s.view("w").get("grad"))).containsExactly(0.5f);

            s.deleteTensor("w.grad").expect(204);
            assertThat(s.view("w").get("grad").isNull()).isTrue();
            assertThat(Api.names(s.list().expect(200).json())).containsExactly("w", "y", "g2");
        }
    }

    @Test
    void writingAnExistingNameRebindsItAndTheOldTensorLivesOnInTheGraph() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"x\", \"data\": [2.0], \"requiresGrad\": true}").expect(201);
            s.op("{\"op\": \"mul\", \"inputs\": [\"x\", \"x\"], \"out\": \"y\"}").expect(200);
            JsonNode rebound = s.tensor("{\"name\": \"x\", \"data\": [5.0], \"requiresGrad\": true}").expect(201).json();
            assertThat(Api.floats(rebound.get("data"))).containsExactly(5f);

            JsonNode updated = s.backward("{\"tensors\": [\"y\"]}").expect(200).json().get("updated");
            assertThat(updated).hasSize(1);
            assertThat(updated.get(0).get("name").isNull()).isTrue();
            assertThat(Api.floats(updated.get(0).get("data"))).containsExactly(2f);
            assertThat(Api.floats(updated.get(0).get("grad"))).containsExactly(4f);

            JsonNode x = s.view("x");
            assertThat(Api.floats(x.get("data"))).containsExactly(5f);
            assertThat(x.get("grad").isNull()).isTrue();
            assertThat(s.list().expect(200).json()).hasSize(2);
        }
    }

    @Test
    void namesMustBePythonLikeIdentifiers() {
        try (var s = api.session()) {
            for (String bad : new String[] {"1w", "w-1", "w.", "", "w..grad"}) {
                assertThat(s.tensor("{\"name\": \"" + bad + "\", \"data\": [1.0]}").problem(400, "invalid-request")
                        .get("detail").stringValue()).startsWith("name '" + bad + "' is not a valid name");
            }
            s.tensor("{\"name\": \"net_1.layer0.w\", \"data\": [1.0]}").expect(201);
        }
    }
}
