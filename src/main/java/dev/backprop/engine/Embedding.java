package dev.backprop.engine;

import java.util.Arrays;

/**
 * {@code torch.nn.functional.embedding}: the rows of {@code weight} that {@code input} names, with the
 * checks of torch/nn/functional.py and aten/src/ATen/native/Embedding.cpp. Its gradient
 * ({@code EmbeddingBackward0}) adds each output row's gradient into the row it came from, in index order
 * as {@code embedding_dense_backward_cpu} does, skipping {@code padding_idx} and dividing by each index's
 * count under {@code scale_grad_by_freq}. The gather and the scatter are each other's derivative, so
 * every order of derivative is one of the two.
 */
final class Embedding {
    private Embedding() {}

    static Tensor apply(Tensor input, Tensor weight, Long paddingIdx, boolean scaleGradByFreq) {
        int pad = -1;
        if (paddingIdx != null) {
            int rows = weight.dim() == 0 ? 0 : weight.shape[0];
            if (paddingIdx >= rows || paddingIdx < -rows) {
                throw EngineException.invalid("Padding_idx must be within num_embeddings");
            }
            pad = (int) (paddingIdx < 0 ? paddingIdx + rows : paddingIdx);
        }
        if (weight.dim() != 2) {
            throw EngineException.shape("'weight' must be 2-D");
        }
        if (input.dtype != DType.INT64) {
            String type = input.dtype == DType.BOOL ? "CPUBoolType" : input.dtype.legacyTypeName();
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "Expected tensor for argument #1 'indices' to have one of the "
                    + "following scalar types: Long, Int; but got " + type + " instead (while checking arguments for embedding)");
        }
        long[] indices = input.readI64();
        for (long k : indices) {
            if (k < 0 || k >= weight.shape[0]) throw EngineException.invalid("index out of range in self");
        }
        double[] scales = scales(indices, weight.shape[0], pad, scaleGradByFreq);
        return gather(weight, indices, input.shape, null, scales);
    }

    /** The factor each index's gradient is added with: 0 for {@code padding_idx}, {@code 1 / count} by frequency. */
    private static double[] scales(long[] indices, int rows, int pad, boolean byFrequency) {
        int[] counts = new int[rows];
        for (long k : indices) counts[(int) k]++;
        double[] s = new double[indices.length];
        for (int i = 0; i < s.length; i++) {
            int k = (int) indices[i];
            s[i] = k == pad ? 0 : byFrequency ? 1.0 / counts[k] : 1;
        }
        return s;
    }

    /**
     * {@code source[indices]} shaped {@code indexShape + [dim]}; each row scaled by {@code rowScales} unless
     * null (the forward takes the rows as they are; the double backward masks and scales them).
     */
    private static Tensor gather(Tensor source, long[] indices, int[] indexShape, double[] rowScales, double[] scales) {
        int dim = source.shape[1];
        int[] shape = Arrays.copyOf(indexShape, indexShape.length + 1);
        shape[indexShape.length] = dim;
        Tensor out = Tensor.empty(source.dtype, shape);
        float[] f32 = source.dtype == DType.FLOAT32 ? source.readF32() : null;
        double[] f64 = source.dtype == DType.FLOAT64 ? source.readF64() : null;
        long[] i64 = source.dtype == DType.INT64 ? source.readI64() : null;
        boolean[] bool = source.dtype == DType.BOOL ? source.readBool() : null;
        for (int i = 0; i < indices.length; i++) {
            int from = (int) indices[i] * dim;
            int to = i * dim;
            double s = rowScales == null ? 1 : rowScales[i];
            switch (source.dtype) {
                case FLOAT32 -> {
                    for (int j = 0; j < dim; j++) out.storage.f32[to + j] = f32[from + j] * (float) s;
                }
                case FLOAT64 -> {
                    for (int j = 0; j < dim; j++) out.storage.f64[to + j] = f64[from + j] * s;
                }
                case INT64 -> System.arraycopy(i64, from, out.storage.i64, to, dim);
                case BOOL -> System.arraycopy(bool, from, out.storage.bool, to, dim);
            }
        }
        if (Graph.needsGrad(source)) {
            String name = rowScales == null ? "EmbeddingBackward0" : "IndexSelectBackward0";
            int rows = source.shape[0];
            Graph.record(name, out, new Tensor[] {source}, new Tensor[0],
                    ctx -> Graph.one(scatter(ctx.grad(), indices, indexShape, rows, scales)));
        }
        return out;
    }

    /** {@code embedding_dense_backward}: a {@code [rows, dim]} tensor with each gradient row added into its index's row. */
    private static Tensor scatter(Tensor grad, long[] indices, int[] indexShape, int rows, double[] scales) {
        int dim = grad.shape[grad.shape.length - 1];
        Tensor out = Factories.zeros(new int[] {rows, dim}, grad.dtype);
        if (grad.dtype == DType.FLOAT32) {
            float[] g = grad.readF32();
            float[] o = out.storage.f32;
            for (int i = 0; i < indices.length; i++) {
                if (scales[i] == 0) continue;
                int to = (int) indices[i] * dim;
                float s = (float) scales[i];
                for (int j = 0; j < dim; j++) o[to + j] = s == 1 ? o[to + j] + g[i * dim + j] : Math.fma(s, g[i * dim + j], o[to + j]);
            }
        } else {
            double[] g = grad.readF64();
            double[] o = out.storage.f64;
            for (int i = 0; i < indices.length; i++) {
                if (scales[i] == 0) continue;
                int to = (int) indices[i] * dim;
                for (int j = 0; j < dim; j++) o[to + j] = Math.fma(scales[i], g[i * dim + j], o[to + j]);
            }
        }
        if (Graph.needsGrad(grad)) {
            Graph.record("EmbeddingDenseBackward0", out, new Tensor[] {grad}, new Tensor[0],
                    ctx -> Graph.one(gather(ctx.grad(), indices, indexShape, scales, scales)));
        }
        return out;
    }
}
