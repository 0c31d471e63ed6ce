package dev.backprop.engine;

import static dev.backprop.engine.OpSamples.add;
import static dev.backprop.engine.OpSamples.any;
import static dev.backprop.engine.OpSamples.s;

import dev.backprop.engine.OpSamples.In;
import dev.backprop.engine.OpSamples.Longs;
import dev.backprop.engine.OpSamples.Sample;
import java.util.List;
import java.util.Map;

/**
 * Samples of the ops of {@link ActivationOpDefs} and of the classification and regression losses of {@link LossOpDefs}.
 * Inputs of ops with kinks (leaky_relu, elu, hardtanh, the L1-like losses) are drawn away from them, so that finite
 * differences see one side only.
 */
final class ActivationSamples {
    private ActivationSamples() {}

    static void register() {
        activations();
        classificationLosses();
        regressionLosses();
    }

    private static void activations() {
        add("softmax", s("dim 1", Map.of("dim", 1), any(2, 3)), s("dim 0 of 3-D", Map.of("dim", 0), any(2, 3, 2)),
                new Sample("float32 as float64", List.of(In.of(-2, 2, 3).float32()), Map.of("dim", -1, "dtype", "float64"), 1.0 / 1024));
        add("log_softmax", s("dim 1", Map.of("dim", 1), any(2, 3)), s("dim -2 of 3-D", Map.of("dim", -2), any(2, 3, 2)),
                s("0-d", Map.of("dim", 0), any()));
        add("leaky_relu", s("positive", Map.of(), positiveSide()), s("negative", Map.of(), negativeSide()),
                s("slope 0.2", Map.of("negative_slope", 0.2), negativeSide()));
        add("leaky_relu_", s("slope 0.1", Map.of("negative_slope", 0.1), negativeSide()));
        add("gelu", s("none", Map.of(), any(2, 3)), s("tanh", Map.of("approximate", "tanh"), any(2, 3)));
        add("softplus", s("default", Map.of(), any(2, 3)), s("beta 2 threshold 1", Map.of("beta", 2, "threshold", 1), In.of(-2, 0.3, 4)),
                s("beyond the threshold", Map.of("beta", 2, "threshold", 1), In.of(0.7, 2, 3)));
        add("silu", s("2x3", Map.of(), any(2, 3)));
        add("elu", s("positive", Map.of(), positiveSide()), s("negative", Map.of(), negativeSide()),
                s("alpha 0.5", Map.of("alpha", 0.5), negativeSide()));
        add("elu_", s("alpha 2", Map.of("alpha", 2.0), negativeSide()));
        add("hardtanh", s("inside", Map.of(), In.of(-0.9, 0.9, 2, 3)), s("clipped", Map.of(), In.of(1.1, 2, 3)),
                s("bounds", Map.of("min_val", -0.5, "max_val", 2.0), In.of(-0.4, 1.9, 4)));
        add("hardtanh_", s("inside", Map.of("min_val", -2.0, "max_val", 2.0), In.of(-1.9, 1.9, 3)));
    }

    private static void classificationLosses() {
        In weight = In.constant(0.5, 2, 3);
        add("nll_loss", s("mean", Map.of(), any(2, 3), new Longs(0, 2)),
                s("weight ignore_index sum", Map.of("reduction", "sum", "ignore_index", 1), any(3, 3), new Longs(0, 1, 2), weight),
                s("none", Map.of("reduction", "none"), any(3, 3), new Longs(2, 1, 0)),
                s("no batch", Map.of(), any(3), new Longs(new long[] {1}, new int[0])),
                s("4-D", Map.of(), any(2, 3, 2, 2), new Longs(new long[] {0, 1, 2, 0, 1, 1, 2, 0}, 2, 2, 2)),
                s("3-D none", Map.of("reduction", "none"), any(2, 3, 2), new Longs(new long[] {0, 2, 1, 1}, 2, 2)));
        add("cross_entropy", s("class indices", Map.of(), any(2, 3), new Longs(0, 2)),
                s("weight ignore_index", Map.of("ignore_index", 1), any(3, 3), new Longs(0, 1, 2), weight),
                s("3-D none", Map.of("reduction", "none"), any(2, 3, 2), new Longs(new long[] {0, 2, 1, 1}, 2, 2)),
                s("4-D sum", Map.of("reduction", "sum"), any(2, 3, 1, 2), new Longs(new long[] {0, 2, 1, 1}, 2, 1, 2)),
                s("label smoothing", Map.of("label_smoothing", 0.2, "ignore_index", 0), any(3, 3), new Longs(0, 1, 2), weight),
                s("probabilities", Map.of(), any(2, 3), In.of(0, 1, 2, 3)),
                s("probabilities weight smoothing", Map.of("label_smoothing", 0.1), any(2, 3), In.constant(0, 1, 2, 3), weight),
                s("probabilities none", Map.of("reduction", "none"), any(2, 3, 2), In.constant(0, 1, 2, 3, 2)));
    }

    private static void regressionLosses() {
        add("l1_loss", s("mean", Map.of(), any(2, 3), In.of(2.5, 3, 2, 3)), s("sum broadcast", Map.of("reduction", "sum"), any(2, 3),
                In.of(2.5, 3, 3)), s("none", Map.of("reduction", "none"), any(3), In.constant(2.5, 3, 3)));
        add("smooth_l1_loss", s("quadratic", Map.of(), In.of(0, 0.4, 2, 3), In.of(0.5, 0.9, 2, 3)),
                s("linear sum", Map.of("reduction", "sum"), In.of(-2, -1.5, 4), In.of(1, 2, 4)),
                s("beta 0.5 none", Map.of("reduction", "none", "beta", 0.5), In.of(-2, -1.5, 4), In.of(-1.7, -1.6, 4)));
        add("huber_loss", s("quadratic", Map.of(), In.of(0, 0.4, 2, 3), In.of(0.5, 0.9, 2, 3)),
                s("linear sum", Map.of("reduction", "sum"), In.of(-2, -1.5, 4), In.of(1, 2, 4)),
                s("delta 2 none", Map.of("reduction", "none", "delta", 2.0), In.of(3, 4, 3), In.constant(0, 0.5, 3)));
    }

    /** Values at least 0.2 away from the kink at 0, on one side. */
    private static In positiveSide() {
        return In.of(0.2, 2, 2, 3);
    }

    private static In negativeSide() {
        return In.of(-2, -0.2, 2, 3);
    }
}
