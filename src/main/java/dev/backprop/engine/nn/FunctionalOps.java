package dev.backprop.engine.nn;

import dev.backprop.engine.OpArgs;
import dev.backprop.engine.OpRegistry;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.random.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;

/**
 * Calls a functional op of the registry by name ({@code softmax}, {@code dropout}, {@code cross_entropy}), so
 * that a module's math is its op's one definition. Keyword values may be tensors (a loss's {@code weight}).
 */
final class FunctionalOps {
    private FunctionalOps() {}

    static Tensor call(String op, Map<String, Object> attrs, Tensor... inputs) {
        return call(op, attrs, null, inputs);
    }

    static Tensor call(String op, Map<String, Object> attrs, Generator gen, Tensor... inputs) {
        OpArgs args = new OpArgs(op, new ArrayList<>(Arrays.asList(inputs)), attrs, name -> {
            throw Specs.invalid(op + ": no tensor named '" + name + "'");
        }, gen);
        return OpRegistry.get(op).invoker().call(args)[0];
    }
}
