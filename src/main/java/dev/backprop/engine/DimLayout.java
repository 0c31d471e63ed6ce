package dev.backprop.engine;

/**
 * A contiguous shape seen along one dim: {@code outer} blocks of {@code size} steps of {@code inner} elements. The
 * element at step {@code k} of line {@code (o, in)} sits at {@code base(o, in) + k * inner}. A 0-d shape is one line
 * of one step.
 */
record DimLayout(int outer, int size, int inner) {
    static DimLayout of(int[] shape, int dim) {
        if (shape.length == 0) return new DimLayout(1, 1, 1);
        int inner = 1;
        for (int i = dim + 1; i < shape.length; i++) inner *= shape[i];
        int outer = 1;
        for (int i = 0; i < dim; i++) outer *= shape[i];
        return new DimLayout(outer, shape[dim], inner);
    }

    int lines() {
        return outer * inner;
    }

    /** The position of the first element of line {@code line} (lines counted {@code o * inner + in}). */
    int base(int line) {
        return (line / inner) * size * inner + line % inner;
    }
}
