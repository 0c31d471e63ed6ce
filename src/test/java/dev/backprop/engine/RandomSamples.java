package dev.backprop.engine;

import static dev.backprop.engine.OpSamples.add;
import static dev.backprop.engine.OpSamples.any;
import static dev.backprop.engine.OpSamples.s;

import dev.backprop.engine.OpSamples.In;
import dev.backprop.engine.OpSamples.Sample;
import java.util.List;
import java.util.Map;

/** Samples of the ops of {@link RandomOpDefs} beyond the first factories. */
final class RandomSamples {
    private RandomSamples() {}

    /** {@code bernoulli(input, p)} has no sample: its result never requires grad, which gradcheck refuses; RandomOpsTest runs it. */
    static void register() {
        add("randint", s("high and size", Map.of(), 10, List.of(2, 3)), s("low, high and size", Map.of("dtype", "float32"), -5, 5, List.of(4)));
        add("randperm", s("5", Map.of(), 5), s("float64", Map.of("dtype", "float64"), 4));
        add("rand_like", s("2x3", Map.of(), any(2, 3)), s("float64 of a transpose", Map.of("dtype", "float64"), any(3, 2).transposed()));
        add("randn_like", s("2x3", Map.of(), any(2, 3)), s("transposed", Map.of(), any(4, 5).transposed()));
        add("bernoulli", s("probabilities", Map.of(), In.of(0.1, 0.9, 2, 3)), s("probabilities float32", Map.of(), In.of(0.1, 0.9, 5).float32()));
        add("multinomial", s("without replacement", Map.of(), In.constant(0.1, 1, 5), 3),
                s("rows with replacement", Map.of("replacement", true), In.constant(0.1, 1, 2, 4), 6));
        add("dropout", s("p 0.5", Map.of(), any(2, 3)), new Sample("p 0.25 float32", List.of(any(8).float32()), Map.of("p", 0.25), 1.0 / 1024),
                s("p 1", Map.of("p", 1.0), any(3)), s("not training", Map.of("training", false), any(3)));
        add("dropout_", s("p 0.5", Map.of(), any(2, 3)), s("p 1", Map.of("p", 1.0), any(3)));
    }
}
