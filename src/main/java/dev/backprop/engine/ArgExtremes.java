package dev.backprop.engine;

import java.util.Arrays;

/**
 * {@code argmax} and {@code argmin}: the int64 position of the first largest (smallest) element, over everything
 * (flattened) or along a dim. A NaN counts as the extreme, so the first NaN wins, as in ATen's reduction.
 */
final class ArgExtremes {
    private ArgExtremes() {}

    /** @param dim the dim, or null for the flattened input */
    static Tensor argExtreme(Tensor x, Integer dim, boolean keepdim, boolean max) {
        String op = max ? "argmax" : "argmin";
        if (x.dtype == DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"" + op + "_cpu\" not implemented for 'Bool'");
        }
        int[] outShape;
        DimLayout layout;
        if (dim == null) {
            if (x.numel == 0) {
                throw EngineException.invalid(op + "(): Expected reduction dim to be specified for input.numel() == 0.");
            }
            outShape = keepdim ? ones(x.dim()) : new int[0];
            layout = new DimLayout(1, x.numel, 1);
        } else {
            int d = Shapes.wrapDim(dim, x.dim());
            if (x.dim() > 0 && x.shape[d] == 0) {
                throw EngineException.invalid(op + "(): Expected reduction dim " + d + " to have non-zero size.");
            }
            outShape = x.dim() == 0 ? new int[0] : keepdim ? withOne(x.shape, d) : ShapeOps.remove(x.shape, d);
            layout = DimLayout.of(x.shape, d);
        }
        Tensor r = Tensor.empty(DType.INT64, outShape);
        Tensor c = x.contiguous();
        VectorKernels.sequentialRows(layout.lines(), layout.size(), (from, to) -> {
            for (int line = from; line < to; line++) {
                int base = c.offset + layout.base(line);
                r.storage.i64[line] = x.dtype.isFloating() ? firstFloating(c.storage, base, layout, max) : firstLong(c.storage, base, layout, max);
            }
        });
        return r;
    }

    private static int firstFloating(Storage s, int base, DimLayout layout, boolean max) {
        int best = 0;
        double b = s.getDouble(base);
        for (int k = 1; k < layout.size() && b == b; k++) {
            double v = s.getDouble(base + k * layout.inner());
            if (v != v || (max ? v > b : v < b)) {
                b = v;
                best = k;
            }
        }
        return best;
    }

    private static int firstLong(Storage s, int base, DimLayout layout, boolean max) {
        int best = 0;
        long b = s.getLong(base);
        for (int k = 1; k < layout.size(); k++) {
            long v = s.getLong(base + k * layout.inner());
            if (max ? v > b : v < b) {
                b = v;
                best = k;
            }
        }
        return best;
    }

    static int[] ones(int rank) {
        int[] s = new int[rank];
        Arrays.fill(s, 1);
        return s;
    }

    static int[] withOne(int[] shape, int d) {
        int[] s = shape.clone();
        s[d] = 1;
        return s;
    }
}
