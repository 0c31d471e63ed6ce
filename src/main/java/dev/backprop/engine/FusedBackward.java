package dev.backprop.engine;

/**
 * One-pass backward kernels for the gradients of logistic regression, used when no graph of the
 * gradient is wanted (a plain backward). They compute exactly what the composite formulas compute, in
 * the same order and rounding, without the intermediate tensors; under {@code create_graph} the
 * composite formulas run instead, so that the gradient can be differentiated again.
 */
final class FusedBackward {
    private FusedBackward() {}

    /** {@code sigmoid_backward(grad, result) = grad * (1 - result) * result}. */
    static Tensor sigmoid(Tensor g, Tensor y) {
        if (GradMode.isEnabled() || y.dtype != DType.FLOAT32 || g.dtype != DType.FLOAT32
                || !(g.numel == 1 || java.util.Arrays.equals(g.shape, y.shape))) {
            return g.mul(Tensor.wrap(1).sub(y)).mul(y);
        }
        float[] gv = g.readF32(), yv = y.readF32();
        Tensor r = Tensor.empty(DType.FLOAT32, y.shape);
        float[] o = r.storage.f32;
        int n = y.numel, step = g.numel == 1 ? 0 : 1;
        VectorKernels.split(n, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = gv[i * step] * (1f - yv[i]) * yv[i];
        });
        return r;
    }

    /**
     * {@code binary_cross_entropy_backward}: {@code grad * (x - t) / max((1 - x) * x, 1e-12)}, divided by
     * the element count for the mean; null where only the composite formula applies.
     */
    static Tensor binaryCrossEntropy(Tensor g, Tensor x, Tensor t, Tensor weight, Reduction reduction) {
        if (GradMode.isEnabled() || weight != null || x.dtype != DType.FLOAT32 || g.numel != 1 || g.dtype != DType.FLOAT32) {
            return null;
        }
        float gv = g.readF32()[0];
        float[] xv = x.readF32(), tv = t.readF32();
        int n = x.numel;
        Tensor r = Tensor.empty(DType.FLOAT32, x.shape);
        float[] o = r.storage.f32;
        float eps = (float) 1e-12;
        boolean mean = reduction == Reduction.MEAN;
        VectorKernels.split(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                float v = gv * (xv[i] - tv[i]) / Math.max((1f - xv[i]) * xv[i], eps);
                o[i] = mean ? (float) ((double) v / n) : v;
            }
        });
        return r;
    }
}
