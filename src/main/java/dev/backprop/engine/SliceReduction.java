package dev.backprop.engine;

import java.util.function.DoubleBinaryOperator;

/**
 * A reduction over some dims of a tensor, planned once: which output element each input element (in
 * row-major order) falls into, the output's shape with and without the reduced dims, and how many inputs
 * each output has. The reductions of {@link Products}, {@link Moments}, {@link Norms} and {@link LogSumExp}
 * fold their slices through it.
 */
final class SliceReduction {
    final int[] inShape;
    final boolean[] reduced;
    /** The reduced dims in ascending order. */
    final int[] dims;
    final int[] outShape;
    final int[] keptShape;
    final int outN;
    final int count;
    /** Steps through the output as the input is walked in row-major order: 0 along the reduced dims. */
    private final int[] outStrides;

    private SliceReduction(int[] inShape, boolean[] reduced, boolean keepdim) {
        this.inShape = inShape;
        this.reduced = reduced;
        int rank = inShape.length, kept = 0, nDims = 0, c = 1;
        keptShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            keptShape[i] = reduced[i] ? 1 : inShape[i];
            if (reduced[i]) {
                nDims++;
                c *= inShape[i];
            } else {
                kept++;
            }
        }
        count = c;
        dims = new int[nDims];
        int[] squeezed = new int[kept];
        for (int i = 0, j = 0, k = 0; i < rank; i++) {
            if (reduced[i]) dims[k++] = i;
            else squeezed[j++] = inShape[i];
        }
        outShape = keepdim ? keptShape : squeezed;
        outN = Shapes.numel(keptShape);
        outStrides = Shapes.contiguousStrides(keptShape);
        for (int i = 0; i < rank; i++) if (reduced[i]) outStrides[i] = 0;
    }

    /** Over {@code dims} (all dims when null or empty), each wrapped and checked as PyTorch does. */
    static SliceReduction over(Tensor x, int[] dims, boolean keepdim) {
        boolean[] reduced = Reductions.reducedDims(x, dims == null ? new int[0] : dims);
        return new SliceReduction(x.shape, reduced, keepdim);
    }

    /** Visits each input element (its row-major index) with its output position. */
    @FunctionalInterface
    interface Visit {
        void at(int i, int p);
    }

    /** An input element's value, given its row-major index and output position. */
    @FunctionalInterface
    interface Element {
        double at(int i, int p);
    }

    /** Walks the input in row-major order, in blocks between which the request's deadline is checked. */
    void forEach(Visit visit) {
        int rank = inShape.length;
        int[] idx = new int[rank];
        int[] pos = {0};
        VectorKernels.sequential(Shapes.numel(inShape), (from, to) -> {
            int p = pos[0];
            for (int i = from; i < to; i++) {
                visit.at(i, p);
                for (int d = rank - 1; d >= 0; d--) {
                    p += outStrides[d];
                    if (++idx[d] < inShape[d]) break;
                    p -= outStrides[d] * inShape[d];
                    idx[d] = 0;
                }
            }
            pos[0] = p;
        });
    }

    /** Folds each slice from {@code init} with {@code op}. */
    double[] fold(Element element, double init, DoubleBinaryOperator op) {
        double[] acc = new double[outN];
        java.util.Arrays.fill(acc, init);
        forEach((i, p) -> acc[p] = op.applyAsDouble(acc[p], element.at(i, p)));
        return acc;
    }

    /** Folds each slice of {@code values} (the input's, row-major) from {@code init} with {@code op}. */
    double[] fold(double[] values, double init, DoubleBinaryOperator op) {
        return fold((i, p) -> values[i], init, op);
    }

    /** A tensor of the output's shape holding {@code values} in {@code dtype}. */
    Tensor result(double[] values, DType dtype) {
        Tensor r = Tensor.empty(dtype, outShape);
        for (int i = 0; i < outN; i++) {
            switch (dtype) {
                case FLOAT32 -> r.storage.f32[i] = (float) values[i];
                case FLOAT64 -> r.storage.f64[i] = values[i];
                case INT64 -> r.storage.i64[i] = (long) values[i];
                case BOOL -> r.storage.bool[i] = values[i] != 0;
            }
        }
        return r;
    }

    /** A tensor of the output's shape as it would be with keepdim: the reduced dims put back as size 1. */
    Tensor kept(Tensor t, boolean keepdim) {
        if (keepdim || inShape.length == 0) return t;
        for (int d : dims) t = t.unsqueeze(d);
        return t;
    }
}
