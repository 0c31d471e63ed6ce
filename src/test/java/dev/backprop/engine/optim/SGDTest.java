package dev.backprop.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import dev.backprop.engine.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * torch.optim.SGD's update, option by option. Parameters and gradients are float64 and dyadic, so every
 * intermediate value is exact and the expected values hold bit for bit. They were derived with exact
 * rational arithmetic (Python's fractions) from _single_tensor_sgd:
 * <pre>
 * d = -g if maximize else g;  d = d + wd * p
 * buf = d (first step, a clone) else buf = momentum * buf + (1 - dampening) * d
 * d = d + momentum * buf if nesterov else buf;  p = p - lr * d
 * </pre>
 * with p0 = [1, -2] and gradients [0.5, -1], [0.25, 0.75], [-1, 2] over three steps, lr = 0.5.
 */
class SGDTest {
    private static final double[][] GRADS = {{0.5, -1.0}, {0.25, 0.75}, {-1.0, 2.0}};

    private static Tensor param() {
        return Tensor.of(new double[] {1.0, -2.0}, 2).requiresGrad_(true);
    }

    /** Runs three steps with the given gradients and answers the parameter after each. */
    private static double[][] run(Function<List<Tensor>, Optimizer> make) {
        Tensor p = param();
        Optimizer opt = make.apply(List.of(p));
        double[][] out = new double[GRADS.length][];
        for (int s = 0; s < GRADS.length; s++) {
            p.setGrad(Tensor.of(GRADS[s].clone(), 2));
            opt.step();
            opt.zeroGrad();
            out[s] = new double[] {p.getDouble(0), p.getDouble(1)};
        }
        return out;
    }

    @Test
    void plainGradientDescent() {
        assertThat(run(ps -> new SGD(ps, 0.5))).isDeepEqualTo(new double[][] {{0.75, -1.5}, {0.625, -1.875}, {1.125, -2.875}});
    }

    @Test
    void firstStepCopiesTheGradientIntoTheBufferWithoutDampening() {
        // step 2: buf = 0.5 * [0.5, -1] + 0.75 * [0.25, 0.75] = [0.4375, 0.0625]
        assertThat(run(ps -> new SGD(ps, 0.5, 0.5, 0.25, 0, false, false)))
                .isDeepEqualTo(new double[][] {{0.75, -1.5}, {0.53125, -1.53125}, {0.796875, -2.296875}});
    }

    @Test
    void nesterov() {
        assertThat(run(ps -> new SGD(ps, 0.5, 0.5, 0, 0, true, false)))
                .isDeepEqualTo(new double[][] {{0.625, -1.25}, {0.375, -1.6875}, {1.0625, -3.21875}});
    }

    @Test
    void weightDecay() {
        assertThat(run(ps -> new SGD(ps, 0.5, 0, 0, 0.25, false, false)))
                .isDeepEqualTo(new double[][] {{0.625, -1.25}, {0.421875, -1.46875}, {0.869140625, -2.28515625}});
    }

    @Test
    void maximize() {
        assertThat(run(ps -> new SGD(ps, 0.5, 0, 0, 0, false, true)))
                .isDeepEqualTo(new double[][] {{1.25, -2.5}, {1.375, -2.125}, {0.875, -1.125}});
    }

    @Test
    void everyOptionTogether() {
        assertThat(run(ps -> new SGD(ps, 0.5, 0.5, 0, 0.25, true, true)))
                .isDeepEqualTo(new double[][] {{1.1875, -2.375}, {1.18359375, -1.4296875}, {0.221435546875, 0.47509765625}});
        assertThat(run(ps -> new SGD(ps, 0.5, 0.75, 0.5, 0.125, false, true)))
                .isDeepEqualTo(new double[][] {{1.1875, -2.375}, {1.353515625, -2.39453125}, {1.18572998046875, -1.8343505859375}});
    }

    @Test
    void theMomentumBufferIsACopyOfTheGradient() {
        Tensor p = param();
        SGD opt = new SGD(List.of(p), 0.5, 0.9);
        Tensor g = Tensor.of(new double[] {0.5, -1.0}, 2);
        p.setGrad(g);
        opt.step();
        assertThat(opt.momentumBuffer(0)).isNotSameAs(g);
        assertThat(opt.momentumBuffer(0).toNested()).isEqualTo(List.of(0.5, -1.0));
        assertThat(opt.momentumBuffer(0).requiresGrad()).isFalse();
    }

    @Test
    void stepUpdatesInPlaceAndBumpsTheVersionOnce() {
        Tensor p = param();
        Tensor untouched = Tensor.of(new double[] {3.0}, 1).requiresGrad_(true);
        SGD opt = new SGD(List.of(p, untouched), 0.5, 0.9);
        p.setGrad(Tensor.of(new double[] {0.5, -1.0}, 2));
        int before = p.version();
        opt.step();
        assertThat(p.version()).isEqualTo(before + 1);
        assertThat(p.isLeaf()).isTrue();
        assertThat(p.requiresGrad()).isTrue();
        assertThat(p.gradFn()).isNull();
        assertThat(untouched.version()).as("a parameter without grad is skipped").isZero();
        assertThat(untouched.item()).isEqualTo(3.0);
        assertThat(opt.momentumBuffer(1)).isNull();
    }

    @Test
    void invalidHyperparametersFailWithPyTorchsMessages() {
        List<Tensor> ps = List.of(param());
        assertInvalid(() -> new SGD(ps, -0.1), "Invalid learning rate: -0.1");
        assertInvalid(() -> new SGD(ps, 0.1, -0.5), "Invalid momentum value: -0.5");
        assertInvalid(() -> new SGD(ps, 0.1, 0, 0, -1e-5, false, false), "Invalid weight_decay value: -1e-05");
        assertInvalid(() -> new SGD(ps, 0.1, 0, 0, 0, true, false), "Nesterov momentum requires a momentum and zero dampening");
        assertInvalid(() -> new SGD(ps, 0.1, 0.9, 0.1, 0, true, false), "Nesterov momentum requires a momentum and zero dampening");
        assertInvalid(() -> new SGD(List.of(), 0.1), "optimizer got an empty parameter list");
        Tensor nonLeaf = param().mul(2.0);
        assertInvalid(() -> new SGD(List.of(nonLeaf), 0.1), "can't optimize a non-leaf Tensor");
    }

    static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(EngineException.class).hasMessage(message)
                .extracting(e -> ((EngineException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
