package dev.backprop.engine;

/**
 * Picking elements along one dim by int64 indices, and putting them back: the gather that gives {@code sort} and
 * {@code topk} their values, and the scatter into zeros that is their derivative
 * ({@code value_selecting_reduction_backward}, tools/autograd/FunctionsManual.cpp). Each is the other's derivative,
 * recorded as {@code GatherBackward0} and {@code ScatterBackward0}, so that second derivatives go through. Indices
 * never repeat within a line here (they come from a sort or a top-k), so the scatter does not need to add.
 */
final class AlongDim {
    private AlongDim() {}

    /** {@code src.gather(dim, indices)}: the result has the indices' shape. */
    static Tensor gather(Tensor src, Tensor indices, int dim) {
        Tensor r = gatherKernel(src, indices, dim);
        if (Graph.needsGrad(src)) {
            int[] shape = src.shape;
            Graph.record("GatherBackward0", r, new Tensor[] {src}, new Tensor[] {indices},
                    ctx -> Graph.one(scatterIntoZeros(ctx.grad(), ctx.saved(0), dim, shape)));
        }
        return r;
    }

    /** {@code zeros(shape).scatter(dim, indices, src)}. */
    static Tensor scatterIntoZeros(Tensor src, Tensor indices, int dim, int[] shape) {
        Tensor r = Tensor.empty(src.dtype, shape);
        Tensor s = src.contiguous();
        long[] idx = indices.readI64();
        DimLayout from = DimLayout.of(indices.shape, dim), to = DimLayout.of(shape, dim);
        for (int line = 0; line < from.lines(); line++) {
            int fb = from.base(line), tb = to.base(line);
            for (int k = 0; k < from.size(); k++) {
                int at = fb + k * from.inner();
                copyElement(r, tb + (int) idx[at] * to.inner(), s, at);
            }
        }
        if (Graph.needsGrad(src)) {
            Graph.record("ScatterBackward0", r, new Tensor[] {src}, new Tensor[] {indices},
                    ctx -> Graph.one(gather(ctx.grad(), ctx.saved(0), dim)));
        }
        return r;
    }

    /** The gather without recording, for ops that record their own node. */
    static Tensor gatherKernel(Tensor src, Tensor indices, int dim) {
        Tensor r = Tensor.empty(src.dtype, indices.shape);
        Tensor s = src.contiguous();
        long[] idx = indices.readI64();
        DimLayout from = DimLayout.of(s.shape, dim), to = DimLayout.of(indices.shape, dim);
        for (int line = 0; line < to.lines(); line++) {
            int fb = from.base(line), tb = to.base(line);
            for (int k = 0; k < to.size(); k++) {
                int at = tb + k * to.inner();
                copyElement(r, at, s, fb + (int) idx[at] * from.inner());
            }
        }
        return r;
    }

    /** Copies element {@code from} of the contiguous {@code src} to element {@code at} of the new {@code dst} (same dtype). */
    static void copyElement(Tensor dst, int at, Tensor src, int from) {
        int p = src.offset + from;
        switch (dst.dtype) {
            case FLOAT32 -> dst.storage.f32[at] = src.storage.f32[p];
            case FLOAT64 -> dst.storage.f64[at] = src.storage.f64[p];
            case INT64 -> dst.storage.i64[at] = src.storage.i64[p];
            case BOOL -> dst.storage.bool[at] = src.storage.bool[p];
        }
    }
}
