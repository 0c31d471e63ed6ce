package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The 400, 404 and 422 rows of the status table, as problem details with stable codes and PyTorch's messages. */
@ServiceTest
class ProblemStatusTest extends ApiTest {
    @Test
    void malformedJsonIs400() {
        try (var s = api.session()) {
            s.op("{\"op\": \"add\", \"inputs\": [\"w\"").problem(400, "malformed-json");
            s.tensor("{\"name\": \"w\" \"data\": [1.0]}").problem(400, "malformed-json");
            s.op("[{\"op\": \"add\"}]").problem(400, "malformed-json");
            s.backward("not json").problem(400, "malformed-json");
        }
    }

    @Test
    void aMissingFieldIs400() {
        try (var s = api.session()) {
            assertThat(s.tensor("{\"data\": [1.0]}").problem(400, "invalid-request").get("detail").stringValue())
                    .startsWith("name 'null' is not a valid name");
            assertThat(s.tensor("{\"name\": \"w\"}").problem(400, "invalid-request").get("detail").stringValue())
                    .isEqualTo("'data' is required: nested lists of numbers, or a number");
            assertThat(s.op("{\"inputs\": [1]}").problem(400, "invalid-request").get("detail").stringValue())
                    .isEqualTo("op: 'op' is required");
            assertThat(s.backward("{}").problem(400, "invalid-request").get("detail").stringValue())
                    .isEqualTo("'tensors' must name at least one tensor");
            assertThat(s.module("{\"name\": \"m\"}").problem(400, "invalid-request").get("detail").stringValue())
                    .startsWith("'layers' is required");
            s.optimizer("{\"name\": \"o\", \"type\": \"sgd\", \"lr\": 0.1}").problem(400, "invalid-request");
        }
    }

    @Test
    void anIllTypedFieldIs400() {
        try (var s = api.session()) {
            assertThat(s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": \"yes\"}").problem(400, "invalid-field")
                    .get("detail").stringValue()).isEqualTo("'requiresGrad' must be true or false, got a string");
            s.tensor("{\"name\": 7, \"data\": [1.0], \"requiresGrad\": {}}").problem(400, "invalid-field");
            s.op("{\"op\": \"add\", \"inputs\": \"w\"}").problem(400, "invalid-field");
            assertThat(s.op("{\"op\": \"add\", \"inputs\": [{\"name\": \"w\"}, 1]}").problem(400, "invalid-field")
                    .get("detail").stringValue()).isEqualTo("'inputs[0]' must be a tensor name, a number, true, false, a list of numbers "
                            + "or a list of tensor names, got an object");
            assertThat(s.op("{\"op\": \"ones\", \"attrs\": {\"size\": [1]}, \"out\": 5}").problem(400, "invalid-field")
                    .get("detail").stringValue()).isEqualTo("'out' must be a name or a list of names, got an integer");
            s.optimizer("{\"name\": \"o\", \"type\": \"sgd\", \"params\": [\"w\"], \"lr\": \"fast\"}").problem(400, "invalid-field");
        }
    }

    @Test
    void anUnknownOpIs400() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0]}").expect(201);
            assertThat(s.op("{\"op\": \"frobnicate\", \"inputs\": [\"w\"]}").problem(400, "unknown-op").get("detail").stringValue())
                    .isEqualTo("unknown op 'frobnicate'");
            JsonNode p = s.op("{\"ops\": [{\"op\": \"neg\", \"inputs\": [\"w\"]}, {\"op\": \"frobnicate\", \"inputs\": [\"w\"]}]}")
                    .problem(400, "unknown-op");
            assertThat(p.get("opIndex").asInt()).isEqualTo(1);
            assertThat(p.get("detail").stringValue()).isEqualTo("ops[1]: unknown op 'frobnicate'");
        }
    }

    @Test
    void aNumberBeyondDoubleRangeIs400WhereverItIs() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            assertThat(s.tensor("{\"name\": \"d\", \"data\": [1.0, 1e309]}").problem(400, "non-finite-number")
                    .get("detail").stringValue()).startsWith("'data[1]' must be a finite number");
            assertThat(s.tensor("{\"name\": \"d\", \"data\": -1e309}").problem(400, "non-finite-number")
                    .get("detail").stringValue()).startsWith("'data' must be a finite number");
            assertThat(s.op("{\"op\": \"add\", \"inputs\": [\"w\", 1e309]}").problem(400, "non-finite-number")
                    .get("detail").stringValue()).startsWith("'op.inputs[1]' must be a finite number");
            assertThat(s.op("{\"op\": \"full\", \"attrs\": {\"size\": [1], \"fill_value\": 1e309}}").problem(400, "non-finite-number")
                    .get("detail").stringValue()).startsWith("'op.attrs.fill_value' must be a finite number");
            assertThat(s.op("{\"ops\": [{\"op\": \"clamp\", \"inputs\": [\"w\"], \"attrs\": {\"min\": -1e400}}]}")
                    .problem(400, "non-finite-number").get("detail").stringValue()).startsWith("'ops[0].attrs.min' must be a finite number");
            assertThat(s.optimizer("{\"name\": \"o\", \"type\": \"sgd\", \"params\": [\"w\"], \"lr\": 1e309}")
                    .problem(400, "non-finite-number").get("detail").stringValue()).startsWith("'lr' must be a finite number");
            assertThat(s.backward("{\"tensors\": [\"w\"], \"gradTensors\": [[1e309]]}").problem(400, "non-finite-number")
                    .get("detail").stringValue()).startsWith("'gradTensors[0][0]' must be a finite number");
            s.tensor("{\"name\": \"d\", \"data\": [NaN]}").problem(400, "malformed-json");
            s.tensor("{\"name\": \"d\", \"data\": [Infinity]}").problem(400, "malformed-json");
            assertThat(Api.names(s.list().expect(200).json())).containsExactly("w");
        }
    }

    @Test
    void unknownTensorsModulesAndOptimizersAre404() {
        try (var s = api.session()) {
            assertThat(s.get("ghost").problem(404, "tensor-not-found").get("detail").stringValue()).isEqualTo("no tensor 'ghost'");
            assertThat(s.op("{\"op\": \"neg\", \"inputs\": [\"ghost\"]}").problem(404, "tensor-not-found").get("detail").stringValue())
                    .isEqualTo("no tensor 'ghost'");
            s.backward("{\"tensors\": [\"ghost\"]}").problem(404, "tensor-not-found");
            s.tensor("{\"name\": \"x\", \"data\": [[1.0]]}").expect(201);
            s.op("{\"op\": \"call\", \"attrs\": {\"module\": \"lr_net\"}, \"inputs\": [\"x\"]}").problem(404, "module-not-found");
            s.step("opt").problem(404, "optimizer-not-found");
            s.zeroGrad("opt").problem(404, "optimizer-not-found");
        }
    }

    @Test
    void shapesThatDoNotBroadcastAre422WithPyTorchsMessage() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"a\", \"data\": [[1.0, 2.0, 3.0]]}").expect(201);
            s.tensor("{\"name\": \"b\", \"data\": [[1.0, 2.0, 3.0, 4.0]]}").expect(201);
            assertThat(s.op("{\"op\": \"add\", \"inputs\": [\"a\", \"b\"]}").problem(422, "shape-mismatch").get("detail").stringValue())
                    .isEqualTo("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");
        }
    }

    @Test
    void aSecondBackwardThroughAFreedGraphIs422() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            s.tensor("{\"name\": \"x\", \"data\": [2.0], \"requiresGrad\": true}").expect(201);
            s.op("{\"ops\": [{\"op\": \"add\", \"inputs\": [\"w\", \"x\"], \"out\": \"a\"}, {\"op\": \"add\", \"inputs\": [\"w\", 1], "
                    + "\"out\": \"b\"}, {\"op\": \"mul\", \"inputs\": [\"a\", \"b\"], \"out\": \"y\"}]}").expect(200);
            s.backward("{\"tensors\": [\"y\"]}").expect(200);
            assertThat(s.backward("{\"tensors\": [\"y\"]}").problem(422, "graph-freed").get("detail").stringValue())
                    .startsWith("Trying to backward through the graph a second time (or directly access saved tensors after they have "
                            + "already been freed).");
            assertThat(Api.floats(s.view("w").get("grad"))).containsExactly(5f);
        }
    }

    @Test
    void anInPlaceOpOnALeafThatRequiresGradIs422() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            assertThat(s.op("{\"op\": \"add_\", \"inputs\": [\"w\", 1]}").problem(422, "inplace-on-leaf").get("detail").stringValue())
                    .isEqualTo("a leaf Variable that requires grad is being used in an in-place operation.");
            JsonNode w = s.view("w");
            assertThat(Api.floats(w.get("data"))).containsExactly(1f);
            assertThat(w.get("version").asInt()).isZero();
            JsonNode ok = s.op("{\"op\": \"add_\", \"inputs\": [\"w\", 1], \"noGrad\": true}").expect(200).json();
            assertThat(Api.floats(ok.get("data"))).containsExactly(2f);
        }
    }
}
