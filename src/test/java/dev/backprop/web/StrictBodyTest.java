package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The service never guesses: on every route that takes a JSON body, a field it does not know, a value of
 * another kind than its field's, and a hand-read value of the wrong kind are refused with 400, a detail that
 * names the field by its path (and its known spelling where it has one) and the path in {@code field}; the
 * session is left exactly as it was. Query parameters and bodies on routes that take none are read as strictly.
 */
@ServiceTest
class StrictBodyTest extends ApiTest {
    private static final String NO_JOB = "/jobs/00000000-0000-0000-0000-000000000000";

    /** A body refused on a route ({@code {sid}} stands for a session holding w, y = w * 3, module m and optimizer opt). */
    record Refusal(String route, String body, String code, String detail, String field) {
        @Override
        public String toString() {
            return route + " " + body;
        }
    }

    static Stream<Refusal> unknownFields() {
        return Stream.of(
                unknown("/sessions", """
                        {"seed": 1, "sed": 2}""", "unknown field 'sed'", "sed"),
                unknown("/sessions/{sid}/seed", """
                        {"Seed": 7}""", "unknown field 'Seed'; did you mean 'seed'?", "Seed"),
                unknown("/sessions/{sid}/tensors", """
                        {"name": "w2", "data": [1.0], "requires_grad": true}""",
                        "unknown field 'requires_grad'; did you mean 'requiresGrad'?", "requires_grad"),
                unknown("/sessions/{sid}/ops", """
                        {"op": "neg", "inputs": ["w"], "out": "n", "no-grad": true}""", "unknown field 'no-grad'; did you mean 'noGrad'?",
                        "no-grad"),
                unknown("/sessions/{sid}/ops", """
                        {"ops": [{"op": "neg", "inputs": ["w"], "out": "n"}, {"op": "neg", "inputs": ["w"], "outt": "m2"}]}""",
                        "unknown field 'ops[1].outt'", "ops[1].outt"),
                unknown("/sessions/{sid}/ops", """
                        {"ops": [{"op": "neg", "inputs": ["w"]}], "out": "n"}""", "unknown field 'out'", "out"),
                unknown("/sessions/{sid}/backward", """
                        {"tensors": ["y"], "retain_graph": true}""", "unknown field 'retain_graph'; did you mean 'retainGraph'?",
                        "retain_graph"),
                unknown("/sessions/{sid}/grad", """
                        {"outputs": ["y"], "inputs": ["w"], "out": ["g"], "AllowUnused": true}""",
                        "unknown field 'AllowUnused'; did you mean 'allowUnused'?", "AllowUnused"),
                unknown("/sessions/{sid}/modules", """
                        {"name": "m2", "layers": [{"type": "linear", "in_features": 2, "outFeatures": 1}]}""",
                        "unknown field 'layers[0].in_features'; did you mean 'inFeatures'?", "layers[0].in_features"),
                unknown("/sessions/{sid}/modules", """
                        {"name": "m2", "layers": {"head": {"type": "sigmoid", "inplace": true}}}""",
                        "unknown field 'layers.head.inplace'", "layers.head.inplace"),
                unknown("/sessions/{sid}/modules", """
                        {"name": "m2", "layers": [{"type": "sigmoid"}], "bias": false}""", "unknown field 'bias'", "bias"),
                unknown("/sessions/{sid}/optimizers", """
                        {"name": "o2", "type": "sgd", "params": ["w"], "lr": 0.1, "weight_decay": 0.1}""",
                        "unknown field 'weight_decay'; did you mean 'weightDecay'?", "weight_decay"),
                unknown("/jobs", """
                        {"data": {"synthetic": {"samples_per_class": 10}}}""",
                        "unknown field 'data.synthetic.samples_per_class'; did you mean 'samplesPerClass'?",
                        "data.synthetic.samples_per_class"),
                unknown("/jobs", """
                        {"data": {"inline": {"x": [[1.0]], "y": [1], "labels": [1]}}}""", "unknown field 'data.inline.labels'",
                        "data.inline.labels"),
                unknown("/jobs", """
                        {"data": {"session": {"id": "{sid}", "x": "w", "y": "y", "sessionId": "{sid}"}}}""",
                        "unknown field 'data.session.sessionId'", "data.session.sessionId"),
                unknown("/jobs", """
                        {"data": {"csv": "points.csv"}}""", "unknown field 'data.csv'", "data.csv"),
                unknown("/jobs", """
                        {"optimizer": {"type": "sgd", "learningRate": 0.1}}""", "unknown field 'optimizer.learningRate'",
                        "optimizer.learningRate"),
                unknown("/jobs", """
                        {"max_iterations": 10}""", "unknown field 'max_iterations'; did you mean 'maxIterations'?", "max_iterations"),
                unknown(NO_JOB + "/predict", """
                        {"x": [[1.0, 2.0]], "y": [1]}""", "unknown field 'y'", "y"));
    }

    static Stream<Refusal> illTypedFields() {
        return Stream.of(
                invalid("/sessions", """
                        {"seed": 1.5}""", "'seed' must be an integer, got a number with a fraction", "seed"),
                invalid("/sessions/{sid}/seed", """
                        {"seed": ""}""", "'seed' must be an integer, got a string", "seed"),
                invalid("/sessions/{sid}/seed", """
                        {"seed": 7.0}""", "'seed' must be an integer, got a number with a fraction", "seed"),
                invalid("/sessions/{sid}/tensors", """
                        {"name": "w2", "data": [1.0], "requiresGrad": 2}""", "'requiresGrad' must be true or false, got an integer",
                        "requiresGrad"),
                invalid("/sessions/{sid}/tensors", """
                        {"name": "w2", "data": [1.0], "requiresGrad": "true"}""", "'requiresGrad' must be true or false, got a string",
                        "requiresGrad"),
                invalid("/sessions/{sid}/tensors", """
                        {"name": 5, "data": [1.0]}""", "'name' must be a string, got an integer", "name"),
                invalid("/sessions/{sid}/tensors", """
                        {"name": "w2", "data": [1.0], "dtype": false}""", "'dtype' must be a string, got a boolean", "dtype"),
                invalid("/sessions/{sid}/ops", """
                        {"op": "add", "inputs": [{"name": "w"}, 1], "out": "a"}""",
                        "'inputs[0]' must be a tensor name, a number, true, false, a list of numbers or a list of tensor names, got an object", "inputs[0]"),
                invalid("/sessions/{sid}/ops", """
                        {"op": "zeros", "inputs": [[2, "3"]], "out": "z"}""", "'inputs[0][1]' must be a number, got a string",
                        "inputs[0][1]"),
                invalid("/sessions/{sid}/ops", """
                        {"op": "neg", "inputs": ["w"], "out": ["n", 7]}""", "'out[1]' must be a name, got an integer", "out[1]"),
                invalid("/sessions/{sid}/ops", """
                        {"op": "neg", "inputs": ["w"], "out": {"name": "n"}}""", "'out' must be a name or a list of names, got an object",
                        "out"),
                invalid("/sessions/{sid}/ops", """
                        {"op": "neg", "inputs": ["w"], "noGrad": 1}""", "'noGrad' must be true or false, got an integer", "noGrad"),
                invalid("/sessions/{sid}/ops", """
                        {"ops": [{"op": "neg", "inputs": ["w"], "out": "n"}, {"op": "neg", "inputs": [null], "out": "n2"}]}""",
                        "ops[1]: 'inputs[0]' must be a tensor name, a number, true, false, a list of numbers or a list of tensor names, got null",
                        "ops[1].inputs[0]"),
                invalid("/sessions/{sid}/backward", """
                        {"tensors": ["y"], "retainGraph": 1}""", "'retainGraph' must be true or false, got an integer", "retainGraph"),
                invalid("/sessions/{sid}/backward", """
                        {"tensors": ["y"], "gradTensors": [{"data": [1.0]}]}""",
                        "'gradTensors[0]' must be a tensor name, a number, nested lists of numbers or null, got an object",
                        "gradTensors[0]"),
                invalid("/sessions/{sid}/backward", """
                        {"tensors": ["y", null]}""", "'tensors[1]' must be a tensor name, got null", "tensors[1]"),
                invalid("/sessions/{sid}/grad", """
                        {"outputs": ["y"], "inputs": ["w"], "createGraph": "yes"}""", "'createGraph' must be true or false, got a string",
                        "createGraph"),
                invalid("/sessions/{sid}/modules", """
                        {"name": "m2", "layers": [{"type": "linear", "inFeatures": 2.0, "outFeatures": 1}]}""",
                        "'layers[0].inFeatures' must be an integer, got a number with a fraction", "layers[0].inFeatures"),
                invalid("/sessions/{sid}/modules", """
                        {"name": "m2", "layers": [{"type": "linear", "inFeatures": 2, "outFeatures": 1, "bias": 0}]}""",
                        "'layers[0].bias' must be true or false, got an integer", "layers[0].bias"),
                invalid("/sessions/{sid}/modules", """
                        {"name": "m2", "layers": [{"type": 1}]}""",
                        "'layers[0].type' must be a layer type (linear, sigmoid, relu, tanh, softmax, log_softmax, dropout, flatten, layer_norm, "
                        + "embedding, cross_entropy_loss, nll_loss, l1_loss, bce_loss or mse_loss), got an integer", "layers[0].type"),
                invalid("/sessions/{sid}/optimizers", """
                        {"name": "o2", "type": "sgd", "params": ["w"], "lr": "0.1"}""", "'lr' must be a number, got a string", "lr"),
                invalid("/sessions/{sid}/optimizers", """
                        {"name": "o2", "type": "sgd", "params": ["w"], "lr": 0.1, "nesterov": "false"}""",
                        "'nesterov' must be true or false, got a string", "nesterov"),
                invalid("/jobs", """
                        {"maxIterations": 10.5}""", "'maxIterations' must be an integer, got a number with a fraction", "maxIterations"),
                invalid("/jobs", """
                        {"seed": true}""", "'seed' must be an integer, got a boolean", "seed"),
                invalid("/jobs", """
                        {"data": {"inline": {"x": [[1.0]], "y": ["1"]}}}""", "'data.inline.y[0]' must be a number, got a string",
                        "data.inline.y[0]"),
                invalid("/jobs", """
                        {"optimizer": {"type": 1, "lr": 0.1}}""", "'optimizer.type' must be a string, got an integer", "optimizer.type"),
                invalid(NO_JOB + "/predict", """
                        {"x": [[true, 1.0]]}""", "'x[0][0]' must be a number, got a boolean", "x[0][0]"));
    }

    private static Refusal unknown(String route, String body, String detail, String field) {
        return new Refusal(route, body, "unknown-field", detail, field);
    }

    private static Refusal invalid(String route, String body, String detail, String field) {
        return new Refusal(route, body, "invalid-field", detail, field);
    }

    @ParameterizedTest
    @MethodSource("unknownFields")
    void anUnknownFieldIsRefusedByItsPathAndLeavesNothingBehind(Refusal r) {
        refusedWithNothingChanged(r);
    }

    @ParameterizedTest
    @MethodSource("illTypedFields")
    void aValueOfAnotherKindIsNeverCoercedAndLeavesNothingBehind(Refusal r) {
        refusedWithNothingChanged(r);
    }

    private void refusedWithNothingChanged(Refusal r) {
        try (var s = fixture()) {
            String before = state(s);
            int jobs = api.get("/jobs").expect(200).json().size();
            int sessions = api.get("/sessions").expect(200).json().size();
            JsonNode p = api.post(r.route().replace("{sid}", s.id()), r.body().replace("{sid}", s.id())).problem(400, r.code());
            assertThat(p.path("detail").stringValue()).isEqualTo(r.detail());
            assertThat(p.path("field").stringValue()).isEqualTo(r.field());
            assertThat(state(s)).isEqualTo(before);
            assertThat(api.get("/jobs").expect(200).json().size()).isEqualTo(jobs);
            assertThat(api.get("/sessions").expect(200).json().size()).isEqualTo(sessions);
        }
    }

    @Test
    void aRefusedSeedLeavesTheGeneratorAsItWas() {
        try (var refused = api.session(5L); var fresh = api.session(5L)) {
            refused.seed("""
                    {"seed": 7.5}""").problem(400, "invalid-field");
            refused.seed("""
                    {"seed": 7, "Seed": 8}""").problem(400, "unknown-field");
            String draw = """
                    {"op": "rand", "inputs": [3]}""";
            assertThat(refused.op(draw).expect(200).json().get("data")).isEqualTo(fresh.op(draw).expect(200).json().get("data"));
        }
    }

    @Test
    void aFieldGivenTwiceIsRefusedRatherThanOneOfThemChosen() {
        try (var s = api.session()) {
            assertThat(s.tensor("""
                    {"name": "w", "data": [1.0], "requiresGrad": false, "requiresGrad": true}""").problem(400, "malformed-json")
                    .get("detail").stringValue())
                    .isEqualTo("the field 'requiresGrad' is given twice in one object (line 1, column 67): send each field once");
            assertThat(s.op("""
                    {"op": "sum", "inputs": ["w"], "attrs": {"dim": 0, "dim": 1}}""").problem(400, "malformed-json")
                    .get("detail").stringValue()).startsWith("the field 'dim' is given twice in one object");
            assertThat(Api.names(s.list().expect(200).json())).isEmpty();
        }
    }

    @Test
    void anUnknownKeywordOfAModuleCallIsPyTorchsTypeError() {
        try (var s = fixture()) {
            assertThat(s.op("""
                    {"op": "call", "inputs": ["w"], "attrs": {"module": "m", "inplace": true}}""").problem(422, "invalid-argument")
                    .get("detail").stringValue()).isEqualTo("Sequential.forward() got an unexpected keyword argument 'inplace'");
        }
    }

    @Test
    void anUnknownQueryParameterIsRefusedByName() {
        try (var s = fixture()) {
            String before = state(s);
            assertThat(api.get(s.path() + "/tensors/w?dat=false").problem(400, "unknown-parameter").get("detail").stringValue())
                    .isEqualTo("unknown query parameter 'dat'");
            assertThat(api.post(s.path() + "/optimizers/opt/zero-grad?set_to_none=false").problem(400, "unknown-parameter")
                    .get("detail").stringValue()).isEqualTo("unknown query parameter 'set_to_none'; did you mean 'setToNone'?");
            assertThat(api.get(s.path() + "?verbose=1").problem(400, "unknown-parameter").get("detail").stringValue())
                    .isEqualTo("unknown query parameter 'verbose'");
            assertThat(api.post(s.path() + "/ops?data=false&Data=true", """
                    {"op": "neg", "inputs": ["w"], "out": "n"}""").problem(400, "unknown-parameter").get("detail").stringValue())
                    .isEqualTo("unknown query parameter 'Data'; did you mean 'data'?");
            assertThat(api.get(s.path() + "/tensors/w?data=true&data=false").problem(400, "invalid-parameter").get("detail")
                    .stringValue()).isEqualTo("the query parameter 'data' is given more than once: send it once");
            assertThat(state(s)).isEqualTo(before);
            assertThat(api.get(s.path() + "/tensors/w?data=false").expect(200).json().has("data")).isFalse();
        }
    }

    @Test
    void aBodySentToARouteThatTakesNoneIsRefused() {
        try (var s = fixture()) {
            String before = state(s);
            assertThat(api.post(s.path() + "/optimizers/opt/zero-grad", """
                    {"setToNone": false}""").problem(400, "unexpected-body").get("detail").stringValue())
                    .isEqualTo("POST /api/v1/sessions/" + s.id() + "/optimizers/opt/zero-grad takes no body; its options are query "
                            + "parameters (setToNone, data)");
            assertThat(api.post(s.path() + "/optimizers/opt/step", "{}").problem(400, "unexpected-body").get("detail").stringValue())
                    .isEqualTo("POST /api/v1/sessions/" + s.id() + "/optimizers/opt/step takes no body; its options are query "
                            + "parameters (data)");
            assertThat(state(s)).isEqualTo(before);
        }
    }

    /** A session with w (a leaf that requires grad), y = w * 3, module m (Sequential of a linear layer) and optimizer opt. */
    private Api.Session fixture() {
        Api.Session s = api.session(1L);
        s.tensor("""
                {"name": "w", "data": [[1.0, 2.0]], "requiresGrad": true}""").expect(201);
        s.op("""
                {"op": "mul", "inputs": ["w", 3], "out": "y"}""").expect(200);
        s.module("""
                {"name": "m", "layers": [{"type": "linear", "inFeatures": 2, "outFeatures": 1}]}""").expect(201);
        s.optimizer("""
                {"name": "opt", "type": "sgd", "params": ["m"], "lr": 0.1}""").expect(201);
        return s;
    }

    /** Everything a refused request could have changed: the names, views (values and grads) and the session's size. */
    private String state(Api.Session s) {
        StringBuilder out = new StringBuilder(s.info().expect(200).json().path("tensorCount").toString());
        out.append(' ').append(s.info().json().path("bytes"));
        for (String name : Api.names(s.list().expect(200).json())) out.append(' ').append(s.view(name));
        return out.toString();
    }
}
