package dev.backprop.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.engine.Reduction;
import dev.backprop.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loss modules call the functional losses with their settings. */
class LossesTest {
    private final Tensor half = Tensor.of(new float[] {0.5f, 0.5f}, 2);
    private final Tensor targets = Tensor.of(new float[] {0f, 1f}, 2);

    @Test
    void bceLoss() {
        Tensor p = half.clone().requiresGrad_(true);
        Tensor loss = new BCELoss().forward(p, targets);
        assertThat(loss.item()).isCloseTo(Math.log(2), within(1e-7));
        assertThat(loss.gradFnName()).isEqualTo("BinaryCrossEntropyBackward0");
        assertThat(new BCELoss(Reduction.SUM).forward(half, targets).item()).isCloseTo(2 * Math.log(2), within(1e-6));
        assertThat(new BCELoss(Reduction.NONE).forward(half, targets).shape()).containsExactly(2);
        Tensor weight = Tensor.of(new float[] {1f, 3f}, 2);
        assertThat(new BCELoss(weight, Reduction.SUM).forward(half, targets).item()).isCloseTo(4 * Math.log(2), within(1e-6));
    }

    @Test
    void bceWithLogitsLoss() {
        Tensor logits = Tensor.of(new float[] {0f, 0f}, 2);
        assertThat(new BCEWithLogitsLoss().forward(logits, targets).item()).isCloseTo(Math.log(2), within(1e-7));
        Tensor posWeight = Tensor.of(new float[] {2f}, 1);
        // target 0 counts once, target 1 twice: (1 + 2) * ln 2 / 2
        assertThat(new BCEWithLogitsLoss(null, Reduction.MEAN, posWeight).forward(logits, targets).item())
                .isCloseTo(1.5 * Math.log(2), within(1e-6));
    }

    @Test
    void mseLoss() {
        Tensor x = Tensor.of(new float[] {1f, 3f}, 2);
        assertThat(new MSELoss().forward(x, targets).item()).isEqualTo(2.5);
        assertThat(new MSELoss(Reduction.NONE).forward(x, targets).toNested()).isEqualTo(List.of(1f, 4f));
    }
}
