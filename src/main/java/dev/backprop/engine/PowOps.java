package dev.backprop.engine;

/**
 * {@code pow} with a number exponent ({@code PowBackward0}) and a number base ({@code PowBackward2});
 * the tensor-tensor form is {@link BinaryOps#POW}. Small exponents are computed as PyTorch's
 * {@code pow_tensor_scalar_optimized_kernel} computes them (x*x, x*x*x, sqrt, reciprocals).
 */
final class PowOps {
    private PowOps() {}

    static double pow(double x, double e) {
        if (e == 2) return x * x;
        if (e == 3) return x * x * x;
        if (e == 0.5) return Math.sqrt(x);
        if (e == -0.5) return 1 / Math.sqrt(x);
        if (e == -1) return 1 / x;
        if (e == -2) return 1 / (x * x);
        return Math.pow(x, e);
    }

    static long powInt(long base, long exp) {
        if (exp < 0) {
            return base == 1 ? 1 : base == -1 ? ((exp & 1) == 0 ? 1 : -1) : 0;
        }
        long result = 1;
        while (exp > 0) {
            if ((exp & 1) == 1) result *= base;
            base *= base;
            exp >>= 1;
        }
        return result;
    }

    /** {@code self ** exponent} for a number exponent: {@code PowBackward0}. */
    static Tensor powScalar(Tensor self, double exponent) {
        boolean intExponent = exponent == Math.rint(exponent) && !Double.isInfinite(exponent);
        DType out = self.dtype.isFloating() ? self.dtype : intExponent ? (self.dtype == DType.BOOL ? DType.INT64 : self.dtype)
                : DType.FLOAT32;
        if (!out.isFloating() && exponent < 0) {
            throw EngineException.invalid("Integers to negative integer powers are not allowed.");
        }
        Tensor r;
        if (out.isFloating()) {
            r = Kernels.map(self, out, out, x -> pow(x, exponent), null);
        } else {
            long e = (long) exponent;
            r = Kernels.map(self, DType.INT64, DType.INT64, null, x -> powInt(x, e));
        }
        if (out.isFloating() && Graph.needsGrad(self)) {
            Graph.record("PowBackward0", r, new Tensor[] {self}, new Tensor[] {self}, ctx -> {
                Tensor g = ctx.grad();
                if (exponent == 0) {
                    return Graph.one(g.mulScalar(0));
                }
                return Graph.one(g.mul(ctx.saved(0).pow(exponent - 1).mulScalar(exponent)));
            });
        }
        return r;
    }

    /** {@code base ** exponent} for a number base: {@code PowBackward2}. */
    static Tensor scalarPow(double base, Tensor exponent) {
        Tensor wrapped = Tensor.wrap(base);
        DType out = TypePromotion.resultType(wrapped, exponent);
        if (!out.isFloating()) {
            out = DType.FLOAT32;
        }
        Tensor r = Kernels.map(exponent, out, out, e -> Math.pow(base, e), null);
        if (Graph.needsGrad(exponent)) {
            Graph.record("PowBackward2", r, new Tensor[] {exponent}, new Tensor[] {exponent, r}, ctx -> {
                Tensor e = ctx.saved(0);
                Tensor result = ctx.saved(1);
                Tensor g = ctx.grad();
                if (base == 0) {
                    return Graph.one(Tensor.where(e.ge(0), g.mulScalar(0), g.mul(result.mulScalar(Math.log(base)))));
                }
                return Graph.one(g.mul(result.mulScalar(Math.log(base))));
            });
        }
        return r;
    }
}
