package dev.backprop.engine;

/**
 * Walks a strided layout's storage positions in row-major order: the one place the engine steps through shape
 * and strides, whatever the dtype of the storage it indexes.
 */
final class StridedCursor {
    private final int[] shape;
    private final int[] strides;
    private final int[] idx;
    private int pos;

    StridedCursor(int[] shape, int[] strides, int offset) {
        this.shape = shape;
        this.strides = strides;
        this.idx = new int[shape.length];
        this.pos = offset;
    }

    static StridedCursor of(Tensor t) {
        return new StridedCursor(t.shape, t.strides, t.offset);
    }

    /** The current element's position; the cursor moves on to the next element. */
    int next() {
        int current = pos;
        pos = step(shape, strides, idx, pos);
        return current;
    }

    /** The position of each element, in row-major order. */
    static int[] positions(int[] shape, int[] strides, int offset) {
        StridedCursor c = new StridedCursor(shape, strides, offset);
        int[] out = new int[Shapes.numel(shape)];
        for (int j = 0; j < out.length; j++) out[j] = c.next();
        return out;
    }

    /** From {@code pos}, the element at multi-index {@code idx}, to the next one in row-major order, updating {@code idx}. */
    static int step(int[] shape, int[] strides, int[] idx, int pos) {
        for (int d = shape.length - 1; d >= 0; d--) {
            pos += strides[d];
            if (++idx[d] < shape[d]) return pos;
            pos -= strides[d] * shape[d];
            idx[d] = 0;
        }
        return pos;
    }
}
