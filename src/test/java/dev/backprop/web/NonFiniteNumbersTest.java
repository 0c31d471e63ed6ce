package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** NaN and the infinities travel as the strings "NaN", "Infinity" and "-Infinity", in answers and in tensor data sent back. */
@ServiceTest
class NonFiniteNumbersTest extends ApiTest {

    @Test
    void nonFiniteDataRoundTripsThroughCreateGetAndCreateAgain() {
        try (var s = api.session()) {
            JsonNode created = s.tensor("""
                    {"name": "a", "data": [["NaN", 1.5], ["Infinity", "-Infinity"]]}""").expect(201).json();
            assertThat(created.get("dtype").stringValue()).isEqualTo("float32");
            assertThat(created.get("data").toString()).isEqualTo("""
                    [["NaN",1.5],["Infinity","-Infinity"]]""");
            JsonNode fetched = s.view("a");
            assertThat(fetched.get("data")).isEqualTo(created.get("data"));

            JsonNode again = s.tensor("{\"name\": \"b\", \"data\": " + fetched.get("data") + "}").expect(201).json();
            assertThat(again.get("data")).isEqualTo(created.get("data"));
            assertThat(again.get("dtype").stringValue()).isEqualTo("float32");

            JsonNode scalar = s.tensor("""
                    {"name": "c", "data": "NaN", "dtype": "float64"}""").expect(201).json();
            assertThat(Api.shape(scalar)).isEmpty();
            assertThat(scalar.get("data").toString()).isEqualTo("\"NaN\"");
            assertThat(s.tensor("{\"name\": \"d\", \"data\": " + s.view("c").get("data") + ", \"dtype\": \"float64\"}")
                    .expect(201).json().get("data").toString()).isEqualTo("\"NaN\"");
        }
    }

    @Test
    void nonFiniteStringsAreFloatsWhenTheDtypeIsInferredAndFollowPyTorchForOtherDtypes() {
        try (var s = api.session()) {
            assertThat(s.tensor("""
                    {"name": "a", "data": ["NaN"]}""").expect(201).json().get("dtype").stringValue()).isEqualTo("float32");
            JsonNode mixed = s.tensor("""
                    {"name": "b", "data": [1, true, "Infinity"]}""").expect(201).json();
            assertThat(mixed.get("dtype").stringValue()).isEqualTo("float32");
            assertThat(mixed.get("data").toString()).isEqualTo("[1.0,1.0,\"Infinity\"]");
            assertThat(s.tensor("""
                    {"name": "c", "data": ["NaN"], "dtype": "int64"}""").problem(422, "invalid-argument").get("detail").stringValue())
                    .isEqualTo("value cannot be converted to type int64 without overflow");
            assertThat(s.tensor("""
                    {"name": "d", "data": ["NaN", "-Infinity", 0.0], "dtype": "bool"}""").expect(201).json().get("data").toString())
                    .isEqualTo("[true,true,false]");
        }
    }

    @Test
    void onlyTheThreeStringsAreNumbers() {
        try (var s = api.session()) {
            for (String other : List.of("nan", "inf", "INF", "+Infinity", "1.5", " NaN")) {
                assertThat(s.tensor("{\"name\": \"a\", \"data\": [1.0, \"" + other + "\"]}").problem(422, "invalid-argument")
                        .get("detail").stringValue()).as(other).isEqualTo("Could not infer dtype of str");
            }
            s.tensor("""
                    {"name": "w", "data": [1.0]}""").expect(201);
            assertThat(s.op("""
                    {"op": "add", "inputs": ["w", "NaN"]}""").problem(404, "tensor-not-found").get("detail").stringValue())
                    .contains("'NaN'");
        }
    }

    @Test
    void opsThatMakeNanAnswerItAndTheAnswerPostsBack() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "z", "data": [0.0, 1.0, -1.0]}""").expect(201);
            JsonNode quotient = s.op("""
                    {"op": "div", "inputs": ["z", 0.0], "out": "q"}""").expect(200).json();
            assertThat(quotient.get("data").toString()).isEqualTo("[\"NaN\",\"Infinity\",\"-Infinity\"]");
            JsonNode log = s.op("""
                    {"op": "log", "inputs": ["z"]}""").expect(200).json();
            assertThat(log.get("data").toString()).isEqualTo("[\"-Infinity\",0.0,\"NaN\"]");

            JsonNode posted = s.tensor("{\"name\": \"back\", \"data\": " + log.get("data") + "}").expect(201).json();
            assertThat(posted.get("data")).isEqualTo(log.get("data"));
            JsonNode made = s.op("{\"op\": \"tensor\", \"attrs\": {\"data\": " + quotient.get("data") + "}}").expect(200).json();
            assertThat(made.get("data")).isEqualTo(quotient.get("data"));
        }
    }

    @Test
    void gradientsGivenAsDataMayBeNonFiniteWhileAStringAloneIsATensorName() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "w", "data": [1.0, 2.0], "requiresGrad": true}""").expect(201);
            s.op("""
                    {"op": "mul", "inputs": ["w", 2.0], "out": "y"}""").expect(200);
            JsonNode grads = s.grad("""
                    {"outputs": ["y"], "inputs": ["w"], "gradOutputs": [["-Infinity", 1.0]], "retainGraph": true}""").expect(200).json().get("grads");
            assertThat(grads.get(0).get("data").toString()).isEqualTo("[\"-Infinity\",2.0]");
            s.backward("""
                    {"tensors": ["y"], "gradTensors": ["NaN"], "retainGraph": true}""").problem(404, "tensor-not-found");
            s.backward("""
                    {"tensors": ["y"], "gradTensors": [["NaN", "Infinity"]]}""").expect(200);
            assertThat(s.view("w").get("grad").toString()).isEqualTo("[\"NaN\",\"Infinity\"]");
        }
    }

    @Test
    void jobsTakeNonFiniteFeaturesButRefuseOtherStringsAndOverflow() {
        JsonNode nan = finished(api.post("/jobs", """
                {"data": {"inline": {"x": [[1.0, "NaN"], [-1.0, 2.0]], "y": [0, 1]}}, "maxIterations": 3}""").expect(202));
        assertThat(nan.get("status").stringValue()).isEqualTo("FAILED");
        assertThat(nan.get("error").stringValue()).isEqualTo("all elements of input should be between 0 and 1");

        JsonNode job = finished(api.post("/jobs", """
                {"data": {"inline": {"x": [[1.0, 2.0], [-1.0, -2.0]], "y": [0, 1]}}, "maxIterations": 3}""").expect(202));
        assertThat(job.get("status").stringValue()).isEqualTo("SUCCEEDED");
        JsonNode p = api.post("/jobs/" + job.get("id").stringValue() + "/predict", """
                {"x": [["NaN", 1.0], [1.0, 2.0]]}""").expect(200).json();
        assertThat(p.get("probabilities").get(0).stringValue()).isEqualTo("NaN");
        assertThat(p.get("probabilities").get(1).isNumber()).isTrue();
        assertThat(p.get("classes").toString()).startsWith("[0,");

        assertThat(api.post("/jobs", """
                {"data": {"inline": {"x": [[1.0, 1e309]], "y": [0]}}}""").problem(400, "non-finite-number").get("detail").stringValue())
                .isEqualTo("'data.inline.x[0][1]' must be a finite number (JSON numbers beyond the range of a double are refused)");
        assertThat(api.post("/jobs", """
                {"data": {"inline": {"x": [[1.0, "INF"]], "y": [0]}}}""").problem(400, "invalid-field").get("detail").stringValue())
                .startsWith("'data.inline.x[0][1]' must be a number");
        api.post("/jobs", """
                {"data": {"inline": {"x": [[1.0, "2.5"]], "y": [0]}}}""").problem(400, "invalid-field");
        assertThat(api.post("/jobs", """
                {"optimizer": {"type": "sgd", "lr": "NaN"}}""").problem(400, "non-finite-number").get("detail").stringValue())
                .startsWith("'optimizer.lr' must be a finite number");
    }

    private JsonNode finished(Api.Response created) {
        String path = "/jobs/" + created.json().get("id").stringValue();
        await().until(() -> api.get(path).expect(200).json().get("finishedAt").isString());
        return api.get(path).expect(200).json();
    }
}
