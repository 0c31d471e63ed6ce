package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * {@code torch.autograd.gradcheck} and {@code gradgradcheck}: analytical gradients (vector-Jacobian
 * products with a random cotangent) against central differences in float64.
 */
final class GradCheck {
    private static final double ATOL = 1e-5;
    private static final double RTOL = 1e-3;

    private GradCheck() {}

    /** First derivatives of {@code f} with respect to every input. */
    static void first(String what, Function<List<Tensor>, Tensor> f, List<Tensor> inputs, double eps) {
        Tensor out = f.apply(inputs);
        assertThat(out.requiresGrad()).as("%s: output requires grad", what).isTrue();
        Tensor v = randomLike(out, 7);
        Tensor[] analytic = expand(inputs, Autograd.grad(List.of(out), differentiable(inputs), List.of(v), true, false, true));
        compare(what, f, inputs, v, analytic, eps);
    }

    /** Second derivatives: the first derivative of {@code <grad f · v, u>} with respect to every input. */
    static void second(String what, Function<List<Tensor>, Tensor> f, List<Tensor> inputs, double eps) {
        Tensor out0 = f.apply(inputs);
        Tensor v = randomLike(out0, 11);
        List<Tensor> us = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) us.add(randomLike(inputs.get(i), 13 + i));
        Function<List<Tensor>, Tensor> h = xs -> {
            Tensor out = f.apply(xs);
            Tensor[] g = expand(xs, Autograd.grad(List.of(out), differentiable(xs), List.of(v), true, true, true));
            Tensor total = Tensor.of(new double[] {0});
            for (int i = 0; i < g.length; i++) {
                if (g[i] != null) total = total.add(g[i].toDouble().mul(us.get(i)).sum());
            }
            return total;
        };
        Tensor hOut = h.apply(inputs);
        Tensor[] analytic = hOut.requiresGrad()
                ? expand(inputs, Autograd.grad(List.of(hOut), differentiable(inputs), null, true, false, true))
                : new Tensor[inputs.size()];
        compare(what + " (second derivative)", h, inputs, Tensor.of(new double[] {1}), analytic, eps);
    }

    private static void compare(String what, Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Tensor v, Tensor[] analytic,
                                double eps) {
        for (int i = 0; i < inputs.size(); i++) {
            Tensor x = inputs.get(i);
            if (!x.requiresGrad()) continue;
            for (int j = 0; j < x.numel; j++) {
                double numeric = numericalDerivative(f, inputs, v, x, j, eps);
                double got = analytic[i] == null ? 0 : analytic[i].getDouble(j);
                assertThat(Math.abs(got - numeric))
                        .as("%s: d/d input %d [%d]: analytical %s, numerical %s", what, i, j, got, numeric)
                        .isLessThanOrEqualTo(ATOL + RTOL * Math.abs(numeric));
            }
        }
    }

    private static double numericalDerivative(Function<List<Tensor>, Tensor> f, List<Tensor> inputs, Tensor v, Tensor x, int j,
                                              double eps) {
        int at = storageIndex(x, j);
        double original = read(x, at);
        try {
            write(x, at, original + eps);
            double plus = dot(f.apply(inputs), v);
            write(x, at, original - eps);
            double minus = dot(f.apply(inputs), v);
            return (plus - minus) / (2 * eps);
        } finally {
            write(x, at, original);
        }
    }

    /** Where the {@code j}-th element in row-major order lives in {@code x}'s storage, whatever its strides. */
    private static int storageIndex(Tensor x, int j) {
        int at = x.offset;
        for (int d = x.dim() - 1; d >= 0; d--) {
            at += (j % x.shape[d]) * x.strides[d];
            j /= x.shape[d];
        }
        return at;
    }

    private static double read(Tensor x, int at) {
        return x.dtype == DType.FLOAT32 ? x.storage.f32[at] : x.storage.f64[at];
    }

    private static void write(Tensor x, int at, double value) {
        if (x.dtype == DType.FLOAT32) x.storage.f32[at] = (float) value;
        else x.storage.f64[at] = value;
    }

    private static List<Tensor> differentiable(List<Tensor> inputs) {
        return inputs.stream().filter(Tensor::requiresGrad).toList();
    }

    /** Spreads gradients of the differentiable inputs back to one slot per input. */
    private static Tensor[] expand(List<Tensor> inputs, Tensor[] grads) {
        Tensor[] out = new Tensor[inputs.size()];
        for (int i = 0, k = 0; i < out.length; i++) {
            if (inputs.get(i).requiresGrad()) out[i] = grads[k++];
        }
        return out;
    }

    private static double dot(Tensor out, Tensor v) {
        double s = 0;
        for (int i = 0; i < out.numel; i++) s += out.getDouble(i) * v.getDouble(i);
        return s;
    }

    static Tensor randomLike(Tensor t, long seed) {
        Random r = new Random(seed);
        double[] d = new double[t.numel];
        for (int i = 0; i < d.length; i++) d[i] = r.nextDouble() * 2 - 1;
        return Tensor.of(d, t.shape);
    }
}
