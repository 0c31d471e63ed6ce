package dev.backprop.engine;

import static dev.backprop.engine.UnaryOp.RESULT;
import static dev.backprop.engine.UnaryOp.SELF;

import dev.backprop.engine.math.ErrorFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The elementwise ops of one tensor, each a single entry: forward on one element and the derivative
 * from tools/autograd/derivatives.yaml, in differentiable tensor ops. An entry is all there is to add:
 * {@link #entry} lists it in {@link #ALL}, and the op registry ({@link ElementwiseOpDefs}), {@code GET /ops}
 * and the tests pick it up from there.
 */
public final class UnaryOps {
    private UnaryOps() {}

    private static final List<UnaryOp> ENTRIES = new ArrayList<>();
    /** Every entry, in the order they are written here. */
    public static final List<UnaryOp> ALL = Collections.unmodifiableList(ENTRIES);

    private static UnaryOp entry(UnaryOp op) {
        ENTRIES.add(op);
        return op;
    }

    public static final UnaryOp NEG = entry(new UnaryOp("neg", "NegBackward0", x -> -x, x -> -x, 0,
            (g, self, result) -> g.neg()).withFloatLoop((a, o, n) -> {
                for (int i = 0; i < n; i++) o[i] = -a[i];
            }));
    public static final UnaryOp ABS = entry(new UnaryOp("abs", "AbsBackward0", Math::abs, Math::abs, SELF,
            (g, self, result) -> g.mul(self.sign())));
    public static final UnaryOp SIGN = entry(new UnaryOp("sign", "SignBackward0", Math::signum, Long::signum, 0,
            (g, self, result) -> g.mulScalar(0)));
    public static final UnaryOp EXP = entry(new UnaryOp("exp", "ExpBackward0", Math::exp, null, RESULT,
            (g, self, result) -> g.mul(result)).withFloatLoop((a, o, n) -> {
                for (int i = 0; i < n; i++) o[i] = (float) Math.exp(a[i]);
            }));
    public static final UnaryOp LOG = entry(new UnaryOp("log", "LogBackward0", Math::log, null, SELF,
            (g, self, result) -> g.div(self)));
    public static final UnaryOp SQRT = entry(new UnaryOp("sqrt", "SqrtBackward0", Math::sqrt, null, RESULT,
            (g, self, result) -> g.div(result.mulScalar(2))));
    public static final UnaryOp SIGMOID = entry(new UnaryOp("sigmoid", "SigmoidBackward0", x -> 1 / (1 + Math.exp(-x)), null, RESULT,
            (g, self, result) -> FusedBackward.sigmoid(g, result)).withFloatLoop(VectorKernels::sigmoid));
    public static final UnaryOp TANH = entry(new UnaryOp("tanh", "TanhBackward0", Math::tanh, null, RESULT,
            (g, self, result) -> g.mul(Tensor.wrap(1).sub(result.mul(result)))));
    public static final UnaryOp RELU = entry(new UnaryOp("relu", "ReluBackward0", x -> x > 0 ? x : (x == x ? 0 : x), x -> Math.max(x, 0),
            RESULT, (g, self, result) -> g.mul(result.gt(0))));

    public static final UnaryOp SIN = entry(new UnaryOp("sin", "SinBackward0", Math::sin, null, SELF,
            (g, self, result) -> g.mul(UnaryOps.COS.apply(self))));
    public static final UnaryOp COS = entry(new UnaryOp("cos", "CosBackward0", Math::cos, null, SELF,
            (g, self, result) -> g.mul(UnaryOps.SIN.apply(self).neg())));
    public static final UnaryOp LOG1P = entry(new UnaryOp("log1p", "Log1PBackward0", Math::log1p, null, SELF,
            (g, self, result) -> g.div(self.add(1))));
    public static final UnaryOp EXPM1 = entry(new UnaryOp("expm1", "Expm1Backward0", Math::expm1, null, RESULT,
            (g, self, result) -> g.mul(result.add(1))));
    /** {@code log2(x)}: ln(x) / ln(2) is not always the correctly rounded log2, so an exact power of two is taken apart. */
    public static final UnaryOp LOG2 = entry(new UnaryOp("log2", "Log2Backward0", UnaryOps::log2, null, SELF,
            (g, self, result) -> g.div(self.mulScalar(UnaryOps.LN_2))));
    /** PyTorch's {@code square} is {@code pow(self, 2)}: its node is pow's and its bool result int64. */
    public static final UnaryOp SQUARE = entry(new UnaryOp("square", "PowBackward0", x -> x * x, x -> x * x, SELF,
            (g, self, result) -> g.mul(self.pow(1.0).mulScalar(2))).withFloatLoop((a, o, n) -> {
                for (int i = 0; i < n; i++) o[i] = a[i] * a[i];
            }));
    /**
     * {@code 1 / sqrt(x)} with the square root rounded first, as ATen's scalar and vector kernels both do; the
     * derivative's {@code result.pow(3)} is ATen's {@code result * result * result}.
     */
    public static final UnaryOp RSQRT = entry(new UnaryOp("rsqrt", "RsqrtBackward0", x -> 1 / Math.sqrt(x), null, RESULT,
            (g, self, result) -> g.mulScalar(-0.5).mul(result.mul(result).mul(result))).withFloatLoop((a, o, n) -> {
                for (int i = 0; i < n; i++) o[i] = 1f / (float) Math.sqrt(a[i]);
            }));
    public static final UnaryOp RECIPROCAL = entry(new UnaryOp("reciprocal", "ReciprocalBackward0", x -> 1 / x, null, RESULT,
            (g, self, result) -> g.neg().mul(result.mul(result))).withFloatLoop((a, o, n) -> {
                for (int i = 0; i < n; i++) o[i] = 1f / a[i];
            }));
    /** Integer inputs are returned as they are (PyTorch copies them); bool ones are refused ({@link MathUnaryRules}). */
    public static final UnaryOp FLOOR = entry(new UnaryOp("floor", "FloorBackward0", Math::floor, x -> x, 0,
            (g, self, result) -> g.mulScalar(0)));
    public static final UnaryOp CEIL = entry(new UnaryOp("ceil", "CeilBackward0", Math::ceil, x -> x, 0,
            (g, self, result) -> g.mulScalar(0)));
    /** Half to even; {@code round(decimals=...)} is {@link MathUnaryRules#roundDecimals}. */
    public static final UnaryOp ROUND = entry(new UnaryOp("round", "RoundBackward0", Math::rint, x -> x, 0,
            (g, self, result) -> g.mulScalar(0)));
    public static final UnaryOp ERF = entry(new UnaryOp("erf", "ErfBackward0", ErrorFunction::erf, null, SELF,
            (g, self, result) -> g.mul(self.pow(2.0).neg().exp().mulScalar(UnaryOps.TWO_OVER_SQRT_PI))));

    private static final double LN_2 = 0.6931471805599453;
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private static double log2(double x) {
        int exponent = Math.getExponent(x);
        if (x > 0 && x < Double.POSITIVE_INFINITY && x == Math.scalb(1.0, exponent)) return exponent;
        return Math.log(x) / LN_2;
    }

}
