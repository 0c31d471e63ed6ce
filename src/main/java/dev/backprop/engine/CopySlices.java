package dev.backprop.engine;

import java.util.function.Consumer;

/**
 * The base's {@code grad_fn} after an in-place op wrote through one of its views (torch/csrc/autograd/functions/
 * tensor.cpp, {@code CopySlices}): it wraps the op's node {@code fn}. Backward takes the base's gradient, hands
 * the view's slice of it to {@code fn}, and puts {@code fn}'s gradient for the view's old values back in the
 * slice; {@code fn}'s other inputs get theirs directly. Its edges are the base's old edge and {@code fn}'s others.
 */
final class CopySlices extends Node {
    private final Node fn;

    private CopySlices(Edge[] next, int[][] inputShapes, DType[] inputDtypes, Tensor base, Node fn, Backward backward) {
        super("CopySlices", next, inputShapes, inputDtypes, new Tensor[] {base}, backward);
        this.fn = fn;
    }

    /** Rebases {@code base} onto a CopySlices of {@code fn}, the in-place op that changed {@code view}. */
    static void rebase(Tensor base, Tensor view, Node fn) {
        int n = fn.next.length;
        Edge[] next = new Edge[n];
        int[][] shapes = new int[n][];
        DType[] dtypes = new DType[n];
        next[0] = base.gradientEdge();
        shapes[0] = base.shape;
        dtypes[0] = base.dtype;
        for (int i = 1; i < n; i++) {
            next[i] = fn.next[i];
            shapes[i] = fn.inputShapes[i];
            dtypes[i] = fn.inputDtypes[i];
        }
        int[] index = ViewIndex.of(base, view.shape, view.strides, view.offset);
        int[] viewShape = view.shape, baseShape = base.shape;
        CopySlices node = new CopySlices(next, shapes, dtypes, base, fn, ctx -> {
            Tensor grad = ctx.grad();
            Tensor slice = AsStrided.gather(grad, index, viewShape, baseShape);
            Tensor[] res = fn.apply(new Tensor[] {slice});
            Tensor[] out = new Tensor[n];
            if (ctx.needs(0)) {
                Tensor kept = res[0] == null ? slice.neg() : res[0].to(grad.dtype).sub(slice);
                out[0] = grad.add(AsStrided.scatter(kept, index, baseShape, viewShape));
            }
            for (int i = 1; i < n; i++) out[i] = ctx.needs(i) ? res[i] : null;
            return out;
        });
        base.gradFn = node;
        base.outputNr = 0;
    }

    @Override
    String cppName() {
        return "torch::autograd::CopySlices";
    }

    @Override
    void release() {
        super.release();
        fn.release();
    }

    @Override
    void forEachSaved(Consumer<Tensor> action) {
        super.forEachSaved(action);
        fn.forEachSaved(action);
    }

    @Override
    public int savedCount() {
        return super.savedCount() + fn.savedCount();
    }
}
