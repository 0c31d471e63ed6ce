package dev.backprop.engine;

/**
 * {@code prod}: over everything ({@code ProdBackward0}) or one dim ({@code ProdBackward1}). Floating products
 * are taken in double and rounded once; integer and bool inputs give int64, multiplied with wraparound as
 * C++'s. The gradient is {@code grad * result / input} when the input has no zero (derivatives.yaml's
 * {@code prod_backward}); with zeros, each element's gradient is the product of the others in its slice: the
 * product of the nonzero ones for the single zero of a slice, zero elsewhere in a slice with a zero (as the zero times
 * the others, so that second derivatives hold there; in a slice with two zeros or more the gradient is zero and
 * is not differentiated further).
 */
final class Products {
    private Products() {}

    static Tensor prod(Tensor x, DType dtype) {
        return asked(prod(dtype == null ? x : x.to(dtype), null, false, "ProdBackward0"), dtype);
    }

    static Tensor prod(Tensor x, int dim, boolean keepdim, DType dtype) {
        return asked(prod(dtype == null ? x : x.to(dtype), new int[] {dim}, keepdim, "ProdBackward1"), dtype);
    }

    /** A bool dtype asked for gives a bool product (whether no element is false). */
    private static Tensor asked(Tensor r, DType dtype) {
        return dtype == DType.BOOL ? r.to(DType.BOOL) : r;
    }

    private static Tensor prod(Tensor x, int[] dims, boolean keepdim, String gradFn) {
        SliceReduction plan = SliceReduction.over(x, dims, keepdim);
        Tensor r;
        if (x.dtype.isFloating()) {
            r = plan.result(plan.fold(x.readF64(), 1, (a, b) -> a * b), x.dtype);
        } else {
            long[] v = x.readI64();
            long[] acc = new long[plan.outN];
            java.util.Arrays.fill(acc, 1);
            plan.forEach((i, p) -> acc[p] *= v[i]);
            r = Tensor.empty(DType.INT64, plan.outShape);
            System.arraycopy(acc, 0, r.storage.i64, 0, acc.length);
        }
        if (x.dtype.isFloating() && Graph.needsGrad(x)) {
            Graph.record(gradFn, r, new Tensor[] {x}, new Tensor[] {x, r},
                    ctx -> Graph.one(backward(ctx.grad(), ctx.saved(0), ctx.saved(1), plan, keepdim)));
        }
        return r;
    }

    private static Tensor backward(Tensor grad, Tensor x, Tensor result, SliceReduction plan, boolean keepdim) {
        if (x.dim() == 0) {
            return grad;
        }
        Tensor g = plan.kept(grad, keepdim);
        Tensor zeros = x.eq(0);
        if (zeros.sum().item() == 0) {
            return g.mul(plan.kept(result, keepdim).div(x));
        }
        Tensor others = Tensor.where(zeros, x.mulScalar(0).add(1), x);
        Tensor othersProduct = prod(others, plan.dims, true, "ProdBackward1");
        Tensor zerosInSlice = zeros.sum(plan.dims, true);
        // beside a slice's single zero, the product of the others is that zero times the nonzero others, written so
        // that its derivative by the zero is right too
        Tensor zeroInSlice = Tensor.where(zeros, x, x.mulScalar(0)).sum(plan.dims, true);
        Tensor products = Tensor.where(zerosInSlice.eq(0), othersProduct.div(others),
                Tensor.where(zerosInSlice.eq(1), Tensor.where(zeros, othersProduct, zeroInSlice.mul(othersProduct.div(others))),
                        othersProduct.mulScalar(0)));
        return g.mul(products);
    }
}
