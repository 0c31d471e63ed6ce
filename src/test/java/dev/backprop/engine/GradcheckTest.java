package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.OpSamples.Sample;
import dev.backprop.engine.random.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the op registry: every differentiable op has samples ({@link OpSamples}), and each sample passes
 * gradcheck and gradgradcheck in float64. An op added to the registry without a sample fails this test.
 * An op with several results is checked on its floating results flattened and joined.
 */
class GradcheckTest {
    @Test
    void everyDifferentiableOpHasSamples() {
        List<String> missing = new ArrayList<>();
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            if (def.differentiable() && !OpSamples.has(def.name())) missing.add(def.name());
        }
        assertThat(missing).as("differentiable ops without a gradcheck sample").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> firstDerivatives() {
        return cases().map(c -> DynamicTest.dynamicTest(c.name, () -> GradCheck.first(c.name, c.f, c.fresh(), c.sample.eps())));
    }

    @TestFactory
    Stream<DynamicTest> secondDerivatives() {
        return cases().map(c -> DynamicTest.dynamicTest(c.name, () -> GradCheck.second(c.name, c.f, c.fresh(), c.sample.eps())));
    }

    private record Case(String name, Function<List<Tensor>, Tensor> f, Sample sample) {
        /** The differentiated inputs, drawn afresh from a seed of the case's name. */
        List<Tensor> fresh() {
            Random r = new Random(name.hashCode());
            List<Tensor> out = new ArrayList<>();
            for (Object in : sample.inputs()) {
                if (OpSamples.differentiated(in)) out.add(OpSamples.make(in, sample, r));
            }
            return out;
        }
    }

    private static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            if (!def.differentiable()) continue;
            for (Sample sample : OpSamples.of(def.name())) {
                String name = def.name() + " " + sample.label();
                Function<List<Tensor>, Tensor> f = tensors -> {
                    Random constants = new Random(name.hashCode() + 1);
                    List<Object> inputs = new ArrayList<>();
                    int k = 0;
                    for (Object in : sample.inputs()) {
                        if (OpSamples.differentiated(in)) inputs.add(tensors.get(k++));
                        else inputs.add(OpSamples.made(in, sample, constants));
                    }
                    return joined(def.invoker().call(new OpArgs(def.name(), inputs, sample.attrs(), n -> null, new Generator(0))));
                };
                all.add(new Case(name, f, sample));
            }
        }
        return all.stream();
    }

    /** The one result, or the floating results flattened and joined. */
    private static Tensor joined(Tensor[] results) {
        if (results.length == 1) return results[0];
        List<Tensor> floating = new ArrayList<>();
        for (Tensor t : results) if (t.dtype().isFloating()) floating.add(t.reshape(-1));
        return Tensor.cat(floating, 0);
    }
}
