package dev.backprop.engine;

/**
 * {@code logsumexp(input, dim, keepdim)}: {@code m + log(sum(exp(x - m)))} with {@code m} each slice's maximum
 * (0 when infinite), in double and rounded once; integer inputs are computed as float32. The gradient is
 * derivatives.yaml's {@code logsumexp_backward}, {@code grad * exp(self - result)} ({@code LogsumexpBackward0}).
 */
final class LogSumExp {
    private LogSumExp() {}

    static Tensor logsumexp(Tensor input, int[] dims, boolean keepdim) {
        Tensor x = input.dtype.isFloating() ? input : input.to(DType.FLOAT32);
        SliceReduction plan = SliceReduction.over(x, dims, keepdim);
        double[] v = x.readF64();
        double[] max = plan.fold(v, Double.NEGATIVE_INFINITY, (a, b) -> a != a || b != b ? Double.NaN : Math.max(a, b));
        for (int i = 0; i < max.length; i++) if (Double.isInfinite(max[i])) max[i] = 0;
        double[] sums = plan.fold((i, p) -> Math.exp(v[i] - max[p]), 0, Double::sum);
        for (int i = 0; i < sums.length; i++) sums[i] = Math.log(sums[i]) + max[i];
        Tensor r = plan.result(sums, x.dtype);
        if (Graph.needsGrad(x)) {
            Graph.record("LogsumexpBackward0", r, new Tensor[] {x}, new Tensor[] {x, r}, ctx -> Graph.one(
                    plan.kept(ctx.grad(), keepdim).mul(ctx.saved(0).sub(plan.kept(ctx.saved(1), keepdim)).exp())));
        }
        return r;
    }
}
