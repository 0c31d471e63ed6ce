package dev.backprop.engine;

import java.util.Arrays;

/**
 * Copies that rearrange elements: {@code repeat} ({@code RepeatBackward0}), {@code flip} ({@code FlipBackward0}) and
 * {@code roll} ({@code RollBackward0}), with the derivatives of tools/autograd/derivatives.yaml (PyTorch 1.13). The
 * kernels copy storage elements by position (through strided views of the input, or a map of positions for
 * {@code repeat}), so they serve every dtype.
 */
final class RearrangeOps {
    private RearrangeOps() {}

    static Tensor repeat(Tensor x, int[] repeats) {
        if (repeats.length < x.dim()) {
            throw EngineException.invalid("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
        }
        int n = repeats.length, lead = n - x.dim();
        long[] target = new long[n];
        boolean empty = false;
        for (int i = 0; i < n; i++) {
            target[i] = (long) (i < lead ? 1 : x.shape[i - lead]) * repeats[i];
            empty |= repeats[i] == 0;
        }
        for (long s : target) {
            if (s < 0) throw EngineException.invalid("Trying to create tensor with negative dimension " + s + ": " + Arrays.toString(target));
            if (s > Integer.MAX_VALUE) {
                throw new EngineException(ErrorCode.TOO_LARGE, "a tensor of shape " + Arrays.toString(target) + " has more than 2^31 - 1 elements");
            }
        }
        Tensor r = Tensor.empty(x.dtype, Arrays.stream(target).mapToInt(s -> (int) s).toArray());
        tile(x, r, lead);
        if (Graph.needsGrad(x)) {
            int[] in = x.shape;
            boolean zero = empty;
            Graph.record("RepeatBackward0", r, new Tensor[] {x}, new Tensor[0],
                    ctx -> Graph.one(zero ? Factories.zeros(in, ctx.grad().dtype) : repeatBackward(ctx.grad(), repeats, in)));
        }
        return r;
    }

    /** Fills contiguous {@code r} with copies of {@code x}: element {@code idx} of r is x's element {@code idx mod x.shape}. */
    private static void tile(Tensor x, Tensor r, int lead) {
        int rank = r.dim();
        int[] idx = new int[rank];
        int[] positions = new int[r.numel];
        int pos = x.offset;
        for (int i = 0; i < r.numel; i++) {
            positions[i] = pos;
            for (int d = rank - 1; d >= 0; d--) {
                int j = d - lead;
                if (++idx[d] < r.shape[d]) {
                    if (j >= 0) pos += idx[d] % x.shape[j] == 0 ? -(x.shape[j] - 1) * x.strides[j] : x.strides[j];
                    break;
                }
                if (j >= 0) pos -= (x.shape[j] - 1) * x.strides[j];
                idx[d] = 0;
            }
        }
        Storage from = x.storage, to = r.storage;
        switch (x.dtype) {
            case FLOAT32 -> { for (int i = 0; i < positions.length; i++) to.f32[i] = from.f32[positions[i]]; }
            case FLOAT64 -> { for (int i = 0; i < positions.length; i++) to.f64[i] = from.f64[positions[i]]; }
            case INT64 -> { for (int i = 0; i < positions.length; i++) to.i64[i] = from.i64[positions[i]]; }
            case BOOL -> { for (int i = 0; i < positions.length; i++) to.bool[i] = from.bool[positions[i]]; }
        }
    }

    /** {@code repeat_backward}: the leading dims summed away, each repeated dim split in (repeat, size) and the repeats summed. */
    private static Tensor repeatBackward(Tensor g, int[] repeats, int[] in) {
        int lead = repeats.length - in.length;
        for (int i = 0; i < lead; i++) g = g.sum(new int[] {0}, false);
        int[] split = new int[in.length * 2];
        int[] sumDims = new int[in.length];
        int n = 0, k = 0;
        for (int d = 0; d < in.length; d++) {
            int repeat = repeats[d + lead];
            if (repeat != 1) {
                split[n] = repeat;
                sumDims[k++] = n++;
            }
            split[n++] = in[d];
        }
        if (k == 0) return g;
        return g.reshape(Arrays.copyOf(split, n)).sum(Arrays.copyOf(sumDims, k), false);
    }

    static Tensor flip(Tensor x, int[] dims) {
        boolean[] flipped = dimSet(dims, x.dim());
        int[] strides = x.strides.clone();
        int offset = x.offset;
        for (int d = 0; d < x.dim(); d++) {
            if (flipped[d] && x.shape[d] > 0) {
                offset += (x.shape[d] - 1) * strides[d];
                strides[d] = -strides[d];
            }
        }
        Tensor r = Conversions.detachedCopy(x.asView(x.shape, strides, offset));
        if (Graph.needsGrad(x)) {
            int[] all = x.dim() == 0 ? new int[0] : dims.clone();
            Graph.record("FlipBackward0", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(flip(ctx.grad(), all)));
        }
        return r;
    }

    /** The dims named, checked as {@code dim_list_to_bitset} checks them. */
    private static boolean[] dimSet(int[] dims, int rank) {
        boolean[] set = new boolean[Math.max(rank, 1)];
        for (int dim : dims) {
            int d = Shapes.wrapDim(dim, rank);
            if (set[d]) throw EngineException.invalid("dim " + d + " appears multiple times in the list of dims");
            set[d] = true;
        }
        return Arrays.copyOf(set, rank);
    }

    /** {@code roll(shifts, dims)}; without dims, over the flattened elements. */
    static Tensor roll(Tensor x, int[] shifts, int[] dims) {
        if (shifts.length == 0) throw EngineException.invalid("`shifts` required");
        if (dims.length == 0 && shifts.length != 1 || dims.length > 0 && shifts.length != dims.length) {
            throw EngineException.invalid("shifts and dimensions must align. shifts: " + shifts.length + ", dims:" + dims.length);
        }
        if (x.dim() == 0 && dims.length > 0) throw EngineException.invalid("Dimension specified as 0 but tensor has no dimensions");
        Tensor r;
        if (dims.length == 0) {
            Tensor flat = Conversions.detachedCopy(x);
            r = new Tensor(rollAlong(flat.asView(new int[] {x.numel}, new int[] {1}, 0), shifts[0], 0).storage, x.dtype, x.shape);
        } else {
            r = x;
            for (int i = 0; i < dims.length; i++) r = rollAlong(r, shifts[i], Shapes.wrapDim(dims[i], x.dim()));
            if (r == x) r = Conversions.detachedCopy(x);
        }
        if (Graph.needsGrad(x)) {
            int[] back = new int[shifts.length];
            for (int i = 0; i < shifts.length; i++) back[i] = -shifts[i];
            int[] over = dims.clone();
            Graph.record("RollBackward0", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(roll(ctx.grad(), back, over)));
        }
        return r;
    }

    /** A contiguous copy of {@code x} rolled by {@code shift} along {@code d}: {@code cat(x[start:], x[:start])}. */
    private static Tensor rollAlong(Tensor x, int shift, int d) {
        Tensor r = Tensor.empty(x.dtype, x.shape);
        int size = x.shape[d];
        if (x.numel == 0) return r;
        int start = (int) (((size - (long) shift) % size + size) % size);
        part(r, d, 0, size - start).copyFrom(part(x, d, start, size - start));
        part(r, d, size - start, start).copyFrom(part(x, d, 0, start));
        return r;
    }

    private static Tensor part(Tensor x, int d, int start, int length) {
        int[] shape = x.shape.clone();
        shape[d] = length;
        return x.asView(shape, x.strides, x.offset + start * x.strides[d]);
    }
}
