package dev.backprop.engine;

import static dev.backprop.engine.UnaryOp.RESULT;
import static dev.backprop.engine.UnaryOp.SELF;

/**
 * The pointwise activations of {@code torch.nn.functional} that take parameters: forwards as
 * aten/src/ATen/native/cpu/Activation.cpp computes them per element (float32 in double, rounded once),
 * derivatives from tools/autograd/derivatives.yaml in tensor ops. The in-place variants whose PyTorch
 * derivative reads the result ({@code leaky_relu_}, {@code elu_}) record their own nodes here.
 */
final class Activations {
    private static final double SQRT1_2 = Math.sqrt(0.5);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    /** {@code M_2_SQRTPI * M_SQRT1_2 * 0.5}: the standard normal density's factor. */
    private static final double PDF_FACTOR = TWO_OVER_SQRT_PI * SQRT1_2 * 0.5;
    /** {@code M_SQRT2 * M_2_SQRTPI * 0.5} and the cubic coefficient of the tanh approximation of gelu. */
    private static final double TANH_BETA = Math.sqrt(2) * TWO_OVER_SQRT_PI * 0.5;
    private static final double TANH_KAPPA = 0.044715;

    /** erf as a differentiable op of its own, for gelu's derivative ({@code d erf(x) = 2/sqrt(pi) exp(-x^2)}). */
    private static final UnaryOp ERF = new UnaryOp("erf", "ErfBackward0", Erf::erf, null, SELF,
            (g, self, result) -> g.mul(self.mul(self).neg().exp().mulScalar(TWO_OVER_SQRT_PI)));

    private Activations() {}

    static Tensor leakyRelu(Tensor x, double negativeSlope) {
        requireFloating(x, "leaky_relu_cpu");
        double slope = inDtype(x, negativeSlope);
        return new UnaryOp("leaky_relu", "LeakyReluBackward0", v -> v > 0 ? v : v * slope, null, SELF,
                (g, self, result) -> Tensor.where(self.gt(0), g, g.mulScalar(negativeSlope))).apply(x);
    }

    /** {@code leaky_relu_}: its derivative reads the result, which PyTorch refuses for a negative slope. */
    static Tensor leakyReluInPlace(Tensor x, double negativeSlope) {
        requireFloating(x, "leaky_relu_cpu");
        double slope = inDtype(x, negativeSlope);
        return InPlace.apply(x, "leaky_relu_", in -> new UnaryOp("leaky_relu_", "LeakyReluBackward1", v -> v > 0 ? v : v * slope, null,
                RESULT, (g, self, result) -> {
                    if (negativeSlope < 0) {
                        throw EngineException.autograd("In-place leakyReLu backward calculation is triggered with a negative slope which is "
                                + "not supported. This is caused by calling in-place forward function with a negative slope, please call "
                                + "out-of-place version instead. File an issue at https://github.com/pytorch/pytorch if you do require "
                                + "supporting in-place leakRelu backward calculation with negative slope");
                    }
                    return Tensor.where(result.gt(0), g, g.mulScalar(negativeSlope));
                }).apply(in));
    }

    static Tensor gelu(Tensor x, String approximate) {
        boolean tanh = switch (approximate) {
            case "none" -> false;
            case "tanh" -> true;
            default -> throw EngineException.invalid("approximate argument must be either none or tanh.");
        };
        requireFloating(x, "GeluKernelImpl");
        if (tanh) {
            return new UnaryOp("gelu", "GeluBackward0", v -> 0.5 * v * (1 + Math.tanh(TANH_BETA * (v + TANH_KAPPA * v * v * v))), null,
                    SELF, (g, self, result) -> g.mul(tanhGeluDerivative(self))).withFloatLoop(Activations::tanhGeluFloat).apply(x);
        }
        return new UnaryOp("gelu", "GeluBackward0", v -> v * 0.5 * (1 + Erf.erf(v * SQRT1_2)), null, SELF, (g, self, result) -> {
            Tensor cdf = ERF.apply(self.mulScalar(SQRT1_2)).add(1).mulScalar(0.5);
            Tensor pdf = self.mul(self).mulScalar(-0.5).exp().mulScalar(PDF_FACTOR);
            return g.mul(cdf.add(self.mul(pdf)));
        }).withFloatLoop(Activations::geluFloat).apply(x);
    }

    /**
     * GeluKernelImpl's float loop, each step rounded to float as there: {@code 1 + erf(..)} cancels for negative
     * inputs, so rounding once in double would differ from PyTorch by many ulp there.
     */
    private static void geluFloat(float[] a, float[] out, int n) {
        float alpha = (float) SQRT1_2;
        for (int i = 0; i < n; i++) {
            float v = a[i];
            out[i] = v * 0.5f * (1f + (float) Erf.erf(v * alpha));
        }
    }

    private static void tanhGeluFloat(float[] a, float[] out, int n) {
        float beta = (float) TANH_BETA, kappa = (float) TANH_KAPPA;
        for (int i = 0; i < n; i++) {
            float v = a[i];
            float inner = beta * (v + kappa * (v * v * v));
            out[i] = 0.5f * v * (1f + (float) Math.tanh(inner));
        }
    }

    /** GeluBackwardKernelImpl's tanh branch: {@code 0.5 (1 + t) + 0.5 x (1 - t^2) beta (1 + 3 kappa x^2)}. */
    private static Tensor tanhGeluDerivative(Tensor x) {
        Tensor square = x.mul(x);
        Tensor t = square.mul(x).mulScalar(TANH_KAPPA).add(x).mulScalar(TANH_BETA).tanh();
        Tensor left = t.add(1).mulScalar(0.5);
        Tensor innerDerivative = square.mulScalar(3 * TANH_KAPPA).add(1).mulScalar(TANH_BETA);
        return left.add(x.mulScalar(0.5).mul(Tensor.wrap(1).sub(t.mul(t))).mul(innerDerivative));
    }

    static Tensor softplus(Tensor x, double beta, double threshold) {
        requireFloating(x, "softplus_cpu");
        double b = inDtype(x, beta), limit = inDtype(x, threshold);
        return new UnaryOp("softplus", "SoftplusBackward0", v -> v * b > limit ? v : Math.log1p(Math.exp(v * b)) / b, null, SELF,
                (g, self, result) -> {
                    Tensor scaled = self.mulScalar(beta);
                    return g.mul(Tensor.where(scaled.gt(threshold), Tensor.wrap(1.0), scaled.sigmoid()));
                }).apply(x);
    }

    static Tensor silu(Tensor x) {
        requireFloating(x, "silu_cpu");
        return new UnaryOp("silu", "SiluBackward0", v -> v / (1 + Math.exp(-v)), null, SELF, (g, self, result) -> {
            Tensor s = self.sigmoid();
            return g.mul(s.mul(self.mul(Tensor.wrap(1).sub(s)).add(1)));
        }).apply(x);
    }

    static Tensor elu(Tensor x, double alpha) {
        requireFloating(x, "elu_cpu");
        double a = inDtype(x, alpha);
        return new UnaryOp("elu", "EluBackward0", v -> v <= 0 ? Math.expm1(v) * a : v, null, SELF,
                (g, self, result) -> g.mul(Tensor.where(self.le(0), self.exp().mulScalar(alpha), Tensor.wrap(1.0)))).apply(x);
    }

    /** {@code elu_}: the derivative reads the result ({@code alpha + result} where it is not positive). */
    static Tensor eluInPlace(Tensor x, double alpha) {
        requireFloating(x, "elu_cpu");
        double a = inDtype(x, alpha);
        return InPlace.apply(x, "elu_", in -> new UnaryOp("elu_", "EluBackward1", v -> v <= 0 ? Math.expm1(v) * a : v, null, RESULT,
                (g, self, result) -> {
                    if (alpha < 0) {
                        throw EngineException.autograd("In-place elu backward calculation is triggered with a negative slope which is not "
                                + "supported. This is caused by calling in-place forward function with a negative slope, please call "
                                + "out-of-place version instead.");
                    }
                    return g.mul(Tensor.where(result.le(0), result.add(alpha), Tensor.wrap(1.0)));
                }).apply(in));
    }

    /** {@code hardtanh}: {@code clamp(x, min_val, max_val)}, integers included; the gradient flows strictly inside the bounds. */
    static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        if (x.dtype == DType.BOOL) throw new EngineException(ErrorCode.DTYPE_MISMATCH, "Bool inputs not supported for hardtanh");
        double lo = inDtype(x, minVal), hi = inDtype(x, maxVal);
        long loInt = (long) minVal, hiInt = (long) maxVal;
        return new UnaryOp("hardtanh", "HardtanhBackward0", v -> Math.min(Math.max(v, lo), hi), v -> Math.min(Math.max(v, loInt), hiInt),
                SELF, (g, self, result) -> g.mul(self.gt(minVal).logicalAnd(self.lt(maxVal)))).apply(x);
    }

    /** A scalar parameter as the kernel of x's dtype receives it. */
    private static double inDtype(Tensor x, double v) {
        return x.dtype == DType.FLOAT32 ? (float) v : v;
    }

    private static void requireFloating(Tensor x, String kernel) {
        if (!x.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"" + kernel + "\" not implemented for '" + x.dtype.torchName() + "'");
        }
    }
}
