package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks the op registry: every differentiable op has samples here, and each sample passes gradcheck
 * and gradgradcheck in float64. An op added to the registry without a sample fails this test.
 */
class GradcheckTest {
    private static final double EPS = 1e-6;

    /** One call of an op: inputs are tensor specs (shape + domain) or numbers; attrs as JSON would give them. */
    private record Sample(String label, List<Object> inputs, Map<String, Object> attrs, double eps) {
        Sample(String label, List<Object> inputs, Map<String, Object> attrs) {
            this(label, inputs, attrs, EPS);
        }
    }

    /** A float64 input tensor to make: its shape and the interval its values are drawn from. */
    private record In(int[] shape, double lo, double hi, boolean requiresGrad) {
        static In of(double lo, double hi, int... shape) {
            return new In(shape, lo, hi, true);
        }

        static In constant(double lo, double hi, int... shape) {
            return new In(shape, lo, hi, false);
        }
    }

    private static In any(int... shape) {
        return In.of(-2, 2, shape);
    }

    private static In positive(int... shape) {
        return In.of(0.5, 2, shape);
    }

    private static Sample s(String label, Map<String, Object> attrs, Object... inputs) {
        return new Sample(label, List.of(inputs), attrs);
    }

    private static final Map<String, List<Sample>> SAMPLES = new LinkedHashMap<>();

    private static void add(String op, Sample... samples) {
        SAMPLES.put(op, List.of(samples));
    }

    static {
        add("neg", s("2x3", Map.of(), any(2, 3)));
        add("abs", s("away from 0", Map.of(), In.of(0.3, 2, 2, 3)), s("negative", Map.of(), In.of(-2, -0.3, 3)));
        add("sign", s("2x3", Map.of(), In.of(0.3, 2, 2, 3)));
        add("exp", s("2x3", Map.of(), any(2, 3)));
        add("log", s("positive", Map.of(), positive(2, 3)));
        add("sqrt", s("positive", Map.of(), positive(4)));
        add("sigmoid", s("2x3", Map.of(), any(2, 3)));
        add("tanh", s("2x3", Map.of(), any(2, 3)));
        add("relu", s("positive part", Map.of(), In.of(0.2, 2, 3)), s("negative part", Map.of(), In.of(-2, -0.2, 3)));
        add("add", s("broadcast", Map.of(), any(2, 3), any(3)), s("number", Map.of(), any(2), 1.5),
                s("alpha", Map.of("alpha", 2.5), any(2, 3), any(2, 1)));
        add("sub", s("broadcast", Map.of(), any(2, 1), any(1, 3)), s("alpha", Map.of("alpha", -0.5), any(3), any(3)));
        add("mul", s("broadcast", Map.of(), any(2, 3), any(3)), s("0-d", Map.of(), any(), any(2, 2)), s("number", Map.of(), any(3), 2.0));
        add("div", s("broadcast", Map.of(), any(2, 3), positive(3)), s("number", Map.of(), any(3), 4.0));
        add("pow", s("tensor exponent", Map.of(), positive(2, 2), any(2, 2)), s("number exponent", Map.of(), positive(3), 2.5),
                s("square", Map.of(), any(3), 2));
        add("maximum", s("distinct", Map.of(), In.of(0, 1, 4), In.of(1.5, 3, 4)));
        add("minimum", s("distinct", Map.of(), In.of(0, 1, 4), In.of(1.5, 3, 4)));
        add("view", s("2x3 to 3x2", Map.of("shape", List.of(3, 2)), any(2, 3)));
        add("reshape", s("2x3 to 6", Map.of("shape", List.of(-1)), any(2, 3)));
        add("t", s("2x3", Map.of(), any(2, 3)));
        add("transpose", s("2x3x2", Map.of("dim0", 0, "dim1", 2), any(2, 3, 2)));
        add("squeeze", s("all", Map.of(), any(2, 1, 3)), s("dim", Map.of("dim", 1), any(2, 1, 3)));
        add("unsqueeze", s("dim 1", Map.of("dim", 1), any(2, 3)));
        add("expand", s("1x3 to 2x3", Map.of("size", List.of(2, 3)), any(1, 3)));
        add("narrow", s("columns 1..2", Map.of("dim", 1, "start", 1, "length", 2), any(2, 4)));
        add("select", s("row 1", Map.of("dim", 0, "index", 1), any(3, 2)));
        add("contiguous", s("2x3", Map.of(), any(2, 3)));
        add("cat", s("dim 0", Map.of("dim", 0), any(2, 3), any(1, 3)), s("dim 1", Map.of("dim", 1), any(2, 1), any(2, 2)));
        add("stack", s("dim 1", Map.of("dim", 1), any(2, 3), any(2, 3)));
        add("sum", s("all", Map.of(), any(2, 3)), s("dim keepdim", Map.of("dim", 1, "keepdim", true), any(2, 3)),
                s("dims", Map.of("dim", List.of(0, 2)), any(2, 3, 2)));
        add("mean", s("all", Map.of(), any(2, 3)), s("dim", Map.of("dim", 0), any(2, 3)));
        add("max", s("all", Map.of(), any(2, 3)), s("dim", Map.of("dim", 1), any(2, 3)),
                s("other", Map.of(), In.of(0, 1, 3), In.of(1.5, 2, 3)));
        add("min", s("all", Map.of(), any(2, 3)), s("dim keepdim", Map.of("dim", 0, "keepdim", true), any(2, 3)));
        add("clamp", s("inside", Map.of("min", -5.0, "max", 5.0), any(2, 3)), s("clipped", Map.of("min", 0.5), In.of(-1, -0.1, 3)),
                s("tensor bounds", Map.of(), any(4), In.of(-3, -2.5, 4), In.of(2.5, 3, 4)));
        add("clamp_min", s("min", Map.of("min", 0.0), In.of(0.2, 2, 3)));
        add("clamp_max", s("max", Map.of("max", 0.0), In.of(0.2, 2, 3)));
        add("where", s("mask", Map.of(), new Mask(new boolean[] {true, false, true}), any(3), any(3)));
        add("matmul", s("mm", Map.of(), any(2, 3), any(3, 4)), s("dot", Map.of(), any(3), any(3)), s("mv", Map.of(), any(2, 3), any(3)),
                s("vector-matrix", Map.of(), any(3), any(3, 2)), s("batched", Map.of(), any(2, 2, 3), any(3, 2)),
                s("broadcast batch", Map.of(), any(2, 1, 2, 3), any(3, 3, 2)));
        add("mm", s("2x3 3x2", Map.of(), any(2, 3), any(3, 2)));
        add("bmm", s("2x2x3 2x3x2", Map.of(), any(2, 2, 3), any(2, 3, 2)));
        add("dot", s("3", Map.of(), any(3), any(3)));
        add("mv", s("2x3 3", Map.of(), any(2, 3), any(3)));
        add("outer", s("2 3", Map.of(), any(2), any(3)));
        add("addmm", s("bias row", Map.of(), any(3), any(2, 4), any(4, 3)),
                s("beta alpha", Map.of("beta", 0.5, "alpha", 2.0), any(2, 3), any(2, 4), any(4, 3)));
        add("linear", s("2-D input", Map.of(), any(4, 3), any(2, 3), any(2)), s("1-D input", Map.of(), any(3), any(2, 3), any(2)),
                s("no bias", Map.of(), any(4, 3), any(2, 3)));
        add("binary_cross_entropy", s("mean", Map.of(), In.of(0.1, 0.9, 4), In.of(0, 1, 4)),
                s("sum", Map.of("reduction", "sum"), In.of(0.1, 0.9, 2, 2), In.constant(0, 1, 2, 2)),
                s("none", Map.of("reduction", "none"), In.of(0.1, 0.9, 3), In.of(0, 1, 3)));
        add("binary_cross_entropy_with_logits", s("mean", Map.of(), any(4), In.of(0, 1, 4)),
                s("none", Map.of("reduction", "none"), any(3), In.of(0, 1, 3)));
        add("mse_loss", s("mean", Map.of(), any(2, 3), any(2, 3)), s("sum", Map.of("reduction", "sum"), any(4), any(4)),
                s("none", Map.of("reduction", "none"), any(3), any(3)));
        add("float", new Sample("to float32", List.of(In.of(0.25, 1, 3)), Map.of(), 1.0 / 1024));
        add("double", s("identity", Map.of(), any(3)));
        add("to", s("to float64", Map.of("dtype", "float64"), any(3)));
        add("clone", s("2x3", Map.of(), any(2, 3)));
    }

    /** A bool input. */
    private record Mask(boolean[] values) {}

    @Test
    void everyDifferentiableOpHasSamples() {
        List<String> missing = new ArrayList<>();
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            if (def.differentiable() && !SAMPLES.containsKey(def.name())) missing.add(def.name());
        }
        assertThat(missing).as("differentiable ops without a gradcheck sample").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> firstDerivatives() {
        return cases().map(c -> DynamicTest.dynamicTest(c.name, () -> GradCheck.first(c.name, c.f, c.fresh(), c.eps)));
    }

    @TestFactory
    Stream<DynamicTest> secondDerivatives() {
        return cases().map(c -> DynamicTest.dynamicTest(c.name, () -> GradCheck.second(c.name, c.f, c.fresh(), c.eps)));
    }

    private record Case(String name, Function<List<Tensor>, Tensor> f, Sample sample, double eps) {
        List<Tensor> fresh() {
            Random r = new Random(name.hashCode());
            List<Tensor> out = new ArrayList<>();
            for (Object in : sample.inputs()) {
                if (in instanceof In spec) {
                    int n = Shapes.numel(spec.shape());
                    double[] d = new double[n];
                    for (int i = 0; i < n; i++) d[i] = spec.lo() + (spec.hi() - spec.lo()) * r.nextDouble();
                    if (sample.eps() != EPS) {
                        for (int i = 0; i < n; i++) d[i] = Math.round(d[i] * 1024) / 1024.0;
                    }
                    out.add(Tensor.of(d, spec.shape()).requiresGrad_(spec.requiresGrad()));
                }
            }
            return out;
        }
    }

    private static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            if (!def.differentiable()) continue;
            for (Sample sample : SAMPLES.getOrDefault(def.name(), List.of())) {
                Function<List<Tensor>, Tensor> f = tensors -> {
                    List<Object> inputs = new ArrayList<>();
                    int k = 0;
                    for (Object in : sample.inputs()) {
                        if (in instanceof In) inputs.add(tensors.get(k++));
                        else if (in instanceof Mask m) inputs.add(Tensor.of(m.values(), m.values().length));
                        else inputs.add(in);
                    }
                    return def.invoker().call(new OpArgs(def.name(), inputs, sample.attrs(), name -> null, null))[0];
                };
                all.add(new Case(def.name() + " " + sample.label(), f, sample, sample.eps()));
            }
        }
        return all.stream();
    }
}
