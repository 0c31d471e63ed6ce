package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Python's subscripts over HTTP: {@code getitem} with a key written as Python writes it (names in it are session tensors)
 * and {@code setitem_}; values, gradients and error texts are PyTorch 1.13's ({@code engine/IndexingTest.py} prints them).
 */
@ServiceTest
class IndexingApiTest extends ApiTest {
    private static void tensors(Api.Session s) {
        s.tensor("""
                {"name": "x", "data": [[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]], "requiresGrad": true}""")
                .expect(201);
        s.tensor("""
                {"name": "idx", "data": [2, 0, 2], "dtype": "int64"}""").expect(201);
        s.tensor("""
                {"name": "mask", "data": [true, false, true], "dtype": "bool"}""").expect(201);
    }

    @Test
    void subscriptsGiveViewsOrCopiesWithPyTorchsValuesAndGradients() {
        try (var s = api.session()) {
            tensors(s);
            JsonNode sliced = s.op("""
                    {"op": "getitem", "inputs": ["x"], "attrs": {"key": "1:3, ::2"}, "out": "a"}""").expect(200).json();
            assertThat(sliced.get("gradFn").stringValue()).isEqualTo("SliceBackward0");
            assertThat(sliced.get("data").toString()).isEqualTo("[[4.0,6.0],[8.0,10.0]]");
            JsonNode indexed = s.op("""
                    {"op": "getitem", "inputs": ["x"], "attrs": {"key": "idx"}, "out": "b"}""").expect(200).json();
            assertThat(indexed.get("gradFn").stringValue()).isEqualTo("IndexBackward0");
            assertThat(indexed.get("data").toString()).isEqualTo("[[8.0,9.0,10.0,11.0],[0.0,1.0,2.0,3.0],[8.0,9.0,10.0,11.0]]");
            JsonNode masked = s.op("""
                    {"op": "getitem", "inputs": ["x"], "attrs": {"key": "mask"}, "out": "c"}""").expect(200).json();
            assertThat(masked.get("gradFn").stringValue()).isEqualTo("IndexBackward0");
            assertThat(masked.get("data").toString()).isEqualTo("[[0.0,1.0,2.0,3.0],[8.0,9.0,10.0,11.0]]");

            s.op("""
                    {"ops": [
                      {"op": "mul", "inputs": ["b", "b"], "out": "b2"},
                      {"op": "sum", "inputs": ["b2"], "out": "loss"}
                    ]}""").expect(200);
            s.backward("""
                    {"tensors": ["loss"]}""").expect(200);
            assertThat(s.view("x").get("grad").toString())
                    .isEqualTo("[[0.0,2.0,4.0,6.0],[0.0,0.0,0.0,0.0],[32.0,36.0,40.0,44.0]]");
        }
    }

    @Test
    void setitemAndIndexPutWriteIntoTheNamedTensor() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "z", "data": [[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]}""").expect(201);
            s.tensor("""
                    {"name": "row", "data": [1.0, 2.0, 3.0, 4.0]}""").expect(201);
            s.tensor("""
                    {"name": "last", "data": [2], "dtype": "int64"}""").expect(201);
            s.op("""
                    {"ops": [
                      {"op": "setitem_", "inputs": ["z", 5], "attrs": {"key": "1:3, ::2"}},
                      {"op": "setitem_", "inputs": ["z", "row"], "attrs": {"key": "[0]"}},
                      {"op": "setitem_", "inputs": ["z"], "attrs": {"key": "[False, False, True], 1", "value": -1}},
                      {"op": "index_put_", "inputs": ["z"], "attrs": {"indices": ["last"], "values": "row", "accumulate": true}}
                    ]}""").expect(200);
            JsonNode z = s.view("z");
            assertThat(z.get("data").toString()).isEqualTo("[[1.0,2.0,3.0,4.0],[5.0,0.0,5.0,0.0],[6.0,1.0,8.0,4.0]]");
            assertThat(z.get("version").asInt()).isEqualTo(4);
        }
    }

    @Test
    void badKeysArePyTorchsIndexErrors() {
        try (var s = api.session()) {
            tensors(s);
            s.tensor("""
                    {"name": "far", "data": [0, 5], "dtype": "int64"}""").expect(201);
            s.tensor("""
                    {"name": "short", "data": [true, false], "dtype": "bool"}""").expect(201);
            assertThat(s.op("""
                    {"op": "getitem", "inputs": ["x"], "attrs": {"key": "5"}}""").problem(422, "invalid-argument").get("detail").stringValue())
                    .isEqualTo("index 5 is out of bounds for dimension 0 with size 3");
            assertThat(s.op("""
                    {"op": "getitem", "inputs": ["x"], "attrs": {"key": "far"}}""").problem(422, "invalid-argument").get("detail").stringValue())
                    .isEqualTo("index 5 is out of bounds for dimension 0 with size 3");
            assertThat(s.op("""
                    {"op": "getitem", "inputs": ["x"], "attrs": {"key": "short"}}""").problem(422, "shape-mismatch").get("detail").stringValue())
                    .isEqualTo("The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3, 4] at index 0");
            assertThat(s.op("""
                    {"op": "getitem", "inputs": ["x"], "attrs": {"key": "1, 2, 3"}}""").problem(422, "invalid-argument").get("detail").stringValue())
                    .isEqualTo("too many indices for tensor of dimension 2");
            assertThat(s.op("""
                    {"op": "getitem", "inputs": ["x"], "attrs": {"key": "::-1"}}""").problem(422, "invalid-argument").get("detail").stringValue())
                    .isEqualTo("step must be greater than zero");
        }
    }
}
