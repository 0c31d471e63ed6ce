package dev.backprop.engine;

/**
 * {@code clamp} with number bounds ({@code ClampBackward1}) and tensor bounds ({@code ClampBackward0});
 * the gradient passes where the input lies within the bounds (derivatives.yaml, {@code clamp_backward}).
 */
final class ClampOps {
    private ClampOps() {}

    static Tensor clamp(Tensor self, Double min, Double max) {
        return clamp(self, min, max, "ClampBackward1");
    }

    /** Number bounds, recorded as {@code gradFn}: {@code clamp_min} and {@code clamp_max} have their own nodes. */
    static Tensor clamp(Tensor self, Double min, Double max, String gradFn) {
        if (min == null && max == null) {
            throw EngineException.invalid("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        if (self.dtype == DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"clamp_cpu\" not implemented for 'Bool'");
        }
        double lo = min == null ? Double.NEGATIVE_INFINITY : min, hi = max == null ? Double.POSITIVE_INFINITY : max;
        DType out = self.dtype.isFloating() || (isWhole(min) && isWhole(max)) ? self.dtype : DType.FLOAT32;
        if (min != null) CheckedConvert.toElement(min, out);
        if (max != null) CheckedConvert.toElement(max, out);
        Tensor r = Kernels.map(self, out, out, x -> x != x ? x : Math.min(Math.max(x, lo), hi),
                x -> Math.min(Math.max(x, clampToLong(lo)), clampToLong(hi)));
        if (out.isFloating() && Graph.needsGrad(self)) {
            Graph.record(gradFn, r, new Tensor[] {self}, new Tensor[] {self}, ctx -> {
                Tensor x = ctx.saved(0);
                Tensor inside = min == null ? x.le(hi) : max == null ? x.ge(lo) : x.ge(lo).logicalAnd(x.le(hi));
                return Graph.one(ctx.grad().mul(inside));
            });
        }
        return r;
    }

    static Tensor clamp(Tensor self, Tensor min, Tensor max) {
        if (min == null && max == null) {
            throw EngineException.invalid("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        Tensor result;
        try (GradMode.Scope ignored = GradMode.disable()) {
            Tensor r = self;
            if (min != null) r = r.maximum(min);
            if (max != null) r = r.minimum(max);
            result = r == self ? self.clone() : r;
        }
        if (result.dtype.isFloating() && Graph.needsGrad(java.util.Arrays.asList(self, min, max))) {
            Graph.record("ClampBackward0", result, new Tensor[] {self, min, max}, new Tensor[] {self, min, max}, ctx -> {
                Tensor g = ctx.grad(), x = ctx.saved(0);
                Tensor lo = min == null ? null : ctx.saved(1), hi = max == null ? null : ctx.saved(2);
                Tensor zero = g.mulScalar(0);
                Tensor inside = lo == null ? x.le(hi) : hi == null ? x.ge(lo) : x.ge(lo).logicalAnd(x.le(hi));
                return new Tensor[] {
                    ctx.needs(0) ? Tensor.where(inside, g, zero) : null,
                    ctx.needs(1) ? Tensor.where(x.lt(lo), g, zero) : null,
                    ctx.needs(2) ? Tensor.where(x.gt(hi), g, zero) : null};
            });
        }
        return result;
    }

    private static boolean isWhole(Double d) {
        return d == null || (d == Math.rint(d) && !d.isInfinite());
    }

    private static long clampToLong(double d) {
        return d >= 9.2e18 ? Long.MAX_VALUE : d <= -9.2e18 ? Long.MIN_VALUE : (long) d;
    }
}
