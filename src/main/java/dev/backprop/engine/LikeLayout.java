package dev.backprop.engine;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The layout of {@code at::empty_like(input)} (preserve format): an input whose elements are dense and do
 * not overlap (a contiguous tensor, or a transpose or permutation of one) lends its strides to the new
 * tensor, any other gets a contiguous one. ATen's random kernels fill the new tensor in memory order,
 * so a kernel here fills its storage from 0 up, and {@link #inputPosition} finds the input element at
 * the same place.
 */
final class LikeLayout {
    private final Tensor input;
    private final boolean sharesStrides;

    private LikeLayout(Tensor input, boolean sharesStrides) {
        this.input = input;
        this.sharesStrides = sharesStrides;
    }

    static LikeLayout of(Tensor input) {
        return new LikeLayout(input, input.isContiguous() || denseWithoutOverlap(input));
    }

    /** A new zero tensor of the input's shape, in the given dtype, laid out as {@code empty_like} lays it out. */
    Tensor empty(DType dtype) {
        Tensor t = Factories.zeros(input.shape, dtype);
        return sharesStrides ? new Tensor(t.storage, dtype, t.shape, input.strides.clone(), 0, false, null) : t;
    }

    /** Where in the input's storage the element at position {@code k} of {@link #empty}'s storage sits. */
    int inputPosition(int k) {
        if (sharesStrides) return input.offset + k;
        int pos = input.offset;
        for (int d = input.shape.length - 1; d >= 0; d--) {
            pos += (k % input.shape[d]) * input.strides[d];
            k /= input.shape[d];
        }
        return pos;
    }

    /** For each position of {@link #empty}'s storage, the row-major index of the element that sits there. */
    int[] logicalIndices() {
        int[] out = new int[input.numel];
        int[] strides = sharesStrides ? input.strides : Shapes.contiguousStrides(input.shape);
        for (int i = 0; i < out.length; i++) {
            int pos = 0;
            int rest = i;
            for (int d = input.shape.length - 1; d >= 0; d--) {
                pos += (rest % input.shape[d]) * strides[d];
                rest /= input.shape[d];
            }
            out[pos] = i;
        }
        return out;
    }

    private static boolean denseWithoutOverlap(Tensor t) {
        Integer[] dims = new Integer[t.shape.length];
        for (int d = 0; d < dims.length; d++) dims[d] = d;
        Arrays.sort(dims, Comparator.comparingInt(d -> t.strides[d]));
        int expected = 1;
        for (int d : dims) {
            if (t.shape[d] == 1) continue;
            if (t.strides[d] != expected) return false;
            expected *= t.shape[d];
        }
        return true;
    }
}
