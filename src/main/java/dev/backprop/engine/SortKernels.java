package dev.backprop.engine;

import java.util.Arrays;

/**
 * {@code sort} and {@code topk} along a dim, as ATen's CPU kernels order them (SortingKernel.cpp, TopKImpl.h): NaN is
 * larger than every number, {@code -0.0} equals {@code 0.0}, {@code sort(stable=False)} runs {@code std::sort} and
 * {@code topk} {@code std::partial_sort} or {@code std::nth_element} ({@link StdSort}), so ties come out in their
 * order. Values are {@link SortBackward}-recorded gathers of the input.
 */
final class SortKernels {
    private SortKernels() {}

    /** {@code sort(input, dim, descending, stable)}: values and int64 indices. */
    static Tensor[] sort(Tensor x, int dim, boolean descending, boolean stable, String gradFn) {
        int d = Shapes.wrapDim(dim, x.dim());
        DimLayout layout = DimLayout.of(x.shape, d);
        Tensor indices = Tensor.empty(DType.INT64, x.shape);
        Keys keys = Keys.of(x);
        Integer[] boxed = stable ? new Integer[layout.size()] : null;
        int[] order = new int[layout.size()];
        VectorKernels.sequentialRows(layout.lines(), (long) layout.size() * 8, (from, to) -> {
            for (int line = from; line < to; line++) {
                int base = layout.base(line), inner = layout.inner();
                StdSort.Less less = descending ? (a, b) -> keys.greater(base + a * inner, base + b * inner)
                        : (a, b) -> keys.greater(base + b * inner, base + a * inner);
                for (int k = 0; k < order.length; k++) order[k] = k;
                if (stable) {
                    for (int k = 0; k < order.length; k++) boxed[k] = k;
                    Arrays.sort(boxed, (a, b) -> less.test(a, b) ? -1 : less.test(b, a) ? 1 : 0);
                    for (int k = 0; k < order.length; k++) order[k] = boxed[k];
                } else {
                    StdSort.sort(order, 0, order.length, less);
                }
                for (int k = 0; k < order.length; k++) indices.storage.i64[base + k * inner] = order[k];
            }
        });
        return SortBackward.values(gradFn, x, indices, d);
    }

    /** {@code topk(input, k, dim, largest, sorted)}: the k largest (or smallest) values and their int64 indices. */
    static Tensor[] topk(Tensor x, int k, int dim, boolean largest, boolean sorted) {
        int d = Shapes.wrapDim(dim, x.dim());
        int size = x.dim() == 0 ? 1 : x.shape[d];
        if (k < 0 || k > size) {
            throw EngineException.invalid("selected index k out of range");
        }
        if (x.dtype == DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"topk_cpu\" not implemented for 'Bool'");
        }
        int[] outShape = x.shape.clone();
        if (x.dim() > 0) outShape[d] = k;
        DimLayout layout = DimLayout.of(x.shape, d);
        DimLayout out = DimLayout.of(outShape, d);
        Tensor indices = Tensor.empty(DType.INT64, outShape);
        Keys keys = Keys.of(x);
        int[] queue = new int[size];
        VectorKernels.sequentialRows(k == 0 ? 0 : layout.lines(), (long) size * 8, (from, to) -> {
            for (int line = from; line < to; line++) {
                int base = layout.base(line), inner = layout.inner();
                StdSort.Less less = largest ? (a, b) -> keys.greater(base + a * inner, base + b * inner)
                        : (a, b) -> keys.greater(base + b * inner, base + a * inner);
                for (int j = 0; j < size; j++) queue[j] = j;
                if ((long) k * 64 <= size) {
                    StdSort.partialSort(queue, 0, k, size, less);
                } else {
                    StdSort.nthElement(queue, 0, k - 1, size, less);
                    if (sorted) StdSort.sort(queue, 0, k - 1, less);
                }
                int outBase = out.base(line);
                for (int j = 0; j < k; j++) indices.storage.i64[outBase + j * inner] = queue[j];
            }
        });
        return SortBackward.values("TopkBackward0", x, indices, d);
    }

    /** The input's elements compared as ATen's comparators compare them, NaN above everything. */
    private record Keys(double[] floats, long[] longs) {
        static Keys of(Tensor x) {
            return x.dtype.isFloating() ? new Keys(x.readF64(), null) : new Keys(null, x.readI64());
        }

        boolean greater(int a, int b) {
            if (longs != null) return longs[a] > longs[b];
            double x = floats[a], y = floats[b];
            return (x != x && y == y) || x > y;
        }
    }
}
