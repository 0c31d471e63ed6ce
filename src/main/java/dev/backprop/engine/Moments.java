package dev.backprop.engine;

/**
 * {@code var} and {@code std} over dims with a correction (1, Bessel's, unless said), in two passes in
 * double (the mean, then the squared deviations), rounded once; derivatives.yaml's {@code var_backward}
 * ({@code VarBackward0}) and {@code std_backward} ({@code StdBackward0}, zero where the result is zero).
 */
final class Moments {
    private Moments() {}

    static Tensor var(Tensor x, int[] dims, long correction, boolean keepdim) {
        return moment(x, dims, correction, keepdim, false);
    }

    static Tensor std(Tensor x, int[] dims, long correction, boolean keepdim) {
        return moment(x, dims, correction, keepdim, true);
    }

    private static Tensor moment(Tensor x, int[] dims, long correction, boolean keepdim, boolean sqrt) {
        if (!x.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "std and var only support floating point and complex dtypes");
        }
        SliceReduction plan = SliceReduction.over(x, dims, keepdim);
        double[] v = x.readF64();
        double[] sums = plan.fold(v, 0, Double::sum);
        double[] means = new double[plan.outN];
        for (int i = 0; i < means.length; i++) means[i] = sums[i] / plan.count;
        double[] squares = plan.fold((i, p) -> (v[i] - means[p]) * (v[i] - means[p]), 0, Double::sum);
        double dof = Math.max(0, plan.count - correction);
        double[] out = new double[plan.outN];
        for (int i = 0; i < out.length; i++) {
            out[i] = sqrt ? Math.sqrt(squares[i] / dof) : squares[i] / dof;
        }
        Tensor r = plan.result(out, x.dtype);
        if (Graph.needsGrad(x)) {
            boolean all = dims == null || dims.length == 0 || x.dim() == 0;
            Graph.record(sqrt ? "StdBackward0" : "VarBackward0", r, new Tensor[] {x}, sqrt ? new Tensor[] {x, r} : new Tensor[] {x},
                    ctx -> {
                        Tensor g = ctx.grad();
                        if (sqrt) {
                            Tensor result = ctx.saved(1);
                            g = Tensor.where(result.eq(0), g.mulScalar(0), g.div(result.mulScalar(2)));
                        }
                        Tensor self = ctx.saved(0);
                        Tensor centred = self.sub(all ? self.mean() : self.mean(plan.dims, true));
                        return Graph.one(plan.kept(g, keepdim || all).mulScalar(2.0 / (plan.count - correction)).mul(centred));
                    });
        }
        return r;
    }
}
