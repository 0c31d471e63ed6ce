package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ServiceTest
class OpApiTest extends ApiTest {
    private static void leaves(Api.Session s) {
        s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
        s.tensor("{\"name\": \"x\", \"data\": [2.0], \"requiresGrad\": true}").expect(201);
    }

    @Test
    void eachOpRunsAtOnceAndRecordsItsGradFn() {
        try (var s = api.session()) {
            leaves(s);
            JsonNode a = s.op("{\"op\": \"add\", \"inputs\": [\"w\", \"x\"], \"out\": \"a\"}").expect(200).json();
            assertThat(a.get("name").stringValue()).isEqualTo("a");
            assertThat(Api.floats(a.get("data"))).containsExactly(3f);
            assertThat(a.get("gradFn").stringValue()).isEqualTo("AddBackward0");
            assertThat(a.get("requiresGrad").booleanValue()).isTrue();
            assertThat(a.get("isLeaf").booleanValue()).isFalse();
            assertThat(a.get("grad").isNull()).isTrue();

            JsonNode b = s.op("{\"op\": \"add\", \"inputs\": [\"w\", 1], \"out\": \"b\"}").expect(200).json();
            assertThat(Api.floats(b.get("data"))).containsExactly(2f);
            JsonNode y = s.op("{\"op\": \"mul\", \"inputs\": [\"a\", \"b\"], \"out\": \"y\"}").expect(200).json();
            assertThat(Api.floats(y.get("data"))).containsExactly(6f);
            assertThat(y.get("gradFn").stringValue()).isEqualTo("MulBackward0");
            assertThat(y.get("dtype").stringValue()).isEqualTo("float32");
        }
    }

    @Test
    void aNumberRaisedToATensor() {
        // torch.pow(2.0, x) for x = [1., 2., 3.]: PowBackward2, x.grad = 2 ** x * log(2) (MatmulShapesTest.py prints them)
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [1.0, 2.0, 3.0], "requiresGrad": true}""").expect(201);
            JsonNode p = s.op("""
                    {"op": "pow", "inputs": [2.0, "x"], "out": "p"}""").expect(200).json();
            assertThat(p.get("gradFn").stringValue()).isEqualTo("PowBackward2");
            assertThat(Api.floats(p.get("data"))).containsExactly(2f, 4f, 8f);
            JsonNode keyword = s.op("""
                    {"op": "pow", "attrs": {"self": 2.0, "exponent": "x"}}""").expect(200).json();
            assertThat(Api.floats(keyword.get("data"))).containsExactly(2f, 4f, 8f);
            s.op("""
                    {"ops": [{"op": "sum", "inputs": ["p"], "out": "total"}]}""").expect(200);
            s.backward("""
                    {"tensors": ["total"]}""").expect(200);
            assertThat(Api.floats(s.view("x").get("grad")))
                    .containsExactly((float) 1.3862943649291992, (float) 2.7725887298583984, (float) 5.545177459716797);
        }
    }

    @Test
    void attrsAreKeywordArguments() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"m\", \"data\": [[1.0, 2.0], [3.0, 4.0]], \"requiresGrad\": true}").expect(201);
            JsonNode sum = s.op("{\"op\": \"sum\", \"inputs\": [\"m\"], \"attrs\": {\"dim\": 0, \"keepdim\": false}}").expect(200).json();
            assertThat(sum.get("data").toString()).isEqualTo("[4.0,6.0]");
            assertThat(sum.get("gradFn").stringValue()).isEqualTo("SumBackward1");
            JsonNode kept = s.op("{\"op\": \"sum\", \"inputs\": [\"m\"], \"attrs\": {\"dim\": 1, \"keepdim\": true}}").expect(200).json();
            assertThat(Api.shape(kept)).containsExactly(2, 1);
            assertThat(kept.get("data").toString()).isEqualTo("[[3.0],[7.0]]");
            JsonNode mean = s.op("{\"op\": \"mean\", \"inputs\": [\"m\"]}").expect(200).json();
            assertThat(mean.get("data").doubleValue()).isEqualTo(2.5);
            assertThat(mean.get("gradFn").stringValue()).isEqualTo("MeanBackward0");
            JsonNode t = s.op("{\"op\": \"transpose\", \"inputs\": [\"m\"], \"attrs\": {\"dim0\": 0, \"dim1\": 1}}").expect(200).json();
            assertThat(t.get("data").toString()).isEqualTo("[[1.0,3.0],[2.0,4.0]]");
            assertThat(t.get("gradFn").stringValue()).isEqualTo("TransposeBackward0");
        }
    }

    @Test
    void matmulBroadcastingAndActivationsGivePyTorchsValues() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"m\", \"data\": [[1.0, 2.0], [3.0, 4.0]], \"requiresGrad\": true}").expect(201);
            s.tensor("{\"name\": \"v\", \"data\": [[5.0], [6.0]]}").expect(201);
            JsonNode mm = s.op("{\"op\": \"matmul\", \"inputs\": [\"m\", \"v\"]}").expect(200).json();
            assertThat(mm.get("data").toString()).isEqualTo("[[17.0],[39.0]]");
            assertThat(mm.get("gradFn").stringValue()).isEqualTo("MmBackward0");

            s.tensor("{\"name\": \"row\", \"data\": [10.0, 20.0]}").expect(201);
            JsonNode bc = s.op("{\"op\": \"add\", \"inputs\": [\"m\", \"row\"]}").expect(200).json();
            assertThat(bc.get("data").toString()).isEqualTo("[[11.0,22.0],[13.0,24.0]]");

            s.tensor("{\"name\": \"z\", \"data\": [0.0, 1.0]}").expect(201);
            JsonNode sig = s.op("{\"op\": \"sigmoid\", \"inputs\": [\"z\"]}").expect(200).json();
            assertThat(Api.floats(sig.get("data"))).containsExactly(0.5f, 0.7310586f);
            JsonNode pow = s.op("{\"op\": \"pow\", \"inputs\": [\"m\", 2]}").expect(200).json();
            assertThat(pow.get("data").toString()).isEqualTo("[[1.0,4.0],[9.0,16.0]]");
            assertThat(pow.get("gradFn").stringValue()).isEqualTo("PowBackward0");
        }
    }

    @Test
    void opsWithSeveralResultsAnswerAllOfThem() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"m\", \"data\": [[1.0, 5.0], [7.0, 3.0]]}").expect(201);
            JsonNode r = s.op("{\"op\": \"max\", \"inputs\": [\"m\"], \"attrs\": {\"dim\": 1}, \"out\": [\"values\", \"indices\"]}")
                    .expect(200).json().get("results");
            assertThat(Api.names(r)).containsExactly("values", "indices");
            assertThat(r.get(0).get("data").toString()).isEqualTo("[5.0,7.0]");
            assertThat(r.get(1).get("dtype").stringValue()).isEqualTo("int64");
            assertThat(r.get(1).get("data").toString()).isEqualTo("[1,0]");
        }
    }

    @Test
    void aBatchRunsInOrderAndAnswersEveryResult() {
        try (var s = api.session()) {
            leaves(s);
            JsonNode r = s.op("""
                    {"ops": [
                      {"op": "add", "inputs": ["w", "x"], "out": "a"},
                      {"op": "add", "inputs": ["w", 1], "out": "b"},
                      {"op": "mul", "inputs": ["a", "b"], "out": "y"}
                    ]}""").expect(200).json();
            JsonNode results = r.get("results");
            assertThat(Api.names(results)).containsExactly("a", "b", "y");
            assertThat(Api.floats(results.get(2).get("data"))).containsExactly(6f);
            assertThat(results.get(2).get("gradFn").stringValue()).isEqualTo("MulBackward0");
            assertThat(Api.names(s.list().expect(200).json())).containsExactly("w", "x", "a", "b", "y");
        }
    }

    @Test
    void aFailedBatchNamesTheOpAndLeavesTheSessionAsItWas() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"acc\", \"data\": [1.0, 2.0]}").expect(201);
            s.tensor("{\"name\": \"p\", \"data\": [[1.0, 2.0, 3.0]]}").expect(201);
            s.tensor("{\"name\": \"q\", \"data\": [[1.0, 2.0, 3.0, 4.0]]}").expect(201);
            JsonNode before = s.list().expect(200).json();
            JsonNode p = s.op("""
                    {"ops": [
                      {"op": "add_", "inputs": ["acc", 10]},
                      {"op": "mul", "inputs": ["acc", 2], "out": "fresh"},
                      {"op": "rand", "attrs": {"size": [3]}, "out": "acc"},
                      {"op": "add", "inputs": ["p", "q"], "out": "bad"}
                    ]}""").problem(422, "shape-mismatch");
            assertThat(p.get("opIndex").asInt()).isEqualTo(3);
            assertThat(p.get("detail").stringValue())
                    .isEqualTo("ops[3]: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1");

            assertThat(s.list().expect(200).json()).isEqualTo(before);
            JsonNode acc = s.view("acc");
            assertThat(Api.floats(acc.get("data"))).containsExactly(1f, 2f);
            assertThat(acc.get("version").asInt()).isZero();
        }
    }

    @Test
    void aFailedBatchDoesNotAdvanceTheGenerator() {
        try (var s = api.session(0L)) {
            s.op("""
                    {"ops": [
                      {"op": "rand", "attrs": {"size": [2]}, "out": "r"},
                      {"op": "no_such_op", "inputs": []}
                    ]}""").problem(400, "unknown-op");
            JsonNode r = s.op("{\"op\": \"rand\", \"attrs\": {\"size\": [2]}, \"out\": \"r\"}").expect(200).json();
            assertThat(Api.floats(r.get("data"))).containsExactly(0.4962566f, 0.7682218f);
        }
    }

    @Test
    void noGradRunsWithoutRecordingTheGraph() {
        try (var s = api.session()) {
            leaves(s);
            JsonNode y = s.op("{\"op\": \"mul\", \"inputs\": [\"w\", \"x\"], \"out\": \"y\", \"noGrad\": true}").expect(200).json();
            assertThat(Api.floats(y.get("data"))).containsExactly(2f);
            assertThat(y.get("requiresGrad").booleanValue()).isFalse();
            assertThat(y.get("gradFn").isNull()).isTrue();
            assertThat(y.get("isLeaf").booleanValue()).isTrue();

            JsonNode batch = s.op("""
                    {"noGrad": true, "ops": [
                      {"op": "add", "inputs": ["w", "x"], "out": "a"},
                      {"op": "mul", "inputs": ["a", 3], "out": "b"}
                    ]}""").expect(200).json().get("results");
            for (JsonNode t : batch) {
                assertThat(t.get("requiresGrad").booleanValue()).isFalse();
                assertThat(t.get("gradFn").isNull()).isTrue();
            }
            assertThat(Api.floats(batch.get(1).get("data"))).containsExactly(9f);

            JsonNode withGrad = s.op("{\"op\": \"mul\", \"inputs\": [\"w\", \"x\"], \"out\": \"z\"}").expect(200).json();
            assertThat(withGrad.get("gradFn").stringValue()).isEqualTo("MulBackward0");
        }
    }

    @Test
    void anOmittedOutGetsAFreshName() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"t1\", \"data\": [1.0]}").expect(201);
            JsonNode first = s.op("{\"op\": \"add\", \"inputs\": [\"t1\", 1]}").expect(200).json();
            JsonNode second = s.op("{\"op\": \"add\", \"inputs\": [\"t1\", 2]}").expect(200).json();
            String a = first.get("name").stringValue(), b = second.get("name").stringValue();
            assertThat(a).isNotEqualTo("t1").isNotEqualTo(b).matches("[A-Za-z_][A-Za-z0-9_]*");
            assertThat(Api.floats(s.view(a).get("data"))).containsExactly(2f);
            assertThat(Api.floats(s.view(b).get("data"))).containsExactly(3f);
            assertThat(Api.floats(s.view("t1").get("data"))).containsExactly(1f);
        }
    }

    @Test
    void inPlaceOpsModifyTheirInputAndBumpItsVersion() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"a\", \"data\": [1.0, 2.0]}").expect(201);
            JsonNode added = s.op("{\"op\": \"add_\", \"inputs\": [\"a\", 1]}").expect(200).json();
            assertThat(added.get("name").stringValue()).isEqualTo("a");
            assertThat(added.get("data").toString()).isEqualTo("[2.0,3.0]");
            assertThat(added.get("version").asInt()).isEqualTo(1);
            s.op("{\"op\": \"mul_\", \"inputs\": [\"a\", 2]}").expect(200);
            JsonNode a = s.view("a");
            assertThat(a.get("data").toString()).isEqualTo("[4.0,6.0]");
            assertThat(a.get("version").asInt()).isEqualTo(2);
            JsonNode zeroed = s.op("{\"op\": \"zero_\", \"inputs\": [\"a\"]}").expect(200).json();
            assertThat(zeroed.get("data").toString()).isEqualTo("[0.0,0.0]");
            assertThat(zeroed.get("version").asInt()).isEqualTo(3);
        }
    }

    @Test
    void anInPlaceOpOnASavedTensorBreaksBackwardAsInPyTorch() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            s.op("{\"op\": \"mul\", \"inputs\": [\"w\", 2], \"out\": \"a\"}").expect(200);
            s.op("{\"op\": \"mul\", \"inputs\": [\"a\", \"a\"], \"out\": \"y\"}").expect(200);
            s.op("{\"op\": \"add_\", \"inputs\": [\"a\", 1]}").expect(200);
            assertThat(s.backward("{\"tensors\": [\"y\"]}").problem(422, "saved-tensor-modified").get("detail").stringValue())
                    .startsWith("one of the variables needed for gradient computation has been modified by an inplace operation");
        }
    }
}
