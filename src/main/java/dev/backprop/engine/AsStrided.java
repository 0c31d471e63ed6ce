package dev.backprop.engine;

/**
 * A view's geometry applied to gradients: {@link #gather} reads a view's elements out of a base-shaped tensor
 * (as {@code as_strided} does), {@link #scatter} adds view-shaped values into a zero base-shaped tensor (the
 * adjoint, {@code as_strided_backward}). Each is the other's derivative, so gradients through views that were
 * written in place can be differentiated again.
 */
final class AsStrided {
    private AsStrided() {}

    /** {@code out[j] = src.flat[index[j]]}, shaped {@code shape}. */
    static Tensor gather(Tensor src, int[] index, int[] shape, int[] srcShape) {
        Tensor out;
        if (src.dtype == DType.FLOAT32) {
            float[] a = src.contiguous().readF32(), o = new float[index.length];
            for (int j = 0; j < o.length; j++) o[j] = a[index[j]];
            out = Tensor.of(o, shape);
        } else {
            double[] a = src.to(DType.FLOAT64).contiguous().readF64(), o = new double[index.length];
            for (int j = 0; j < o.length; j++) o[j] = a[index[j]];
            out = Tensor.of(o, shape).to(src.dtype);
        }
        if (Graph.needsGrad(src)) {
            Graph.record("AsStridedBackward0", out, new Tensor[] {src}, new Tensor[0],
                    ctx -> Graph.one(scatter(ctx.grad(), index, srcShape, shape)));
        }
        return out;
    }

    /** A zero tensor shaped {@code baseShape} with {@code src[j]} added at {@code flat[index[j]]}. */
    static Tensor scatter(Tensor src, int[] index, int[] baseShape, int[] srcShape) {
        int n = Shapes.numel(baseShape);
        Tensor out;
        if (src.dtype == DType.FLOAT32) {
            float[] a = src.contiguous().readF32(), o = new float[n];
            for (int j = 0; j < index.length; j++) o[index[j]] += a[j];
            out = Tensor.of(o, baseShape);
        } else {
            double[] a = src.to(DType.FLOAT64).contiguous().readF64(), o = new double[n];
            for (int j = 0; j < index.length; j++) o[index[j]] += a[j];
            out = Tensor.of(o, baseShape).to(src.dtype);
        }
        if (Graph.needsGrad(src)) {
            Graph.record("AsStridedScatterBackward0", out, new Tensor[] {src}, new Tensor[0],
                    ctx -> Graph.one(gather(ctx.grad(), index, srcShape, baseShape)));
        }
        return out;
    }
}
