package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Answers are bounded: a view whose values pass {@code max-answer-elements} is refused before anything is
 * kept, {@code ?data=false} answers metadata instead, and a batch answers all, the last or none of its results.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "backprop.limits.max-answer-elements=1000"})
class AnswerLimitTest extends ApiTest {

    @Test
    void aFactoryWhoseViewIsTooLargeIsRefusedAndLeavesNothingBehind() {
        try (var s = api.session()) {
            JsonNode p = s.op("""
                    {"op": "zeros", "attrs": {"size": [40, 30]}, "out": "z"}""").problem(413, "answer-too-large");
            assertThat(p.get("detail").stringValue()).isEqualTo("the answer would carry 1200 values, over the limit of 1000; "
                    + "ask for ?data=false (metadata only), then read tensors one at a time");
            s.get("z").problem(404, "tensor-not-found");
        }
    }

    @Test
    void dataFalseAnswersMetadataAndKeepsTheTensor() {
        try (var s = api.session()) {
            JsonNode v = api.post(s.path() + "/ops?data=false", """
                    {"op": "ones", "attrs": {"size": [40, 30]}, "out": "z"}""").expect(200).json();
            assertThat(v.toString()).isEqualTo("""
                    {"name":"z","shape":[40,30],"dtype":"float32","requiresGrad":false,"isLeaf":true,"gradFn":null,\
                    "retainsGrad":false,"version":0}""");
            s.get("z").problem(413, "answer-too-large");
            assertThat(api.get(s.path() + "/tensors/z?data=false").expect(200).json().get("shape").toString()).isEqualTo("[40,30]");
            JsonNode sum = s.op("""
                    {"op": "sum", "inputs": ["z"], "out": "total"}""").expect(200).json();
            assertThat(sum.get("data").doubleValue()).isEqualTo(1200.0);
        }
    }

    @Test
    void aBatchAnswersAllItsResultsTheLastOpsOrNone() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [1.0, 2.0]}""").expect(201);
            String ops = """
                    [{"op": "add", "inputs": ["x", 1], "out": "a"}, {"op": "mul", "inputs": ["a", 2], "out": "b"}]""";
            JsonNode all = s.op("{\"ops\": " + ops + "}").expect(200).json();
            assertThat(all.get("results").size()).isEqualTo(2);
            JsonNode last = s.op("{\"ops\": " + ops + ", \"returns\": \"last\"}").expect(200).json();
            assertThat(last.toString()).isEqualTo("""
                    {"results":[{"name":"b","shape":[2],"dtype":"float32","requiresGrad":false,"isLeaf":true,"gradFn":null,\
                    "retainsGrad":false,"version":0,"data":[4.0,6.0],"grad":null}]}""");
            JsonNode none = s.op("{\"ops\": " + ops + ", \"returns\": \"none\"}").expect(200).json();
            assertThat(none.toString()).isEqualTo("{\"results\":[]}");
            JsonNode bad = s.op("{\"ops\": " + ops + ", \"returns\": \"first\"}").problem(400, "invalid-request");
            assertThat(bad.get("detail").stringValue()).isEqualTo("'returns' must be \"all\", \"last\" or \"none\", got \"first\"");
            assertThat(s.op("""
                    {"op": "add", "inputs": ["x", 1], "returns": "last"}""").problem(400, "unknown-field").get("detail").stringValue())
                    .isEqualTo("unknown field 'returns'");
        }
    }

    @Test
    void aBatchWhoseResultsTogetherAreTooManyValuesIsRefusedUnlessItAnswersOnlyTheLast() {
        try (var s = api.session()) {
            s.op("""
                    {"op": "ones", "attrs": {"size": [600]}, "out": "x"}""").expect(200);
            String ops = """
                    [{"op": "add", "inputs": ["x", 1], "out": "y"}, {"op": "add", "inputs": ["y", 1], "out": "y"}]""";
            JsonNode p = s.op("{\"ops\": " + ops + "}").problem(413, "answer-too-large");
            assertThat(p.get("detail").stringValue()).isEqualTo("the answer would carry 1200 values, over the limit of 1000; "
                    + "ask for ?data=false (metadata only) or \"returns\": \"last\" or \"none\", then read tensors one at a time");
            s.get("y").problem(404, "tensor-not-found");
            JsonNode last = s.op("{\"ops\": " + ops + ", \"returns\": \"last\"}").expect(200).json();
            assertThat(last.get("results").get(0).get("data").get(599).doubleValue()).isEqualTo(3.0);
        }
    }

    @Test
    void backwardCountsGradsToo() {
        try (var s = api.session()) {
            s.op("""
                    {"op": "ones", "attrs": {"size": [600], "requires_grad": true}, "out": "w"}""").expect(200);
            s.op("""
                    {"op": "sum", "inputs": ["w"], "out": "loss"}""").expect(200);
            s.backward("""
                    {"tensors": ["loss"]}""").problem(413, "answer-too-large");
            assertThat(api.get(s.path() + "/tensors").expect(200).json().get(0).get("hasGrad").booleanValue()).isFalse();
            JsonNode updated = api.post(s.path() + "/backward?data=false", """
                    {"tensors": ["loss"]}""").expect(200).json();
            assertThat(updated.toString()).isEqualTo("""
                    {"updated":[{"name":"w","shape":[600],"dtype":"float32","requiresGrad":true,"isLeaf":true,"gradFn":null,\
                    "retainsGrad":false,"version":0}]}""");
        }
    }

    @Test
    void valuesAreWrittenAsNestedListsOfEachDtype() {
        try (var s = api.session()) {
            assertThat(s.tensor("""
                    {"name": "b", "data": [[true, false], [false, true]]}""").expect(201).json().get("data").toString())
                    .isEqualTo("[[true,false],[false,true]]");
            assertThat(s.tensor("""
                    {"name": "i", "data": [[[1, -2]], [[3, 4]]]}""").expect(201).json().get("data").toString())
                    .isEqualTo("[[[1,-2]],[[3,4]]]");
            assertThat(s.tensor("""
                    {"name": "d", "data": 0.1, "dtype": "float64"}""").expect(201).json().get("data").toString()).isEqualTo("0.1");
            assertThat(s.op("""
                    {"op": "transpose", "inputs": ["i", 0, 2]}""").expect(200).json().get("data").toString())
                    .isEqualTo("[[[1,3]],[[-2,4]]]");
        }
    }
}
