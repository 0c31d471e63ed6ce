package dev.backprop.engine;

/**
 * {@code torch.norm} as PyTorch 1.13's Python function dispatches it: a number {@code p} (2 unless said) is
 * ATen's {@code norm} over the dims (all when none), {@code NormBackward1}, or {@code NormBackward3} with a
 * dtype; {@code 'fro'} is the 2-norm over none or one dim and {@code sqrt(sum(x * x))} over two
 * ({@code SqrtBackward0}). Sums are taken in double and rounded once. The gradient is derivatives.yaml's
 * {@code norm_backward}.
 */
final class Norms {
    private Norms() {}

    static Tensor frobenius(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        if (dtype != null) {
            throw EngineException.invalid("dtype argument is not supported in frobenius norm");
        }
        if (dims == null || dims.length <= 1) {
            return norm(x, 2, dims, keepdim, null);
        }
        if (dims.length > 2) {
            throw EngineException.invalid("Expected at most 2 dimensions, but got " + dims.length + " dimensions instead.");
        }
        if (Shapes.wrapDim(dims[0], x.dim()) == Shapes.wrapDim(dims[1], x.dim())) {
            throw EngineException.invalid("Expected dims to be different, got [" + dims[0] + ", " + dims[1] + "] instead");
        }
        return x.mul(x).sum(dims, keepdim).sqrt();
    }

    static Tensor byName(Tensor x, String p, int[] dims, boolean keepdim, DType dtype) {
        if (p.equals("fro")) {
            return frobenius(x, dims, keepdim, dtype);
        }
        if (p.equals("nuc")) {
            throw new EngineException(ErrorCode.UNSUPPORTED, "the nuclear norm is not supported");
        }
        throw EngineException.invalid("only valid string values are 'fro' and 'nuc', found " + p);
    }

    static Tensor norm(Tensor x, double p, int[] dims, boolean keepdim, DType dtype) {
        if (!x.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "norm(): input dtype should be either floating point or complex. Got "
                    + x.dtype.torchName() + " instead.");
        }
        if (dtype != null && !dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "norm(): the desired output dtype should be either floating point or "
                    + "complex. Got " + dtype.torchName() + " instead.");
        }
        Tensor input = dtype == null ? x : x.to(dtype);
        SliceReduction plan = SliceReduction.over(input, dims, keepdim);
        double[] v = input.readF64();
        double[] out;
        if (p == Double.POSITIVE_INFINITY || p == Double.NEGATIVE_INFINITY) {
            boolean max = p > 0;
            out = plan.fold(v, max ? 0 : Double.POSITIVE_INFINITY, (a, b) -> {
                double m = Math.abs(b);
                return a != a || m != m ? Double.NaN : max ? Math.max(a, m) : Math.min(a, m);
            });
        } else if (p == 0) {
            out = plan.fold(v, 0, (a, b) -> a + (b != 0 ? 1 : 0));
        } else if (p == 1) {
            out = plan.fold(v, 0, (a, b) -> a + Math.abs(b));
        } else if (p == 2) {
            out = plan.fold(v, 0, (a, b) -> a + b * b);
            for (int i = 0; i < out.length; i++) out[i] = Math.sqrt(out[i]);
        } else {
            out = plan.fold(v, 0, (a, b) -> a + Math.pow(Math.abs(b), p));
            for (int i = 0; i < out.length; i++) out[i] = Math.pow(out[i], 1 / p);
        }
        Tensor r = plan.result(out, input.dtype);
        if (Graph.needsGrad(input)) {
            Graph.record(dtype == null ? "NormBackward1" : "NormBackward3", r, new Tensor[] {input}, new Tensor[] {input, r},
                    ctx -> Graph.one(backward(plan.kept(ctx.grad(), keepdim), ctx.saved(0), plan.kept(ctx.saved(1), keepdim), p, plan)));
        }
        return r;
    }

    /** FunctionsManual.cpp's {@code norm_backward}, with {@code grad} and {@code norm} already shaped as with keepdim. */
    private static Tensor backward(Tensor grad, Tensor self, Tensor norm, double p, SliceReduction plan) {
        Tensor zero = grad.mulScalar(0);
        if (p == 0) {
            // an undefined gradient, as ATen's: the input's grad stays None
            return null;
        }
        if (p == 1) {
            return self.sign().mul(grad);
        }
        if (p == 2) {
            return grad.mul(Tensor.where(norm.eq(0), zero, self.div(norm)));
        }
        if (Double.isInfinite(p)) {
            Tensor selfAbs = self.abs();
            // NaN never equals the norm, so the two masks add up to their union
            Tensor maskF = selfAbs.eq(norm).to(self.dtype).add(selfAbs.ne(selfAbs).to(self.dtype));
            return self.sign().mul(grad.div(maskF.sum(plan.dims, true)).mul(maskF));
        }
        if (p < 1) {
            Tensor scaled = self.sign().mul(Tensor.where(self.eq(0), self.mulScalar(0), self.abs().pow(p - 1)));
            return scaled.mul(grad).mul(norm.pow(1 - p));
        }
        Tensor scaled = p < 2 ? self.sign().mul(self.abs().pow(p - 1)) : self.mul(self.abs().pow(p - 2));
        Tensor scale = Tensor.where(norm.eq(0), zero, grad.div(norm.pow(p - 1)));
        return scaled.mul(scale);
    }
}
