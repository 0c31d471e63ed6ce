package dev.backprop.engine;

import java.util.Arrays;

/**
 * {@code sum}, {@code mean}, {@code max} and {@code min}, over everything or over dims, with their
 * grad_fns ({@code SumBackward0/1}, {@code MeanBackward0/1}, {@code MaxBackward0/1}, {@code MinBackward0/1})
 * and PyTorch's result dtypes (the sum of a bool or integer tensor is int64). Floating sums accumulate
 * in double and round once. Loops over the input run in blocks between which the request's
 * {@link Deadline} is checked.
 */
final class Reductions {
    private Reductions() {}

    static Tensor sum(Tensor x, DType dtype) {
        return sumDims(x, new int[0], false, dtype, "SumBackward0");
    }

    static Tensor sumDims(Tensor x, int[] dims, boolean keepdim, DType dtype) {
        return sumDims(x, dims, keepdim, dtype, "SumBackward1");
    }

    private static Tensor sumDims(Tensor x, int[] dims, boolean keepdim, DType dtype, String gradFn) {
        boolean[] reduced = reducedDims(x, dims);
        DType out = dtype != null ? dtype : x.dtype.isFloating() ? x.dtype : DType.INT64;
        Tensor r = reduce(x, reduced, keepdim, out, false);
        if (out.isFloating() && x.dtype.isFloating() && Graph.needsGrad(x)) {
            int[] in = x.shape;
            Graph.record(gradFn, r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(expandBack(ctx.grad(), in, reduced, keepdim)));
        }
        return r;
    }

    static Tensor mean(Tensor x) {
        return meanDims(x, new int[0], false, "MeanBackward0");
    }

    static Tensor meanDims(Tensor x, int[] dims, boolean keepdim) {
        return meanDims(x, dims, keepdim, "MeanBackward1");
    }

    private static Tensor meanDims(Tensor x, int[] dims, boolean keepdim, String gradFn) {
        if (!x.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "mean(): could not infer output dtype. Input dtype must be either "
                    + "a floating point or complex dtype. Got: " + x.dtype.torchName());
        }
        boolean[] reduced = reducedDims(x, dims);
        Tensor r = reduce(x, reduced, keepdim, x.dtype, true);
        if (Graph.needsGrad(x)) {
            int[] in = x.shape;
            int count = reducedCount(in, reduced);
            Graph.record(gradFn, r, new Tensor[] {x}, new Tensor[0],
                    ctx -> Graph.one(expandBack(ctx.grad(), in, reduced, keepdim).div(count)));
        }
        return r;
    }

    /** {@code at::sum_to}: sums leading dims away and the dims where the target has size 1. */
    static Tensor sumTo(Tensor x, int[] target) {
        if (Arrays.equals(x.shape, target)) {
            return x;
        }
        int leading = x.dim() - target.length;
        int[] dims = new int[x.dim()];
        int n = 0;
        for (int i = 0; i < x.dim(); i++) {
            if (i < leading || (target[i - leading] == 1 && x.shape[i] != 1)) dims[n++] = i;
        }
        Tensor r = n == 0 ? x : sumDims(x, Arrays.copyOf(dims, n), true, null);
        return leading > 0 ? r.view(target) : r;
    }

    static Tensor extreme(Tensor x, boolean max) {
        if (x.numel == 0) {
            throw EngineException.invalid((max ? "max" : "min") + "(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        double[] best = {max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY};
        VectorKernels.sequential(x.numel, (from, to) -> {
            double b = best[0];
            for (int i = from; i < to && b == b; i++) {
                double v = x.getDouble(i);
                if (v != v || (max ? v > b : v < b)) b = v;
            }
            best[0] = b;
        });
        Tensor r = Kernels.filled(new int[0], x.dtype, best[0]);
        if (x.dtype == DType.INT64) {
            long[] a = x.readI64();
            long[] b = {max ? Long.MIN_VALUE : Long.MAX_VALUE};
            VectorKernels.sequential(a.length, (from, to) -> {
                long e = b[0];
                for (int i = from; i < to; i++) e = max ? Math.max(e, a[i]) : Math.min(e, a[i]);
                b[0] = e;
            });
            r.storage.i64[0] = b[0];
        }
        if (x.dtype.isFloating() && Graph.needsGrad(x)) {
            Graph.record(max ? "MaxBackward1" : "MinBackward1", r, new Tensor[] {x}, new Tensor[] {x, r}, ctx -> {
                Tensor mask = ctx.saved(0).eq(ctx.saved(1));
                return Graph.one(ctx.grad().div(mask.sum()).mul(mask));
            });
        }
        return r;
    }

    /** {@code max(dim, keepdim)}: values and int64 indices (the first extreme in each row). */
    static Tensor[] extremeDim(Tensor x, int dim, boolean keepdim, boolean max) {
        int d = Shapes.wrapDim(dim, x.dim());
        if (x.dim() > 0 && x.shape[d] == 0) {
            throw EngineException.invalid("Expected reduction dim " + d + " to have non-zero size.");
        }
        int size = x.dim() == 0 ? 1 : x.shape[d];
        int inner = innerSize(x.shape, d);
        int outer = x.numel / Math.max(size * inner, 1);
        int[] outShape = x.dim() == 0 ? new int[0] : keepdim ? withOne(x.shape, d) : ShapeOps.remove(x.shape, d);
        Tensor values = Tensor.empty(x.dtype, outShape);
        Tensor indices = Tensor.empty(DType.INT64, outShape);
        Tensor c = x.contiguous();
        VectorKernels.sequentialRows(outer, (long) size * inner, (from, to) -> {
            for (int o = from; o < to; o++) {
                for (int in = 0; in < inner; in++) {
                    int base = o * size * inner + in;
                    int bestIdx = 0;
                    double best = c.getDouble(base);
                    for (int k = 1; k < size && best == best; k++) {
                        double v = c.getDouble(base + k * inner);
                        if (v != v || (max ? v > best : v < best)) {
                            best = v;
                            bestIdx = k;
                        }
                    }
                    int at = o * inner + in;
                    indices.storage.i64[at] = bestIdx;
                    setFrom(values, at, c, base + bestIdx * inner);
                }
            }
        });
        if (x.dtype.isFloating() && Graph.needsGrad(x)) {
            int[] in = x.shape;
            Graph.record(max ? "MaxBackward0" : "MinBackward0", values, new Tensor[] {x}, new Tensor[] {indices}, ctx -> {
                Tensor g = ctx.grad();
                if (!keepdim && in.length > 0) g = g.unsqueeze(d);
                Tensor mask = oneHot(ctx.saved(0), in, d, keepdim);
                return Graph.one(Tensor.where(mask, g.expand(in), g.mulScalar(0)));
            });
        }
        return new Tensor[] {values, indices};
    }

    /** A bool tensor shaped {@code shape} that is true where the index along {@code dim} equals {@code indices}. */
    private static Tensor oneHot(Tensor indices, int[] shape, int dim, boolean keepdim) {
        Tensor mask = Tensor.empty(DType.BOOL, shape);
        if (shape.length == 0) {
            mask.storage.bool[0] = true;
            return mask;
        }
        int size = shape[dim], inner = innerSize(shape, dim);
        int outer = mask.numel / Math.max(size * inner, 1);
        long[] idx = indices.readI64();
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                mask.storage.bool[o * size * inner + (int) idx[o * inner + in] * inner + in] = true;
            }
        }
        return mask;
    }

    /** The number of elements in the dims after {@code dim}. */
    private static int innerSize(int[] shape, int dim) {
        int inner = 1;
        for (int i = dim + 1; i < shape.length; i++) inner *= shape[i];
        return inner;
    }

    private static void setFrom(Tensor dst, int at, Tensor src, int from) {
        switch (dst.dtype) {
            case FLOAT32 -> dst.storage.f32[at] = (float) src.getDouble(from);
            case FLOAT64 -> dst.storage.f64[at] = src.getDouble(from);
            case INT64 -> dst.storage.i64[at] = src.storage.getLong(src.offset + from);
            case BOOL -> dst.storage.bool[at] = src.getDouble(from) != 0;
        }
    }

    private static int[] withOne(int[] shape, int d) {
        int[] s = shape.clone();
        s[d] = 1;
        return s;
    }

    static boolean[] reducedDims(Tensor x, int[] dims) {
        boolean[] reduced = new boolean[x.dim()];
        if (dims.length == 0) {
            Arrays.fill(reduced, true);
            return reduced;
        }
        for (int dim : dims) {
            int d = Shapes.wrapDim(dim, x.dim());
            if (x.dim() == 0) continue;
            if (reduced[d]) {
                throw EngineException.invalid("dim " + d + " appears multiple times in the list of dims");
            }
            reduced[d] = true;
        }
        return reduced;
    }

    private static int reducedCount(int[] shape, boolean[] reduced) {
        int n = 1;
        for (int i = 0; i < shape.length; i++) if (reduced[i]) n *= shape[i];
        return n;
    }

    /** {@code sum_backward}: puts the reduced dims back (unless kept) and expands to the input's shape. */
    private static Tensor expandBack(Tensor g, int[] shape, boolean[] reduced, boolean keepdim) {
        if (!keepdim) {
            for (int i = 0; i < shape.length; i++) {
                if (reduced[i]) g = g.unsqueeze(i);
            }
        }
        return g.expand(shape);
    }

    /** Sums (or averages) over the marked dims. */
    private static Tensor reduce(Tensor x, boolean[] reduced, boolean keepdim, DType out, boolean average) {
        int rank = x.dim();
        int[] keptShape = new int[rank];
        int kept = 0;
        for (int i = 0; i < rank; i++) {
            keptShape[i] = reduced[i] ? 1 : x.shape[i];
            if (!reduced[i]) kept++;
        }
        int[] outShape = keepdim ? keptShape : new int[kept];
        if (!keepdim) {
            for (int i = 0, j = 0; i < rank; i++) if (!reduced[i]) outShape[j++] = x.shape[i];
        }
        int outN = Shapes.numel(keptShape);
        int[] outStrides = Shapes.contiguousStrides(keptShape);
        for (int i = 0; i < rank; i++) if (reduced[i]) outStrides[i] = 0;
        int count = reducedCount(x.shape, reduced);
        Tensor r = Tensor.empty(out, outShape);
        if (out.isFloating()) {
            double[] acc = new double[outN];
            if (x.dtype == DType.FLOAT32 && outN == 1) {
                float[] a = x.readF32();
                VectorKernels.sequential(a.length, (from, to) -> {
                    double s = acc[0];
                    for (int i = from; i < to; i++) s += a[i];
                    acc[0] = s;
                });
            } else {
                double[] a = x.readF64();
                accumulate(x.shape, outStrides, i -> a[i], acc);
            }
            for (int i = 0; i < outN; i++) {
                double v = average ? acc[i] / count : acc[i];
                if (out == DType.FLOAT32) r.storage.f32[i] = (float) v;
                else r.storage.f64[i] = v;
            }
        } else {
            long[] a = x.readI64();
            long[] acc = new long[outN];
            int[] idx = new int[rank];
            int[] pos = {0};
            VectorKernels.sequential(a.length, (from, to) -> {
                int p = pos[0];
                for (int i = from; i < to; i++) {
                    acc[p] += a[i];
                    p = step(x.shape, outStrides, idx, p);
                }
                pos[0] = p;
            });
            for (int i = 0; i < outN; i++) {
                if (out == DType.INT64) r.storage.i64[i] = acc[i];
                else r.storage.bool[i] = acc[i] != 0;
            }
        }
        return r;
    }

    private interface Reader {
        double at(int i);
    }

    private static void accumulate(int[] shape, int[] outStrides, Reader in, double[] acc) {
        int[] idx = new int[shape.length];
        int[] pos = {0};
        VectorKernels.sequential(Shapes.numel(shape), (from, to) -> {
            int p = pos[0];
            for (int i = from; i < to; i++) {
                acc[p] += in.at(i);
                p = step(shape, outStrides, idx, p);
            }
            pos[0] = p;
        });
    }

    private static int step(int[] shape, int[] strides, int[] idx, int pos) {
        for (int d = shape.length - 1; d >= 0; d--) {
            pos += strides[d];
            if (++idx[d] < shape[d]) return pos;
            pos -= strides[d] * shape[d];
            idx[d] = 0;
        }
        return pos;
    }
}
