package dev.backprop.engine;

/**
 * {@code softmax} ({@code SoftmaxBackward0}) and {@code log_softmax} ({@code LogSoftmaxBackward0}) over one dim,
 * as aten/src/ATen/native/cpu/SoftMaxKernel.cpp computes them: the row's maximum is subtracted before
 * {@code exp}, so large inputs do not overflow. float32 rows round each step to float as the kernel does. The
 * backwards are those of tools/autograd/derivatives.yaml ({@code _softmax_backward_data},
 * {@code _log_softmax_backward_data}), written in tensor ops so that they can be differentiated again.
 */
final class SoftmaxOps {
    private SoftmaxOps() {}

    static Tensor softmax(Tensor input, int dim, DType dtype) {
        return apply(input, dim, dtype, false);
    }

    static Tensor logSoftmax(Tensor input, int dim, DType dtype) {
        return apply(input, dim, dtype, true);
    }

    private static Tensor apply(Tensor input, int dim, DType dtype, boolean log) {
        int d = Shapes.wrapDim(dim, input.dim());
        Tensor x = dtype == null ? input : input.to(dtype);
        if (!x.dtype.isFloating()) {
            boolean lastDim = x.dim() == 0 || d == x.dim() - 1;
            String kernel = lastDim ? (log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl") : "softmax_kernel_impl";
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"" + kernel + "\" not implemented for '" + x.dtype.torchName() + "'");
        }
        Tensor r = forward(x, d, log);
        if (Graph.needsGrad(x)) {
            int[] dims = x.dim() == 0 ? new int[0] : new int[] {d};
            if (log) {
                Graph.record("LogSoftmaxBackward0", r, new Tensor[] {x}, new Tensor[] {r}, ctx -> {
                    Tensor g = ctx.grad();
                    return Graph.one(g.sub(ctx.saved(0).exp().mul(g.sum(dims, true))));
                });
            } else {
                Graph.record("SoftmaxBackward0", r, new Tensor[] {x}, new Tensor[] {r}, ctx -> {
                    Tensor g = ctx.grad(), y = ctx.saved(0);
                    return Graph.one(y.mul(g.sub(g.mul(y).sum(dims, true))));
                });
            }
        }
        return r;
    }

    /** The kernel over rows along dim {@code d}: float32 rows are computed with each step rounded to float, as PyTorch's. */
    private static Tensor forward(Tensor x, int d, boolean log) {
        int size = x.dim() == 0 ? 1 : x.shape[d];
        int inner = 1;
        for (int i = d + 1; i < x.dim(); i++) inner *= x.shape[i];
        int rows = size == 0 ? 0 : x.numel / size;
        int stride = inner;
        Tensor r = Tensor.empty(x.dtype, x.shape);
        if (x.dtype == DType.FLOAT64) {
            double[] in = x.readF64(), out = r.storage.f64;
            VectorKernels.sequentialRows(rows, size, (from, to) -> {
                for (int row = from; row < to; row++) rowF64(in, out, (row / stride) * size * stride + row % stride, size, stride, log);
            });
        } else {
            float[] in = x.readF32(), out = r.storage.f32;
            VectorKernels.sequentialRows(rows, size, (from, to) -> {
                for (int row = from; row < to; row++) rowF32(in, out, (row / stride) * size * stride + row % stride, size, stride, log);
            });
        }
        return r;
    }

    private static void rowF64(double[] in, double[] out, int base, int size, int stride, boolean log) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            double v = in[base + k * stride];
            if (v != v || v > max) max = v;
        }
        double sum = 0;
        for (int k = 0; k < size; k++) sum += Math.exp(in[base + k * stride] - max);
        double logSum = Math.log(sum);
        for (int k = 0; k < size; k++) {
            int at = base + k * stride;
            out[at] = log ? in[at] - max - logSum : Math.exp(in[at] - max) / sum;
        }
    }

    private static void rowF32(float[] in, float[] out, int base, int size, int stride, boolean log) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            float v = in[base + k * stride];
            if (v != v || v > max) max = v;
        }
        float sum = 0;
        for (int k = 0; k < size; k++) sum += (float) Math.exp(in[base + k * stride] - max);
        float logSum = (float) Math.log(sum);
        for (int k = 0; k < size; k++) {
            int at = base + k * stride;
            out[at] = log ? (in[at] - max) - logSum : (float) Math.exp(in[at] - max) / sum;
        }
    }
}
