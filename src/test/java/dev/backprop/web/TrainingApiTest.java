package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ServiceTest
class TrainingApiTest extends ApiTest {
    // torch.manual_seed(42); torch.nn.Linear(1, 1)
    private static final float WEIGHT_42 = 0.7645385f;
    private static final float BIAS_42 = 0.8300079f;


    @Test
    void aListOfLayersIsSequentialWithStateDictNames() {
        try (var s = api.session(42L)) {
            Api.Response r = s.module("""
                    {"name": "net", "layers": [{"type": "linear", "inFeatures": 1, "outFeatures": 1}, {"type": "sigmoid"}]}""")
                    .expect(201);
            assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/sessions/" + s.id() + "/modules/net");
            JsonNode m = r.json();
            assertThat(m.get("name").stringValue()).isEqualTo("net");
            assertThat(m.get("repr").stringValue())
                    .isEqualTo("Sequential(\n  (0): Linear(in_features=1, out_features=1, bias=True)\n  (1): Sigmoid()\n)");
            assertThat(m.get("parameters").propertyNames()).containsExactly("net.0.weight", "net.0.bias");
            assertThat(m.get("parameters").get("net.0.weight").toString()).isEqualTo("[1,1]");

            JsonNode w = s.view("net.0.weight");
            assertThat(Api.shape(w)).containsExactly(1, 1);
            assertThat((float) w.get("data").get(0).get(0).doubleValue()).isEqualTo(WEIGHT_42);
            assertThat(w.get("requiresGrad").booleanValue()).isTrue();
            assertThat(w.get("isLeaf").booleanValue()).isTrue();
            assertThat(Api.floats(s.view("net.0.bias").get("data"))).containsExactly(BIAS_42);
        }
    }

    @Test
    void anObjectOfNamedChildrenIsTheModuleSubclassStyle() {
        try (var s = api.session(42L)) {
            JsonNode m = s.module("""
                    {"name": "net", "layers": {"features": {"type": "linear", "inFeatures": 1, "outFeatures": 1},
                                               "sigmoid": {"type": "sigmoid"}}}""").expect(201).json();
            assertThat(m.get("parameters").propertyNames()).containsExactly("net.features.weight", "net.features.bias");
            assertThat((float) s.view("net.features.weight").get("data").get(0).get(0).doubleValue()).isEqualTo(WEIGHT_42);
            assertThat(Api.floats(s.view("net.features.bias").get("data"))).containsExactly(BIAS_42);
        }
    }

    @Test
    void callRunsTheModulesForward() {
        try (var s = api.session(42L)) {
            s.module("{\"name\": \"net\", \"layers\": [{\"type\": \"linear\", \"inFeatures\": 1, \"outFeatures\": 1}, "
                    + "{\"type\": \"sigmoid\"}]}").expect(201);
            s.tensor("{\"name\": \"x\", \"data\": [[1.0], [0.0]]}").expect(201);
            JsonNode y = s.op("{\"op\": \"call\", \"attrs\": {\"module\": \"net\"}, \"inputs\": [\"x\"], \"out\": \"y_pred\"}")
                    .expect(200).json();
            assertThat(y.get("name").stringValue()).isEqualTo("y_pred");
            assertThat(Api.shape(y)).containsExactly(2, 1);
            assertThat(y.get("gradFn").stringValue()).isEqualTo("SigmoidBackward0");
            double z0 = WEIGHT_42 + BIAS_42;
            assertThat(y.get("data").get(0).get(0).doubleValue()).isCloseTo(1 / (1 + Math.exp(-z0)), within(1e-6));
            assertThat(y.get("data").get(1).get(0).doubleValue()).isCloseTo(1 / (1 + Math.exp(-BIAS_42)), within(1e-6));
        }
    }

    @Test
    void threeStepsOfTheSeedsLogisticRegressionGivePyTorchsNumbers() {
        try (var s = api.session(1L)) {
            s.op("""
                    {"ops": [
                      {"op": "ones", "attrs": {"size": [100, 2]}, "out": "n_data"},
                      {"op": "mul", "inputs": ["n_data", 1.7], "out": "m0"},
                      {"op": "normal", "inputs": ["m0", 1], "out": "x0r"},
                      {"op": "add", "inputs": ["x0r", 1], "out": "x0"},
                      {"op": "zeros", "attrs": {"size": [100]}, "out": "y0"},
                      {"op": "neg", "inputs": ["m0"], "out": "m1"},
                      {"op": "normal", "inputs": ["m1", 1], "out": "x1r"},
                      {"op": "add", "inputs": ["x1r", 1], "out": "x1"},
                      {"op": "ones", "attrs": {"size": [100]}, "out": "y1"},
                      {"op": "cat", "inputs": ["x0", "x1"], "attrs": {"dim": 0}, "out": "train_x"},
                      {"op": "cat", "inputs": ["y0", "y1"], "attrs": {"dim": 0}, "out": "train_y"}
                    ]}""").expect(200);
            JsonNode x0 = s.view("x0").get("data");
            assertThat(Api.floats(x0.get(0))).containsExactly(1.1744041442871094f, 1.949768304824829f);
            assertThat(Api.floats(x0.get(99))).containsExactly(2.2643990516662598f, 2.1038613319396973f);

            s.module("{\"name\": \"lr_net\", \"layers\": [{\"type\": \"linear\", \"inFeatures\": 2, \"outFeatures\": 1}, "
                    + "{\"type\": \"sigmoid\"}]}").expect(201);
            assertThat(Api.floats(s.view("lr_net.0.weight").get("data").get(0))).containsExactly(0.014638358727097511f, 0.20306958258152008f);
            assertThat(Api.floats(s.view("lr_net.0.bias").get("data"))).containsExactly(0.25508731603622437f);

            Api.Response created = s.optimizer("{\"name\": \"optimizer\", \"type\": \"sgd\", \"params\": [\"lr_net\"], \"lr\": 0.01, "
                    + "\"momentum\": 0.9, \"dampening\": 0, \"weightDecay\": 0, \"nesterov\": false}").expect(201);
            assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/sessions/" + s.id() + "/optimizers/optimizer");
            assertThat(created.json().get("type").stringValue()).isEqualTo("sgd");
            assertThat(created.json().get("params").toString()).isEqualTo("[\"lr_net.0.weight\",\"lr_net.0.bias\"]");

            for (int i = 0; i < 3; i++) {
                s.op("""
                        {"ops": [
                          {"op": "call", "attrs": {"module": "lr_net"}, "inputs": ["train_x"], "out": "y_pred"},
                          {"op": "squeeze", "inputs": ["y_pred"], "out": "y_sq"},
                          {"op": "binary_cross_entropy", "inputs": ["y_sq", "train_y"], "out": "loss"}
                        ]}""").expect(200);
                s.backward("{\"tensors\": [\"loss\"]}").expect(200);
                JsonNode stepped = s.step("optimizer").expect(200).json().get("updated");
                assertThat(Api.names(stepped)).containsExactly("lr_net.0.weight", "lr_net.0.bias");
                JsonNode zeroed = s.zeroGrad("optimizer").expect(200).json().get("updated");
                for (JsonNode p : zeroed) assertThat(p.get("grad").isNull()).isTrue();
            }
            // PyTorch's numbers, to the two float32 ulps that a different summation order may cost
            JsonNode weight = s.view("lr_net.0.weight").get("data").get(0);
            assertUlps(weight.get(0).doubleValue(), -0.04845106601715088);
            assertUlps(weight.get(1).doubleValue(), 0.14106842875480652);
            assertUlps(s.view("lr_net.0.bias").get("data").get(0).doubleValue(), 0.24919311702251434);
            JsonNode loss = s.view("loss");
            assertUlps(loss.get("data").doubleValue(), 0.8497726917266846);
            assertThat(loss.get("gradFn").stringValue()).isEqualTo("BinaryCrossEntropyBackward0");
        }
    }

    private static void assertUlps(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(2.0 * Math.ulp((float) expected)));
    }

    @Test
    void sgdStepsTensorsByLearningRateTimesGradient() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0, 2.0], \"requiresGrad\": true}").expect(201);
            s.optimizer("{\"name\": \"opt\", \"type\": \"sgd\", \"params\": [\"w\"], \"lr\": 0.1}").expect(201);
            s.op("{\"ops\": [{\"op\": \"mul\", \"inputs\": [\"w\", \"w\"], \"out\": \"y\"}, {\"op\": \"sum\", \"inputs\": [\"y\"], \"out\": \"l\"}]}")
                    .expect(200);
            s.backward("{\"tensors\": [\"l\"]}").expect(200);
            JsonNode w = s.step("opt").expect(200).json().get("updated").get(0);
            assertThat(w.get("name").stringValue()).isEqualTo("w");
            assertThat(Api.floats(w.get("data"))).containsExactly(1f - 0.1f * 2f, 2f - 0.1f * 4f);
            assertThat(Api.floats(w.get("grad"))).containsExactly(2f, 4f);

            JsonNode kept = api.post(s.path() + "/optimizers/opt/zero-grad?setToNone=false").expect(200).json().get("updated").get(0);
            assertThat(Api.floats(kept.get("grad"))).containsExactly(0f, 0f);
            assertThat(s.zeroGrad("opt").expect(200).json().get("updated").get(0).get("grad").isNull()).isTrue();
        }
    }

    @Test
    void adamsFirstStepMovesEachParameterByTheLearningRate() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0, -2.0], \"requiresGrad\": true}").expect(201);
            JsonNode opt = s.optimizer("{\"name\": \"adam\", \"type\": \"adam\", \"params\": [\"w\"], \"lr\": 0.1}").expect(201).json();
            assertThat(opt.get("type").stringValue()).isEqualTo("adam");
            s.op("{\"ops\": [{\"op\": \"mul\", \"inputs\": [\"w\", \"w\"], \"out\": \"y\"}, {\"op\": \"sum\", \"inputs\": [\"y\"], \"out\": \"l\"}]}")
                    .expect(200);
            s.backward("{\"tensors\": [\"l\"]}").expect(200);
            JsonNode w = s.step("adam").expect(200).json().get("updated").get(0);
            float[] data = Api.floats(w.get("data"));
            assertThat(data[0]).isCloseTo(0.9f, within(1e-6f));
            assertThat(data[1]).isCloseTo(-1.9f, within(1e-6f));
        }
    }

    @Test
    void unknownModulesAndOptimizersAreNotFound() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"x\", \"data\": [[1.0]]}").expect(201);
            assertThat(s.op("{\"op\": \"call\", \"attrs\": {\"module\": \"nope\"}, \"inputs\": [\"x\"]}").problem(404, "module-not-found")
                    .get("detail").stringValue()).isEqualTo("no module 'nope'");
            assertThat(s.step("nope").problem(404, "optimizer-not-found").get("detail").stringValue()).isEqualTo("no optimizer 'nope'");
            s.zeroGrad("nope").problem(404, "optimizer-not-found");
            s.optimizer("{\"name\": \"o\", \"type\": \"sgd\", \"params\": [\"nope\"], \"lr\": 0.1}").problem(404, "tensor-not-found");
        }
    }
}
