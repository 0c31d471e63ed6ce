package dev.backprop.engine;

/** {@code x.slice(dim, start, stop, step)} as a Python slice applies it ({@code SliceBackward0}), with its backward. */
final class SliceView {
    private SliceView() {}

    /**
     * The view {@code x[start:stop:step]} along {@code dim}, bounds clamped as Python clamps them; on a write, a slice
     * written {@code 0:n} over a dim of size n is {@code x} itself (PyTorch's slice optimization).
     */
    static Tensor slice(Tensor x, int dim, Subscript.SliceItem item, boolean write) {
        long step = item.step() == null ? 1 : item.step();
        if (step == 0) throw EngineException.invalid("slice step cannot be zero");
        if (step < 0) throw EngineException.invalid("step must be greater than zero");
        int size = x.shape[dim];
        long rawStart = item.start() == null ? 0 : item.start();
        if (write && rawStart == 0 && item.stop() != null && item.stop() == size && step == 1) return x;
        int start = clamp(rawStart, size);
        int stop = Math.max(start, item.stop() == null ? size : clamp(item.stop(), size));
        return slice(x, dim, start, stop, (int) Math.min(step, Integer.MAX_VALUE));
    }

    static Tensor slice(Tensor x, int dim, int start, int stop, int step) {
        int length = (int) (((long) stop - start + step - 1) / step);
        int[] shape = x.shape.clone(), strides = x.strides.clone();
        shape[dim] = length;
        strides[dim] = x.strides[dim] * step;
        Tensor r = x.asView(shape, strides, x.offset + start * x.strides[dim]);
        if (Graph.needsGrad(x)) {
            int[] in = x.shape;
            Graph.record("SliceBackward0", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(backward(ctx.grad(), in, dim, start, stop, step)));
        }
        return r;
    }

    /** {@code slice_backward}: {@code g} written at {@code start:stop:step} along {@code dim} of zeros shaped {@code shape}. */
    private static Tensor backward(Tensor g, int[] shape, int dim, int start, int stop, int step) {
        Tensor out = Factories.zeros(shape, g.dtype);
        int[] strides = out.strides.clone();
        strides[dim] *= step;
        out.asView(g.shape, strides, start * out.strides[dim]).copyFrom(g);
        if (Graph.needsGrad(g)) {
            Graph.record("SliceBackwardBackward0", out, new Tensor[] {g}, new Tensor[0], ctx -> Graph.one(slice(ctx.grad(), dim, start, stop, step)));
        }
        return out;
    }

    private static int clamp(long bound, int size) {
        long b = bound < 0 ? bound + size : bound;
        return (int) Math.max(0, Math.min(size, b));
    }
}
