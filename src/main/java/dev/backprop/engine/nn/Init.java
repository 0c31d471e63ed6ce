package dev.backprop.engine.nn;

import dev.backprop.engine.DType;
import dev.backprop.engine.RandomOps;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.random.Generator;

/**
 * The parts of torch/nn/init.py that {@link Linear} uses. Bounds are computed in double as Python
 * computes them; the generator then casts them to float32, as {@code uniform_} does on a float tensor.
 */
public final class Init {
    private Init() {}

    /**
     * The bound of {@code kaiming_uniform_(w, a, mode='fan_in', nonlinearity='leaky_relu')}:
     * {@code gain = sqrt(2 / (1 + a**2))}, {@code std = gain / sqrt(fan_in)}, {@code bound = sqrt(3) * std}.
     * With {@code a = sqrt(5)} this is 1/sqrt(fan_in) up to rounding, and the rounding is PyTorch's.
     */
    public static double kaimingUniformBound(int fanIn, double a) {
        double gain = Math.sqrt(2.0 / (1 + a * a));
        double std = gain / Math.sqrt(fanIn);
        return Math.sqrt(3.0) * std;
    }

    /** {@code torch.empty(shape).uniform_(-bound, bound)}: a float32 tensor; nothing is drawn when it has no elements. */
    public static Tensor uniform(int[] shape, double bound, Generator gen) {
        return RandomOps.uniform(shape, DType.FLOAT32, -bound, bound, gen);
    }
}
