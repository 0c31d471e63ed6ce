package dev.backprop.engine;

import java.util.Arrays;

/** Shape arithmetic with PyTorch's rules and messages: broadcasting, dim wrapping, strides. */
public final class Shapes {
    private Shapes() {}

    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
            if (n > Integer.MAX_VALUE) {
                throw new EngineException(ErrorCode.TOO_LARGE, "a tensor of shape " + format(shape) + " has more than 2^31 - 1 elements");
            }
        }
        return (int) n;
    }

    static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** {@code torch.broadcast_shapes(a, b)}, failing with PyTorch's message. */
    public static int[] broadcast(int[] a, int[] b) {
        if (Arrays.equals(a, b)) {
            return a;
        }
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int ia = i - (n - a.length), ib = i - (n - b.length);
            int sa = ia >= 0 ? a[ia] : 1, sb = ib >= 0 ? b[ib] : 1;
            if (sa != sb && sa != 1 && sb != 1) {
                throw EngineException.shape("The size of tensor a (" + sa + ") must match the size of tensor b (" + sb
                        + ") at non-singleton dimension " + i);
            }
            out[i] = sa == 1 ? sb : sa;
        }
        return out;
    }

    /** Whether {@code shape} can be expanded to {@code target} (the converse of summing back to size). */
    static boolean expandable(int[] shape, int[] target) {
        if (shape.length > target.length) {
            return false;
        }
        for (int i = 1; i <= shape.length; i++) {
            int s = shape[shape.length - i], t = target[target.length - i];
            if (s != t && s != 1) {
                return false;
            }
        }
        return true;
    }

    /** Wraps a possibly negative dim into {@code [0, rank)}; a 0-d tensor accepts dims -1 and 0. */
    public static int wrapDim(long dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new EngineException(ErrorCode.INVALID_ARGUMENT, "Dimension out of range (expected to be in range of [" + (-r)
                    + ", " + (r - 1) + "], but got " + dim + ")");
        }
        return (int) (dim < 0 ? dim + r : dim);
    }

    static EngineException viewError(int[] shape, int size) {
        return EngineException.shape("shape '" + format(shape) + "' is invalid for input of size " + size);
    }

    /** PyTorch's {@code IntArrayRef} printing: {@code [2, 3]}. */
    public static String format(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }

    /** Python's printing of a shape: {@code torch.Size([2, 3])}. */
    public static String torchSize(int[] shape) {
        return "torch.Size(" + format(shape) + ")";
    }
}
