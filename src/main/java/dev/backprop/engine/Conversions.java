package dev.backprop.engine;

/** Copies: {@code to(dtype)} ({@code ToCopyBackward0}) and {@code clone()} ({@code CloneBackward0}). */
final class Conversions {
    private Conversions() {}

    static Tensor toDType(Tensor x, DType target) {
        Tensor r = Tensor.empty(target, x.shape);
        r.copyFrom(x);
        if (target.isFloating() && x.dtype.isFloating() && Graph.needsGrad(x)) {
            DType source = x.dtype;
            Graph.record("ToCopyBackward0", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(ctx.grad().to(source)));
        }
        return r;
    }

    static Tensor cloneTensor(Tensor x) {
        Tensor r = detachedCopy(x);
        if (Graph.needsGrad(x)) {
            Graph.record("CloneBackward0", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(ctx.grad()));
        }
        return r;
    }

    /** A contiguous copy of the data with no autograd history. */
    static Tensor detachedCopy(Tensor x) {
        Tensor r = Tensor.empty(x.dtype, x.shape);
        r.copyFrom(x);
        return r;
    }
}
