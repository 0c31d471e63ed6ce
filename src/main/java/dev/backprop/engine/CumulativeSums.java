package dev.backprop.engine;

/**
 * {@code cumsum(input, dim, dtype)}: running sums along a dim, accumulated in double (int64 for integer and
 * bool inputs, whose result is int64) and rounded at each output. The gradient ({@code CumsumBackward0}) is
 * the running sum from the other end, ATen's {@code reversed_cumsum} ({@code flip(cumsum(flip(grad)))}),
 * which is itself differentiable by a forward running sum.
 */
final class CumulativeSums {
    private CumulativeSums() {}

    static Tensor cumsum(Tensor input, int dim, DType dtype) {
        if (dtype == DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"cumsum_out_cpu\" not implemented for 'Bool'");
        }
        Tensor x = dtype != null ? input.to(dtype) : input.dtype.isFloating() ? input : input.to(DType.INT64);
        int d = Shapes.wrapDim(dim, x.dim());
        Tensor r = scan(x, d, false);
        if (x.dtype.isFloating() && Graph.needsGrad(x)) {
            Graph.record("CumsumBackward0", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(reversed(ctx.grad(), d)));
        }
        return r;
    }

    /** The running sums from the last element back, {@code FlipBackward0} as PyTorch's outermost flip. */
    private static Tensor reversed(Tensor g, int d) {
        Tensor r = scan(g, d, true);
        if (Graph.needsGrad(g)) {
            Graph.record("FlipBackward0", r, new Tensor[] {g}, new Tensor[0], ctx -> Graph.one(cumsum(ctx.grad(), d, null)));
        }
        return r;
    }

    private static Tensor scan(Tensor x, int d, boolean fromEnd) {
        Tensor r = Tensor.empty(x.dtype, x.shape);
        if (x.dtype.isFloating()) {
            double[] v = x.readF64();
            forEachLine(x, d, fromEnd, (first, step, size) -> {
                double acc = 0;
                for (int k = 0, at = first; k < size; k++, at += step) {
                    acc += v[at];
                    if (x.dtype == DType.FLOAT32) r.storage.f32[at] = (float) acc;
                    else r.storage.f64[at] = acc;
                }
            });
        } else {
            long[] v = x.readI64();
            forEachLine(x, d, fromEnd, (first, step, size) -> {
                long acc = 0;
                for (int k = 0, at = first; k < size; k++, at += step) {
                    acc += v[at];
                    r.storage.i64[at] = acc;
                }
            });
        }
        return r;
    }

    /** One line along a dim: its first element's row-major index, the step to the next, and its length. */
    private interface Line {
        void run(int first, int step, int size);
    }

    private static void forEachLine(Tensor x, int d, boolean fromEnd, Line line) {
        int size = x.dim() == 0 ? 1 : x.shape[d];
        int inner = 1;
        for (int i = d + 1; i < x.dim(); i++) inner *= x.shape[i];
        int outer = x.numel / Math.max(size * inner, 1);
        int rowInner = inner;
        int step = fromEnd ? -inner : inner;
        VectorKernels.sequentialRows(outer, (long) size * inner, (from, to) -> {
            for (int o = from; o < to; o++) {
                for (int in = 0; in < rowInner; in++) {
                    int start = o * size * rowInner + in;
                    line.run(fromEnd ? start + (size - 1) * rowInner : start, step, size);
                }
            }
        });
    }
}
