package dev.backprop.engine;

/**
 * {@code all} and {@code any}, over everything or along a dim: a bool result for every input dtype (1.13 keeps
 * uint8 for uint8, which the engine does not have); an element counts as true when it is not zero (NaN is true).
 * Over no elements {@code all} is true and {@code any} false.
 */
final class AllAny {
    private AllAny() {}

    /** @param dim the dim, or null for every element */
    static Tensor reduce(Tensor x, Integer dim, boolean keepdim, boolean all) {
        int[] outShape;
        DimLayout layout;
        if (dim == null) {
            outShape = new int[0];
            layout = new DimLayout(1, x.numel, 1);
        } else {
            int d = Shapes.wrapDim(dim, x.dim());
            outShape = x.dim() == 0 ? new int[0] : keepdim ? ArgExtremes.withOne(x.shape, d) : ShapeOps.remove(x.shape, d);
            layout = DimLayout.of(x.shape, d);
        }
        Tensor r = Tensor.empty(DType.BOOL, outShape);
        boolean[] a = x.readBool();
        VectorKernels.sequentialRows(layout.lines(), layout.size(), (from, to) -> {
            for (int line = from; line < to; line++) {
                int base = layout.base(line);
                boolean v = all;
                for (int k = 0; k < layout.size() && v == all; k++) v = a[base + k * layout.inner()];
                r.storage.bool[line] = v;
            }
        });
        return r;
    }
}
