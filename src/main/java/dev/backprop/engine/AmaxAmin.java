package dev.backprop.engine;

import java.util.Arrays;

/**
 * {@code amax} and {@code amin} over a list of dims (all of them when empty): the input's dtype, NaN propagating.
 * Unlike {@code max}, the derivative ({@code AmaxBackward0}, {@code AminBackward0}) splits the gradient evenly among
 * the elements equal to the extreme: {@code scale_grad_by_count(restore_reduced_dims(grad), restore_reduced_dims(result)
 * == self, dim)} in tools/autograd/derivatives.yaml.
 */
final class AmaxAmin {
    private AmaxAmin() {}

    static Tensor amax(Tensor x, int[] dims, boolean keepdim, boolean max) {
        String op = max ? "amax" : "amin";
        boolean[] reduced = Reductions.reducedDims(x, dims);
        if (x.numel == 0) {
            if (dims.length == 0) {
                throw EngineException.invalid(op + "(): Expected reduction dim to be specified for input.numel() == 0. "
                        + "Specify the reduction dim with the 'dim' argument.");
            }
            for (int i = 0; i < x.dim(); i++) {
                if (reduced[i] && x.shape[i] == 0) {
                    throw EngineException.invalid(op + "(): Expected reduction dim " + i + " to have non-zero size.");
                }
            }
        }
        int rank = x.dim();
        int[] kept = x.shape.clone();
        int keptRank = 0;
        for (int i = 0; i < rank; i++) {
            if (reduced[i]) kept[i] = 1;
            else keptRank++;
        }
        int[] outShape = kept;
        if (!keepdim) {
            outShape = new int[keptRank];
            for (int i = 0, j = 0; i < rank; i++) if (!reduced[i]) outShape[j++] = x.shape[i];
        }
        int[] outStrides = Shapes.contiguousStrides(kept);
        for (int i = 0; i < rank; i++) if (reduced[i]) outStrides[i] = 0;
        Tensor r = Tensor.empty(x.dtype, outShape);
        if (x.dtype.isFloating()) {
            reduceFloating(x.readF64(), x.shape, outStrides, r, max);
        } else {
            reduceLong(x.readI64(), x.shape, outStrides, r, max);
        }
        if (x.dtype.isFloating() && Graph.needsGrad(x)) {
            int[] reducedList = indicesOf(reduced);
            Graph.record(max ? "AmaxBackward0" : "AminBackward0", r, new Tensor[] {x}, new Tensor[] {x, r}, ctx -> {
                Tensor mask = restore(ctx.saved(1), reduced, keepdim).eq(ctx.saved(0));
                Tensor count = mask.sum(reducedList, true);
                return Graph.one(restore(ctx.grad(), reduced, keepdim).div(count).mul(mask));
            });
        }
        return r;
    }

    private static void reduceFloating(double[] a, int[] shape, int[] outStrides, Tensor r, boolean max) {
        double[] best = new double[r.numel];
        Arrays.fill(best, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        int[] idx = new int[shape.length];
        int[] pos = {0};
        VectorKernels.sequential(a.length, (from, to) -> {
            int p = pos[0];
            for (int i = from; i < to; i++) {
                double v = a[i], b = best[p];
                if (b == b && (v != v || (max ? v > b : v < b))) best[p] = v;
                p = StridedCursor.step(shape, outStrides, idx, p);
            }
            pos[0] = p;
        });
        for (int i = 0; i < best.length; i++) {
            if (r.dtype == DType.FLOAT32) r.storage.f32[i] = (float) best[i];
            else r.storage.f64[i] = best[i];
        }
    }

    private static void reduceLong(long[] a, int[] shape, int[] outStrides, Tensor r, boolean max) {
        long[] best = new long[r.numel];
        Arrays.fill(best, max ? Long.MIN_VALUE : Long.MAX_VALUE);
        int[] idx = new int[shape.length];
        int[] pos = {0};
        VectorKernels.sequential(a.length, (from, to) -> {
            int p = pos[0];
            for (int i = from; i < to; i++) {
                best[p] = max ? Math.max(best[p], a[i]) : Math.min(best[p], a[i]);
                p = StridedCursor.step(shape, outStrides, idx, p);
            }
            pos[0] = p;
        });
        for (int i = 0; i < best.length; i++) {
            if (r.dtype == DType.INT64) r.storage.i64[i] = best[i];
            else r.storage.bool[i] = best[i] != 0;
        }
    }

    /** {@code restore_reduced_dims}: the reduced dims put back as size 1 (when they were not kept). */
    private static Tensor restore(Tensor t, boolean[] reduced, boolean keepdim) {
        if (keepdim) return t;
        for (int i = 0; i < reduced.length; i++) if (reduced[i]) t = t.unsqueeze(i);
        return t;
    }

    private static int[] indicesOf(boolean[] reduced) {
        int n = 0;
        int[] out = new int[reduced.length];
        for (int i = 0; i < reduced.length; i++) if (reduced[i]) out[n++] = i;
        return Arrays.copyOf(out, n);
    }
}
