package dev.backprop.engine;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The layout of {@code at::empty_like(input)} (preserve format): an input whose elements are dense and do
 * not overlap (a contiguous tensor, or a transpose or permutation of one) lends its strides to the new
 * tensor; any other gives dense strides in the order of its own ({@code infer_dense_strides}). ATen's random kernels fill the new tensor in memory order,
 * so a kernel here fills its storage from 0 up, and {@link #logicalIndices} tells which element each
 * draw went to.
 */
final class LikeLayout {
    private final Tensor input;
    private final int[] strides;

    private LikeLayout(Tensor input, int[] strides) {
        this.input = input;
        this.strides = strides;
    }

    static LikeLayout of(Tensor input) {
        boolean keep = input.isContiguous() || denseWithoutOverlap(input);
        return new LikeLayout(input, keep ? input.strides.clone() : inferDenseStrides(input.shape, input.strides));
    }

    /** A new zero tensor of the input's shape, in the given dtype, laid out as {@code empty_like} lays it out. */
    Tensor empty(DType dtype) {
        Tensor t = Factories.zeros(input.shape, dtype);
        return new Tensor(t.storage, dtype, t.shape, strides.clone(), 0, false, null);
    }

    /** For each position of {@link #empty}'s storage, the row-major index of the element that sits there. */
    int[] logicalIndices() {
        int[] out = new int[input.numel];
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

    // aten/src/ATen/TensorUtils.cpp infer_dense_strides: a stable insertion sort of the dims, innermost first, by
    // stride (a zero stride never moves; equal strides put the smaller size inside), then dense strides in that order.
    private static int[] inferDenseStrides(int[] shape, int[] given) {
        int rank = shape.length;
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) perm[i] = rank - 1 - i;
        for (int i = 1; i < rank; i++) {
            int dim1 = i;
            for (int j = 1; j <= i; j++) {
                int dim0 = i - j;
                int comparison = shouldSwap(shape, given, perm[dim0], perm[dim1]);
                if (comparison > 0) {
                    int t = perm[dim0];
                    perm[dim0] = perm[dim1];
                    perm[dim1] = t;
                    dim1 = dim0;
                } else if (comparison < 0) {
                    break;
                }
            }
        }
        int[] out = new int[rank];
        int stride = 1;
        for (int idx : perm) {
            out[idx] = stride;
            if (shape[idx] > 1) stride *= shape[idx];
        }
        return out;
    }

    private static int shouldSwap(int[] shape, int[] strides, int dim0, int dim1) {
        if (strides[dim0] == 0 || strides[dim1] == 0) return 0;
        if (strides[dim0] != strides[dim1]) return Integer.compare(strides[dim0], strides[dim1]);
        return shape[dim0] > shape[dim1] ? 1 : 0;
    }
}
