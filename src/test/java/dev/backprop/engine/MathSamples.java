package dev.backprop.engine;

import static dev.backprop.engine.OpSamples.add;
import static dev.backprop.engine.OpSamples.any;
import static dev.backprop.engine.OpSamples.positive;
import static dev.backprop.engine.OpSamples.s;

import dev.backprop.engine.OpSamples.In;
import java.util.List;
import java.util.Map;

/**
 * Samples of the elementwise math ops and the numeric reductions added beside the first ones, drawn away from
 * their kinks and poles: floor, ceil and round inside one unit interval (round's decimals inside one tenth),
 * remainder's quotients away from integers, atan2 away from the origin, norms of orders 1 and below on values
 * away from zero.
 */
final class MathSamples {
    private MathSamples() {}

    static void register() {
        add("sin", s("2x3", Map.of(), any(2, 3)));
        add("cos", s("2x3", Map.of(), any(2, 3)));
        add("log1p", s("above -1", Map.of(), In.of(-0.5, 2, 2, 3)));
        add("expm1", s("2x3", Map.of(), any(2, 3)));
        add("log2", s("positive", Map.of(), positive(2, 3)));
        add("square", s("2x3", Map.of(), any(2, 3)));
        add("rsqrt", s("positive", Map.of(), positive(2, 3)));
        add("reciprocal", s("positive", Map.of(), positive(3)), s("negative", Map.of(), In.of(-2, -0.5, 3)));
        add("floor", s("inside (1, 2)", Map.of(), In.of(1.1, 1.9, 2, 3)));
        add("ceil", s("inside (-1, 0)", Map.of(), In.of(-0.9, -0.1, 2, 3)));
        add("round", s("inside (0.5, 1.5)", Map.of(), In.of(0.6, 1.4, 2, 3)),
                s("decimals 1", Map.of("decimals", 1), In.of(0.21, 0.24, 3)));
        add("erf", s("2x3", Map.of(), any(2, 3)), s("tails", Map.of(), In.of(2.5, 3.5, 3)));
        add("remainder", s("tensor", Map.of(), In.of(0.1, 0.9, 2, 3), In.of(1.5, 2, 3)),
                s("signs differ", Map.of(), In.of(-0.9, -0.1, 3), In.of(1.5, 2, 3)),
                s("number", Map.of(), In.of(2.2, 3.8, 3), 1.5));
        add("atan2", s("broadcast", Map.of(), any(2, 3), positive(3)), s("left half-plane", Map.of(), In.of(0.5, 2, 3), In.of(-2, -0.5, 3)));
        add("lerp", s("small weight", Map.of(), any(2, 3), any(3), 0.3), s("large weight", Map.of(), any(3), any(3), 0.7),
                s("tensor weight", Map.of(), any(2, 3), any(3), In.of(0, 1, 2, 1)));
        add("prod", s("all", Map.of(), any(2, 3)), s("dim", Map.of("dim", 1), any(2, 3)),
                s("dim keepdim", Map.of("dim", 0, "keepdim", true), any(3, 2)), s("dtype", Map.of("dtype", "float64"), any(4)));
        add("std", s("all", Map.of(), any(2, 3)), s("dim keepdim", Map.of("dim", 1, "keepdim", true), any(2, 3)),
                s("unbiased=False", Map.of("dim", List.of(0, 2), "unbiased", false), any(2, 3, 2)),
                s("correction 0", Map.of("dim", 0, "correction", 0), any(3, 2)));
        add("var", s("all", Map.of(), any(2, 3)), s("dim", Map.of("dim", 1), any(2, 3)),
                s("correction 2", Map.of("dim", List.of(0, 1), "correction", 2), any(2, 3)));
        add("norm", s("default", Map.of(), any(2, 3)), s("dim", Map.of("dim", 1), any(2, 3)),
                s("p=1", Map.of("p", 1), In.of(0.2, 2, 2, 3)), s("p=inf", Map.of("p", Double.POSITIVE_INFINITY, "dim", 0), any(3, 2)),
                s("p=3 keepdim", Map.of("p", 3, "dim", 1, "keepdim", true), any(2, 3)), s("p=0.5", Map.of("p", 0.5), In.of(0.2, 2, 4)),
                s("p=1.5", Map.of("p", 1.5), any(4)), s("fro over two dims", Map.of("p", "fro", "dim", List.of(0, 1)), any(2, 3)),
                s("dtype", Map.of("p", 2, "dtype", "float64"), any(3)));
        add("logsumexp", s("dim", Map.of("dim", 1), any(2, 3)), s("dims keepdim", Map.of("dim", List.of(0, 1), "keepdim", true), any(2, 3)));
        add("cumsum", s("dim 1", Map.of("dim", 1), any(2, 3)), s("dim -1 dtype", Map.of("dim", -1, "dtype", "float64"), any(4)));
        for (String u : List.of("sin", "cos", "log1p", "expm1", "log2", "square", "rsqrt", "reciprocal", "erf")) {
            add(u + "_", s("non-leaf", Map.of(), positive(2, 3)));
        }
        add("floor_", s("non-leaf", Map.of(), In.of(1.1, 1.9, 3)));
        add("ceil_", s("non-leaf", Map.of(), In.of(1.1, 1.9, 3)));
        add("round_", s("non-leaf", Map.of(), In.of(1.1, 1.4, 3)), s("decimals", Map.of("decimals", 1), In.of(0.21, 0.24, 3)));
        add("remainder_", s("tensor", Map.of(), In.of(0.1, 0.9, 2, 3), In.of(1.5, 2, 3)), s("number", Map.of(), In.of(2.2, 3.8, 3), 1.5));
        add("atan2_", s("tensor", Map.of(), any(2, 3), positive(3)));
        add("lerp_", s("number", Map.of(), any(2, 3), any(3), 0.3), s("tensor weight", Map.of(), any(3), any(3), In.of(0, 1, 3)));
    }
}
