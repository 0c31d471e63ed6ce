package dev.backprop.engine;

/**
 * A view's elements located in its base: for each element of the view, in row-major order, the row-major
 * index of the base element that shares its storage. The base is a tensor that is no view (PyTorch's
 * {@code _base}); its own layout may be strided.
 */
final class ViewIndex {
    private ViewIndex() {}

    static int[] of(Tensor base, int[] shape, int[] strides, int offset) {
        int[] basePositions = StridedCursor.positions(base.shape, base.strides, base.offset);
        int lowest = Integer.MAX_VALUE, highest = Integer.MIN_VALUE;
        for (int p : basePositions) {
            lowest = Math.min(lowest, p);
            highest = Math.max(highest, p);
        }
        int[] indexAt = new int[basePositions.length == 0 ? 0 : highest - lowest + 1];
        java.util.Arrays.fill(indexAt, -1);
        for (int i = 0; i < basePositions.length; i++) indexAt[basePositions[i] - lowest] = i;
        int[] viewPositions = StridedCursor.positions(shape, strides, offset);
        int[] out = new int[viewPositions.length];
        for (int j = 0; j < out.length; j++) {
            int at = viewPositions[j] - lowest;
            if (at < 0 || at >= indexAt.length || indexAt[at] < 0) {
                throw new IllegalStateException("a view reaches outside its base");
            }
            out[j] = indexAt[at];
        }
        return out;
    }
}
