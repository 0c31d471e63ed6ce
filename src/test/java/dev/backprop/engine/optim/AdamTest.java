package dev.backprop.engine.optim;

import static dev.backprop.engine.optim.SGDTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.engine.DType;
import dev.backprop.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * torch.optim.Adam's update (PyTorch 1.13, _single_tensor_adam) on float64 parameters over three steps,
 * p0 = [1, -2, 0.5], gradients [0.1, -0.2, 3], [0.05, 0.4, -0.001], [-0.3, 0.2, 0], lr = 0.1,
 * betas = (0.9, 0.999), eps = 1e-8. The third coordinate's squared average decays after its large first
 * gradient, which is where amsgrad differs. Expected values come from Python floats, op for op:
 * <pre>
 * step += 1; bc1 = 1 - b1**step; bc2 = 1 - b2**step; step_size = lr / bc1; bc2s = math.sqrt(bc2)
 * g = -g if maximize else g;  g = g + wd * p
 * m = m * b1;  m = m + (1 - b1) * g
 * v = v * b2;  v = v + ((1 - b2) * g) * g              # addcmul_: self + value * t1 * t2
 * s = max(vmax, v) if amsgrad else v
 * p = p + ((-step_size) * m) / (math.sqrt(s) / bc2s + eps)   # addcdiv_: self + value * t1 / t2
 * </pre>
 * PyTorch's vectorised kernels may fuse a multiply and an add, so agreement is asserted to 1e-15.
 */
class AdamTest {
    private static final double[][] GRADS = {{0.1, -0.2, 3.0}, {0.05, 0.4, -0.001}, {-0.3, 0.2, 0.0}};

    private static double[][] run(double weightDecay, boolean amsgrad, boolean maximize) {
        Tensor p = Tensor.of(new double[] {1.0, -2.0, 0.5}, 3).requiresGrad_(true);
        Adam opt = new Adam(List.of(p), 0.1, 0.9, 0.999, 1e-8, weightDecay, amsgrad, maximize);
        double[][] out = new double[GRADS.length][];
        for (int s = 0; s < GRADS.length; s++) {
            p.setGrad(Tensor.of(GRADS[s].clone(), 3));
            int version = p.version();
            opt.step();
            assertThat(p.version()).isEqualTo(version + 1);
            assertThat(opt.stepCount(0)).isEqualTo(s + 1);
            opt.zeroGrad();
            out[s] = new double[] {p.getDouble(0), p.getDouble(1), p.getDouble(2)};
        }
        return out;
    }

    private static void assertClose(double[][] actual, double[][] expected) {
        for (int s = 0; s < expected.length; s++) {
            for (int i = 0; i < expected[s].length; i++) {
                assertThat(actual[s][i]).as("step %d, element %d", s + 1, i).isCloseTo(expected[s][i], within(1e-15));
            }
        }
    }

    @Test
    void plainAdam() {
        assertClose(run(0, false, false), new double[][] {
            {0.900000009999999, -1.9000000049999999, 0.4000000003333333},
            {0.8067820579118706, -1.9366103565460369, 0.33301899593277706},
            {0.8415044067303888, -1.9885344363316624, 0.28124248545425584}});
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        assertClose(run(0.1, false, false), new double[][] {
            {0.9000000049999998, -1.9000000025, 0.40000000032786887},
            {0.8024279605647513, -1.87528316883678, 0.3320477404760342},
            {0.7891499099836612, -1.857948684170344, 0.27882750283049373}});
    }

    @Test
    void amsgradKeepsTheLargestSecondMoment() {
        assertClose(run(0, true, false), new double[][] {
            {0.900000009999999, -1.9000000049999999, 0.4000000003333333},
            {0.8067820579118706, -1.9366103565460369, 0.3330524910886052},
            {0.8415044067303888, -1.9885344363316624, 0.281327754243791}});
    }

    @Test
    void amsgradWithWeightDecayAndMaximize() {
        assertClose(run(0.1, true, true), new double[][] {
            {1.0, -2.0, 0.5999999996610169},
            {0.9255863386854011, -1.9255863193968106, 0.6654335898680197},
            {0.854952173518277, -1.842471658996394, 0.7145476718341988}});
    }

    @Test
    void stateIsCreatedOnTheFirstStepInTheParametersDtype() {
        Tensor p = Tensor.of(new float[] {1f, -1f}, 2).requiresGrad_(true);
        Tensor idle = Tensor.of(new float[] {5f}, 1).requiresGrad_(true);
        Adam opt = new Adam(List.of(p, idle));
        assertThat(opt.expAvg(0)).isNull();
        p.setGrad(Tensor.of(new float[] {0.5f, -2f}, 2));
        opt.step();
        assertThat(opt.expAvg(0).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(opt.expAvgSq(0).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(opt.expAvg(1)).as("skipped: no grad").isNull();
        assertThat(opt.stepCount(1)).isZero();
        // The first step moves every coordinate by lr against the sign of its gradient (m̂/√v̂ = sign(g)).
        assertThat(p.getDouble(0)).isCloseTo(0.999, within(1e-6));
        assertThat(p.getDouble(1)).isCloseTo(-0.999, within(1e-6));
    }

    @Test
    void invalidHyperparametersFailWithPyTorchsMessages() {
        List<Tensor> ps = List.of(Tensor.of(new double[] {1.0}, 1).requiresGrad_(true));
        assertInvalid(() -> new Adam(ps, -1, 0.9, 0.999, 1e-8, 0, false, false), "Invalid learning rate: -1.0");
        assertInvalid(() -> new Adam(ps, 1e-3, 0.9, 0.999, -1e-8, 0, false, false), "Invalid epsilon value: -1e-08");
        assertInvalid(() -> new Adam(ps, 1e-3, 1.0, 0.999, 1e-8, 0, false, false), "Invalid beta parameter at index 0: 1.0");
        assertInvalid(() -> new Adam(ps, 1e-3, 0.9, -0.5, 1e-8, 0, false, false), "Invalid beta parameter at index 1: -0.5");
        assertInvalid(() -> new Adam(ps, 1e-3, 0.9, 0.999, 1e-8, -0.01, false, false), "Invalid weight_decay value: -0.01");
    }
}
