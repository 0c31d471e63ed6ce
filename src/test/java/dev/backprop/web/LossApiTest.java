package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.Ulps;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A loss over HTTP whose keyword arguments name a tensor: {@code F.cross_entropy(x, t, weight=w, ignore_index=3)},
 * then backward. The expected numbers are PyTorch 1.13's (the case "cross_entropy weight ignore_index" of
 * engine/ClassificationLossesTest.py, whose gradient of the loss itself is twice the one printed there).
 */
@ServiceTest
class LossApiTest extends ApiTest {
    @Test
    void crossEntropyTakesItsWeightByNameAndIgnoresTheTargetsItIsTold() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [[0.2, -1.1, 2.3, 0.7], [1.5, 0.3, -0.4, -2.0], [-0.6, 1.9, 0.1, 0.8]],
                     "requiresGrad": true}""").expect(201);
            s.tensor("""
                    {"name": "t", "data": [1, 0, 3], "dtype": "int64"}""").expect(201);
            s.tensor("""
                    {"name": "w", "data": [0.5, 1.0, 2.0, 1.5]}""").expect(201);
            JsonNode loss = s.op("""
                    {"op": "cross_entropy", "inputs": ["x", "t"], "attrs": {"weight": "w", "ignore_index": 3}, "out": "loss"}""")
                    .expect(200).json();
            assertThat(loss.get("gradFn").stringValue()).isEqualTo("NllLossBackward0");
            Ulps.assertWithin(new float[] {(float) loss.get("data").doubleValue()}, new float[] {2.60143780708313f}, 3);
            s.backward("""
                    {"tensors": ["loss"]}""").expect(200);
            JsonNode grad = s.view("x").get("grad");
            Ulps.assertWithin(Api.floats(grad.get(0)),
                    new float[] {0.060128193348646164f, -0.6502798199653625f, 0.49101704359054565f, 0.09913463890552521f}, 2, 2e-7f);
            Ulps.assertWithin(Api.floats(grad.get(1)),
                    new float[] {-0.10825413465499878f, 0.06779254972934723f, 0.03366479277610779f, 0.00679680285975337f}, 2, 2e-7f);
            assertThat(Api.floats(grad.get(2))).as("the ignored target's row").containsExactly(0f, 0f, 0f, 0f);
        }
    }

    @Test
    void aTargetOutOfRangeIsRefusedWithPyTorchsText() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [[0.2, -1.1], [1.5, 0.3]]}""").expect(201);
            s.tensor("""
                    {"name": "t", "data": [1, 5], "dtype": "int64"}""").expect(201);
            JsonNode problem = s.op("""
                    {"op": "cross_entropy", "inputs": ["x", "t"]}""").problem(422, "invalid-argument");
            assertThat(problem.get("detail").stringValue()).isEqualTo("Target 5 is out of bounds.");
        }
    }
}
