package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The layer types beyond linear over HTTP: an embedding/flatten/layer_norm/linear/log_softmax model and an
 * nll_loss module called with two inputs, backward, gradients against PyTorch 1.13 (the numbers of
 * {@code engine/nn/ModulesMoreTest.py}, seed 0), and train/eval with dropout.
 */
@ServiceTest
class NnLayersApiTest extends ApiTest {

    @Test
    void anEmbeddingModelAndItsLossGivePyTorchsGradients() {
        try (var s = api.session(0L)) {
            JsonNode m = s.module("""
                    {"name": "net", "layers": [
                      {"type": "embedding", "numEmbeddings": 5, "embeddingDim": 3, "paddingIdx": 0},
                      {"type": "flatten"},
                      {"type": "layer_norm", "normalizedShape": [6]},
                      {"type": "linear", "inFeatures": 6, "outFeatures": 4},
                      {"type": "log_softmax", "dim": 1}]}""").expect(201).json();
            assertThat(m.get("parameters").propertyNames())
                    .containsExactly("net.0.weight", "net.2.weight", "net.2.bias", "net.3.weight", "net.3.bias");
            assertThat(m.get("training").booleanValue()).isTrue();
            assertThat(m.get("repr").stringValue()).contains("(0): Embedding(5, 3, padding_idx=0)", "(1): Flatten(start_dim=1, end_dim=-1)",
                    "(2): LayerNorm((6,), eps=1e-05, elementwise_affine=True)", "(4): LogSoftmax(dim=1)");
            assertThat(s.module("""
                    {"name": "loss_fn", "layers": {"type": "nll_loss"}}""").expect(201).json().get("repr").stringValue())
                    .isEqualTo("NLLLoss()");
            s.tensor("""
                    {"name": "x", "data": [[1, 4], [0, 2], [3, 3]], "dtype": "int64"}""").expect(201);
            s.tensor("""
                    {"name": "y", "data": [0, 3, 1], "dtype": "int64"}""").expect(201);
            JsonNode out = s.op("""
                    {"op": "call", "attrs": {"module": "net"}, "inputs": ["x"], "out": "logp"}""").expect(200).json();
            assertThat(out.get("gradFn").stringValue()).isEqualTo("LogSoftmaxBackward0");
            assertThat(out.get("data").get(0).get(0).doubleValue()).isCloseTo(-1.5306607484817505, within(1e-6));
            JsonNode loss = s.op("""
                    {"op": "call", "attrs": {"module": "loss_fn"}, "inputs": ["logp", "y"], "out": "loss"}""").expect(200).json();
            assertThat(loss.get("data").doubleValue()).isCloseTo(1.6601303815841675, within(1e-6));
            s.backward("""
                    {"tensors": ["loss"]}""").expect(200);
            JsonNode embeddingGrad = s.view("net.0.weight.grad").get("data");
            assertThat(Api.floats(embeddingGrad.get(0))).containsExactly(0f, 0f, 0f);
            assertThat(embeddingGrad.get(1).get(0).doubleValue()).isCloseTo(0.023050524294376373, within(1e-6));
            assertThat(embeddingGrad.get(4).get(2).doubleValue()).isCloseTo(-0.2164403647184372, within(1e-6));
            assertThat(s.view("net.2.weight.grad").get("data").get(5).doubleValue()).isCloseTo(0.31135469675064087, within(1e-6));
            assertThat(s.view("net.3.weight.grad").get("data").get(0).get(0).doubleValue()).isCloseTo(-0.3572880029678345, within(1e-6));
        }
    }

    @Test
    void evalMakesDropoutTheIdentityAndTrainBringsItBack() {
        try (var s = api.session(42L)) {
            s.module("""
                    {"name": "net", "layers": [{"type": "dropout", "p": 0.5}]}""").expect(201);
            s.tensor("""
                    {"name": "ones", "data": [[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0]]}""").expect(201);
            JsonNode dropped = s.op("""
                    {"op": "call", "attrs": {"module": "net"}, "inputs": ["ones"]}""").expect(200).json();
            // torch.manual_seed(42); nn.Dropout(0.5)(torch.ones(2, 4))
            assertThat(Api.floats(dropped.get("data").get(0))).containsExactly(2f, 2f, 2f, 2f);
            assertThat(Api.floats(dropped.get("data").get(1))).containsExactly(0f, 2f, 0f, 0f);

            JsonNode eval = api.post("/sessions/" + s.id() + "/modules/net/eval").expect(200).json();
            assertThat(eval.get("training").booleanValue()).isFalse();
            assertThat(eval.get("repr").stringValue()).isEqualTo("Sequential(\n  (0): Dropout(p=0.5, inplace=False)\n)");
            JsonNode same = s.op("""
                    {"op": "call", "attrs": {"module": "net"}, "inputs": ["ones"]}""").expect(200).json();
            assertThat(Api.floats(same.get("data").get(1))).containsExactly(1f, 1f, 1f, 1f);

            assertThat(api.get("/sessions/" + s.id() + "/modules/net").expect(200).json()).isEqualTo(eval);
            assertThat(api.post("/sessions/" + s.id() + "/modules/net/train").expect(200).json().get("training").booleanValue()).isTrue();
            JsonNode again = s.op("""
                    {"op": "call", "attrs": {"module": "net"}, "inputs": ["ones"]}""").expect(200).json();
            // the generator goes on where the first draw left it, as PyTorch's after d.eval(); d(x); d.train(); d(x)
            assertThat(Api.floats(again.get("data").get(0))).containsExactly(2f, 2f, 2f, 2f);
            assertThat(Api.floats(again.get("data").get(1))).containsExactly(0f, 0f, 2f, 0f);
            api.post("/sessions/" + s.id() + "/modules/nope/eval").problem(404, "module-not-found");
            assertThat(api.get("/sessions/" + s.id() + "/modules/nope").problem(404, "module-not-found").get("detail").stringValue())
                    .isEqualTo("no module 'nope'");
        }
    }

    @Test
    void aCreatedModuleIsWhereItsLocationSays() {
        try (var s = api.session(0L)) {
            Api.Response created = s.module("""
                    {"name": "net", "layers": [{"type": "linear", "inFeatures": 2, "outFeatures": 1}, {"type": "sigmoid"}]}""").expect(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).isEqualTo("/api/v1/sessions/" + s.id() + "/modules/net");
            JsonNode got = api.get(location.substring("/api/v1".length())).expect(200).json();
            assertThat(got).isEqualTo(created.json());
            assertThat(got.toString()).isEqualTo("""
                    {"name":"net","repr":"Sequential(\\n  (0): Linear(in_features=2, out_features=1, bias=True)\\n  (1): Sigmoid()\\n)",\
                    "parameters":{"net.0.weight":[1,2],"net.0.bias":[1]},"training":true}""");
        }
    }
}
