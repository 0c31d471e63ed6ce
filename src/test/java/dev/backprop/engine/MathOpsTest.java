package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The math ops against PyTorch 1.13: values and gradients in float32 and float64, int64 inputs, grad_fn names and
 * error texts, as {@code MathOpsTest.py} (beside this file) prints them ({@link MathOpsExpected}).
 *
 * <p>Results are compared bit for bit, except where PyTorch's kernel is not correctly rounded, so that the engine's
 * (the double result rounded once) may differ in the last bit: the transcendental functions, which ATen computes
 * with SLEEF's 1-ulp vector functions in both dtypes ({@code cos(1f)} is 0x1.14a282p-1 there, one ulp above the
 * correctly rounded 0x1.14a28p-1), and the reductions that ATen accumulates in another order or precision than the
 * engine's single double sum (float32 norms and logsumexp, float64 std by Welford's updates). Those are allowed one
 * unit in the last place, {@link #ONE_ULP} (norms' gradients two, {@link #NORM_GRAD_ULPS}); everything else, including float32 +, *, /, sqrt, rsqrt, remainder,
 * atan2, lerp, prod, float32 std and var, cumsum and the rounding ops, must match PyTorch's bits.
 */
class MathOpsTest {
    private static final int ONE_ULP = 1;
    /** A norm's gradient divides by the norm raised to p - 1, which turns its 1-ulp difference into up to 2. */
    private static final int NORM_GRAD_ULPS = 2;

    private static final double[] ANY = {-2.75, -1.3, -0.5, 0.1, 0.7, 1.0, 2.5, 3.9};
    private static final double[] POSITIVE = {0.1, 0.7, 1.0, 2.5, 3.9, 0.35, 5.5, 12.25};
    private static final double[] HALVES = {0.5, 1.5, -2.5, 2.4999};
    /** The ops whose ATen kernels are SLEEF's (or, for erf, an approximation) within 1 ulp. */
    private static final Map<String, Integer> ULPS = Map.of("sin", ONE_ULP, "cos", ONE_ULP, "log1p", ONE_ULP, "expm1", ONE_ULP,
            "log2", ONE_ULP, "erf", ONE_ULP);

    private static Tensor call(String op, Map<String, Object> attrs, Object... inputs) {
        return OpRegistry.get(op).invoker().call(new OpArgs(op, new ArrayList<>(Arrays.asList(inputs)), attrs, n -> null, null))[0];
    }

    private static Tensor leaf(DType dtype, double... values) {
        return Tensor.of(values, values.length).to(dtype).requiresGrad_(true);
    }

    private static Tensor f32(double... values) {
        return leaf(DType.FLOAT32, values);
    }

    private static void backwardOnes(Tensor r) {
        r.backward(Factories.ones(r.shape(), r.dtype()), false, false);
    }

    /** The tensor's values equal PyTorch's under {@code key}, within {@code ulps} units in the last place of its dtype. */
    private static void expect(String key, Tensor actual, int ulps) {
        double[] expected = MathOpsExpected.VALUES.get(key);
        assertThat(expected).as("PyTorch's values for '%s'", key).isNotNull();
        assertThat(actual.numel()).as(key).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double a = actual.getDouble(i);
            double e = expected[i];
            long distance = actual.dtype() == DType.FLOAT32
                    ? Math.abs((long) Float.floatToIntBits((float) a) - Float.floatToIntBits((float) e))
                    : Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(e));
            boolean bothNaN = Double.isNaN(a) && Double.isNaN(e);
            assertThat(bothNaN || distance <= ulps).as("%s [%d]: %s, PyTorch %s", key, i, a, e).isTrue();
        }
    }

    private static void expect(String key, Tensor actual) {
        expect(key, actual, 0);
    }

    private static void gradFn(String key, Tensor actual) {
        assertThat(actual.gradFnName()).as(key).isEqualTo(MathOpsExpected.GRAD_FN.get(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sin", "cos", "log1p", "expm1", "log2", "square", "rsqrt", "reciprocal", "floor", "ceil", "round", "erf"})
    void oneInputOpsHavePyTorchsValuesGradientsAndNames(String op) {
        double[] values = switch (op) {
            case "log1p", "log2", "rsqrt" -> POSITIVE;
            case "round" -> concat(ANY, HALVES);
            default -> ANY;
        };
        int ulps = ULPS.getOrDefault(op, 0);
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            String key = op + " " + dtype.wireName();
            Tensor x = leaf(dtype, values);
            Tensor r = call(op, Map.of(), x);
            gradFn(key, r);
            assertThat(r.dtype()).isEqualTo(dtype);
            expect(key, r, ulps);
            backwardOnes(r);
            expect(key + " grad", x.grad(), ulps);
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void integerInputsKeepInt64WhereTheOpIsExactAndBecomeFloat32Elsewhere() {
        Tensor ints = Tensor.of(new long[] {-3, 0, 2, 7}, 4);
        for (String op : List.of("floor", "ceil", "round")) {
            Tensor r = call(op, Map.of(), ints);
            assertThat(r.dtype()).isEqualTo(DType.INT64);
            assertThat((long[]) r.toFlat()).containsExactly(-3, 0, 2, 7);
        }
        Tensor squared = call("square", Map.of(), ints);
        assertThat(squared.dtype()).isEqualTo(DType.INT64);
        assertThat((long[]) squared.toFlat()).containsExactly(9, 0, 4, 49);
        for (String op : List.of("sin", "cos", "log1p", "expm1", "log2", "rsqrt", "reciprocal", "erf")) {
            Tensor r = call(op, Map.of(), ints);
            assertThat(r.dtype()).as(op).isEqualTo(DType.FLOAT32);
            expect(op + " int64", r, ULPS.getOrDefault(op, 0));
        }
        Tensor bools = Tensor.of(new boolean[] {true, false}, 2);
        Tensor squaredBools = call("square", Map.of(), bools);
        assertThat(squaredBools.dtype()).isEqualTo(DType.INT64);
        assertThat((long[]) squaredBools.toFlat()).containsExactly(1, 0);
        assertThatThrownBy(() -> call("floor", Map.of(), Tensor.of(new boolean[] {true}, 1)))
                .hasMessage("\"floor_vml_cpu\" not implemented for 'Bool'");
    }

    @Test
    void roundToDecimalsScalesInTheInputsDtype() {
        Tensor x = f32(1.25, 2.5, -0.5, 1234.5678, 0.125);
        Tensor r = call("round", Map.of("decimals", 2), x);
        gradFn("round decimals=2", r);
        expect("round decimals=2", r);
        backwardOnes(r);
        assertThat(x.grad().toFloatArray()).containsExactly(0f, 0f, 0f, 0f, 0f);
        expect("round decimals=-2", call("round", Map.of("decimals", -2), f32(1.25, 250.0, 1234.5678, -151.0)));
        Tensor zero = call("round", Map.of("decimals", 0), x);
        gradFn("round decimals=0", zero);
        expect("round decimals=0", zero);
        assertThatThrownBy(() -> call("round", Map.of("decimals", 1), Tensor.of(new long[] {1, 2}, 2)))
                .hasMessage("\"round_cpu\" not implemented for 'Long'");
    }

    /** {@code op(self, other)}: its grad_fn name, values and both gradients, under PyTorch's keys {@code "<op> grad self"}, .... */
    private static void expectWithGradients(String op, Tensor self, Tensor other) {
        Tensor r = call(op, Map.of(), self, other);
        gradFn(op, r);
        expect(op, r);
        backwardOnes(r);
        expect(op + " grad self", self.grad());
        expect(op + " grad other", other.grad());
    }

    @Test
    void remainderTakesTheDivisorsSign() {
        Tensor a = f32(5.5, -5.5, 5.5, -5.5, 3.0, -0.0);
        Tensor b = f32(2.0, 2.0, -2.0, -2.0, 1.5, 2.0);
        expectWithGradients("remainder", a, b);
        Tensor byNumber = call("remainder", Map.of(), a, 2.5);
        gradFn("remainder number", byNumber);
        expect("remainder number", byNumber);
        Tensor ints = call("remainder", Map.of(), Tensor.of(new long[] {5, -5, 5, -5, 7}, 5), Tensor.of(new long[] {3, 3, -3, -3, 7}, 5));
        assertThat(ints.dtype()).isEqualTo(DType.INT64);
        assertThat((long[]) ints.toFlat()).containsExactly(2, 1, -1, -2, 0);
        assertThat((long[]) call("remainder", Map.of(), Tensor.of(new long[] {5, -5}, 2), 3L).toFlat()).containsExactly(2, 1);
        expect("remainder int64 by float", call("remainder", Map.of(), Tensor.of(new long[] {5, -5}, 2), 2.5));
        expect("remainder float by zero", call("remainder", Map.of(), Tensor.of(new float[] {5, -5}, 2), 0.0));
        expect("remainder float32 big", call("remainder", Map.of(), Tensor.of(new float[] {1e10f, -7.3f}, 2),
                Tensor.of(new float[] {3.3f, 1e10f}, 2)));
        assertThatThrownBy(() -> call("remainder", Map.of(), Tensor.of(new long[] {5, -5}, 2), Tensor.of(new long[] {0, 3}, 2)))
                .hasMessage("ZeroDivisionError");
    }

    @Test
    void atan2HasItsQuadrantsAndGradients() {
        Tensor y = f32(1.0, -1.0, -1.0, 0.5, 3.0);
        Tensor x = f32(1.0, 1.0, -1.0, -2.0, 0.25);
        expectWithGradients("atan2", y, x);
        expect("atan2 float64", call("atan2", Map.of(), y.detach().toDouble(), x.detach().toDouble()));
        expect("atan2 int64", call("atan2", Map.of(), Tensor.of(new long[] {1, 2}, 2), Tensor.of(new long[] {3, 4}, 2)));
        assertThatThrownBy(() -> call("atan2", Map.of(), y, 2.0))
                .hasMessage("atan2(): argument 'other' (position 2) must be Tensor, not float");
    }

    @Test
    void lerpByANumberOrATensor() {
        for (double w : new double[] {0.3, 0.7}) {
            Tensor s = f32(1.5, -2.5, 0.1);
            Tensor e = f32(3.0, 1.0, 0.7);
            Tensor r = call("lerp", Map.of(), s, e, w);
            gradFn("lerp " + w, r);
            expect("lerp " + w, r);
            backwardOnes(r);
            expect("lerp " + w + " grads", Tensor.cat(List.of(s.grad(), e.grad()), 0));
        }
        Tensor s = f32(1.5, -2.5, 0.1);
        Tensor e = f32(3.0, 1.0, 0.7);
        Tensor w = f32(0.25, 0.75, 0.5);
        Tensor r = call("lerp", Map.of(), s, e, w);
        gradFn("lerp tensor", r);
        expect("lerp tensor", r);
        backwardOnes(r);
        expect("lerp tensor grads", Tensor.cat(List.of(s.grad(), e.grad(), w.grad()), 0));
        assertThatThrownBy(() -> call("lerp", Map.of(), s, e.detach().toDouble(), 0.5))
                .hasMessage("expected dtype float for `end` but got dtype double");
        assertThatThrownBy(() -> call("lerp", Map.of(), s, e, Tensor.of(new double[] {0.5})))
                .hasMessage("expected dtype float for `weight` but got dtype double");
        assertThatThrownBy(() -> call("lerp", Map.of(), Tensor.of(new long[] {1, 2}, 2), Tensor.of(new long[] {3, 4}, 2), 0.5))
                .hasMessage("\"lerp_kernel_scalar\" not implemented for 'Long'");
    }

    private static Tensor matrix(double[] values, int rows) {
        return Tensor.of(values, rows, values.length / rows).toFloat().requiresGrad_(true);
    }

    @Test
    void prodWithAndWithoutZeros() {
        double[] values = {1.5, -2.0, 3.0, 0.5, 2.0, -1.25};
        Tensor x = matrix(values, 2);
        Tensor all = call("prod", Map.of(), x);
        gradFn("prod", all);
        expect("prod", all);
        all.backward();
        expect("prod grad", x.grad());
        Tensor y = matrix(values, 2);
        Tensor rows = call("prod", Map.of("dim", 1, "keepdim", true), y);
        gradFn("prod dim", rows);
        assertThat(rows.shape()).containsExactly(2, 1);
        expect("prod dim", rows);
        backwardOnes(rows);
        expect("prod dim grad", y.grad());
        Tensor z = matrix(new double[] {2.0, 0.0, 3.0, 0.0, 4.0, 0.0, 1.5, 2.0, -1.0}, 3);
        Tensor withZeros = call("prod", Map.of("dim", 1), z);
        expect("prod zeros dim", withZeros);
        backwardOnes(withZeros);
        expect("prod zeros dim grad", z.grad());
        Tensor oneZero = f32(2.0, 0.0, 3.0, -1.5);
        call("prod", Map.of(), oneZero).backward();
        expect("prod one zero grad", oneZero.grad());
        Tensor twice = matrix(new double[] {2.0, 0.0, 3.0, 1.0, 2.0, 4.0}, 2);
        Tensor first = Autograd.grad(List.of(call("prod", Map.of("dim", 1), twice).sum()), List.of(twice), null, null, true, false)[0];
        first.sum().backward();
        expect("prod zeros second derivative", twice.grad());
    }

    @Test
    void prodDtypes() {
        Tensor ints = call("prod", Map.of("dim", 0), Tensor.of(new long[] {1, 2, 3, 4, 5, 6}, 2, 3));
        assertThat(ints.dtype()).isEqualTo(DType.INT64);
        assertThat((long[]) ints.toFlat()).containsExactly(4, 10, 18);
        Tensor bools = call("prod", Map.of(), Tensor.of(new boolean[] {true, true}, 2));
        assertThat(bools.dtype()).isEqualTo(DType.INT64);
        assertThat((long[]) bools.toFlat()).containsExactly(1);
        expect("prod int64 dtype float32", call("prod", Map.of("dtype", "float32"), Tensor.of(new long[] {3, 4}, 2)));
        Tensor asBool = call("prod", Map.of("dim", 0, "dtype", "bool"), Tensor.of(new float[] {1.5f, 0f}, 2));
        assertThat(asBool.dtype()).isEqualTo(DType.BOOL);
        assertThat((boolean[]) asBool.toFlat()).containsExactly(false);
        Tensor truncated = call("prod", Map.of("dtype", "int64"), Tensor.of(new float[] {1.5f, 2.7f}, 2));
        assertThat((long[]) truncated.toFlat()).containsExactly(2);
        Tensor widened = call("prod", Map.of("dim", 0, "dtype", "float64"), matrix(new double[] {1.5, -2.0, 3.0, 0.5, 2.0, -1.25}, 2));
        assertThat(widened.dtype()).isEqualTo(DType.FLOAT64);
        gradFn("prod float32 dtype float64", widened);
        expect("prod float32 dtype float64", widened);
        assertThatThrownBy(() -> call("prod", Map.of("dim", List.of(0, 1)), matrix(new double[] {1, 2}, 1)))
                // PyTorch also lists its forms with out= and with a named dim, which the engine does not have
                .hasMessageStartingWith("prod() received an invalid combination of arguments - got (Tensor, dim=list), but expected one of:\n"
                        + " * (Tensor input, *, torch.dtype dtype)\n * (Tensor input, int dim, bool keepdim, *, torch.dtype dtype");
    }

    @Test
    void stdAndVarWithTheirCorrections() {
        double[] values = {1.5, -2.5, 3.0, 0.25, 0.5, 2.0, -1.0, 4.0};
        Map<String, Map<String, Object>> calls = new java.util.LinkedHashMap<>();
        calls.put("std", Map.of());
        calls.put("std dim 1", Map.of("dim", 1));
        calls.put("std unbiased=False", Map.of("unbiased", false));
        calls.put("std dim 0 keepdim correction 0", Map.of("dim", 0, "correction", 0, "keepdim", true));
        calls.put("var", Map.of());
        calls.put("var dims", Map.of("dim", List.of(0, 1), "unbiased", false));
        calls.put("var dim 1 correction 2", Map.of("dim", 1, "correction", 2));
        for (Map.Entry<String, Map<String, Object>> c : calls.entrySet()) {
            Tensor v = matrix(values, 2);
            Tensor r = call(c.getKey().split(" ")[0], c.getValue(), v);
            gradFn(c.getKey(), r);
            expect(c.getKey(), r);
            backwardOnes(r);
            expect(c.getKey() + " grad", v.grad());
        }
        expect("std float64", call("std", Map.of("dim", 1), Tensor.of(values, 2, 4)), ONE_ULP);
        assertThatThrownBy(() -> call("std", Map.of("dim", 2), matrix(values, 2)))
                .hasMessage("Dimension out of range (expected to be in range of [-2, 1], but got 2)");
        assertThatThrownBy(() -> call("std", Map.of(), Tensor.of(new long[] {1, 2}, 2)))
                .hasMessage("std and var only support floating point and complex dtypes");
        assertThatThrownBy(() -> call("var", Map.of("dim", List.of(0, 0)), matrix(values, 2)))
                .hasMessage("dim 0 appears multiple times in the list of dims");
    }

    @Test
    void normByOrderDimsAndDtype() {
        double[] values = {1.5, -2.5, 3.0, 0.5, 2.0, -4.0};
        Map<String, Map<String, Object>> calls = new java.util.LinkedHashMap<>();
        calls.put("norm", Map.of());
        calls.put("norm p=1", Map.of("p", 1));
        calls.put("norm p=inf dim 1", Map.of("p", Double.POSITIVE_INFINITY, "dim", 1));
        calls.put("norm p=-inf", Map.of("p", Double.NEGATIVE_INFINITY));
        calls.put("norm p=3 dim 0 keepdim", Map.of("p", 3, "dim", 0, "keepdim", true));
        calls.put("norm p=0.5", Map.of("p", 0.5));
        calls.put("norm fro dim 1", Map.of("p", "fro", "dim", 1));
        calls.put("norm fro dims", Map.of("dim", List.of(0, 1)));
        calls.put("norm dtype", Map.of("p", 2, "dtype", "float64"));
        for (Map.Entry<String, Map<String, Object>> c : calls.entrySet()) {
            Tensor n = matrix(values, 2);
            Tensor r = call("norm", c.getValue(), n);
            gradFn(c.getKey(), r);
            expect(c.getKey(), r, ONE_ULP);
            backwardOnes(r);
            expect(c.getKey() + " grad", n.grad(), NORM_GRAD_ULPS);
        }
        Tensor nonzero = matrix(values, 2);
        Tensor counted = call("norm", Map.of("p", 0), nonzero);
        gradFn("norm p=0", counted);
        expect("norm p=0", counted);
        counted.backward();
        assertThat(nonzero.grad()).as("PyTorch's 'norm p=0 grad' is None").isNull();
        Tensor zeros = f32(0, 0, 0);
        call("norm", Map.of(), zeros).backward();
        expect("norm of zeros grad", zeros.grad());
        assertThatThrownBy(() -> call("norm", Map.of(), Tensor.of(new long[] {1, 2}, 2)))
                .hasMessage("norm(): input dtype should be either floating point or complex. Got Long instead.");
        assertThatThrownBy(() -> call("norm", Map.of("p", "foo"), matrix(values, 2)))
                .hasMessage("only valid string values are 'fro' and 'nuc', found foo");
        assertThatThrownBy(() -> call("norm", Map.of("p", "fro", "dim", List.of(0, 1, 2)), Factories.ones(new int[] {2, 2, 2}, DType.FLOAT32)))
                .hasMessage("Expected at most 2 dimensions, but got 3 dimensions instead.");
        assertThatThrownBy(() -> call("norm", Map.of("p", "fro", "dtype", "float64"), matrix(values, 2)))
                .hasMessage("dtype argument is not supported in frobenius norm");
    }

    @Test
    void logsumexpIsShiftedByTheMaximum() {
        Tensor l = matrix(new double[] {1.5, -2.5, 3.0, 0.5, 2.0, 100.0}, 2);
        Tensor r = call("logsumexp", Map.of("dim", 1), l);
        gradFn("logsumexp", r);
        expect("logsumexp", r, ONE_ULP);
        backwardOnes(r);
        expect("logsumexp grad", l.grad(), ONE_ULP);
        Tensor kept = call("logsumexp", Map.of("dim", List.of(0, 1), "keepdim", true), l);
        assertThat(kept.shape()).containsExactly(1, 1);
        expect("logsumexp keepdim", kept);
        expect("logsumexp -inf", call("logsumexp", Map.of("dim", 0), Tensor.of(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, 2)));
        expect("logsumexp int64", call("logsumexp", Map.of("dim", 0), Tensor.of(new long[] {1, 2, 3}, 3)), ONE_ULP);
    }

    @Test
    void cumsumAndItsReversedGradient() {
        Tensor c = matrix(new double[] {1.5, -2.5, 3.0, 0.5, 2.0, 0.1}, 2);
        Tensor r = call("cumsum", Map.of("dim", 1), c);
        gradFn("cumsum", r);
        expect("cumsum", r);
        r.backward(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3), false, false);
        expect("cumsum grad", c.grad());
        Tensor widened = call("cumsum", Map.of("dim", 0, "dtype", "float64"), c);
        assertThat(widened.dtype()).isEqualTo(DType.FLOAT64);
        expect("cumsum dim 0 float64", widened);
        Tensor ints = call("cumsum", Map.of("dim", 0), Tensor.of(new long[] {1, 2, 3, 4}, 2, 2));
        assertThat((long[]) ints.toFlat()).containsExactly(1, 2, 4, 6);
        Tensor bools = call("cumsum", Map.of("dim", 0), Tensor.of(new boolean[] {true, true, false}, 3));
        assertThat(bools.dtype()).isEqualTo(DType.INT64);
        assertThat((long[]) bools.toFlat()).containsExactly(1, 2, 2);
        assertThatThrownBy(() -> call("cumsum", Map.of("dim", 0, "dtype", "bool"), c))
                .hasMessage("\"cumsum_out_cpu\" not implemented for 'Bool'");
        assertThatThrownBy(() -> call("cumsum", Map.of("dim", 2), c))
                .hasMessage("Dimension out of range (expected to be in range of [-2, 1], but got 2)");
    }

    @Test
    void inPlaceVariantsWriteIntoTheirInput() {
        Tensor x = Tensor.of(new float[] {1.25f, 2.5f, -0.5f, 1234.5678f, 0.125f}, 5);
        assertThat(call("round_", Map.of("decimals", 2), x)).isSameAs(x);
        expect("round decimals=2", x);
        Tensor a = Tensor.of(new float[] {5.5f, -5.5f, 5.5f, -5.5f, 3.0f, -0.0f}, 6);
        call("remainder_", Map.of(), a, Tensor.of(new float[] {2, 2, -2, -2, 1.5f, 2}, 6));
        expect("remainder", a);
        Tensor s = Tensor.of(new float[] {1.5f, -2.5f, 0.1f}, 3);
        call("lerp_", Map.of(), s, Tensor.of(new float[] {3.0f, 1.0f, 0.7f}, 3), 0.7);
        expect("lerp 0.7", s);
        Tensor ints = Tensor.of(new long[] {1, 2}, 2);
        assertThatThrownBy(() -> call("sin_", Map.of(), ints)).hasMessage("result type Float can't be cast to the desired output type Long");
        call("square_", Map.of(), ints);
        assertThat((long[]) ints.toFlat()).containsExactly(1, 4);
    }
}
