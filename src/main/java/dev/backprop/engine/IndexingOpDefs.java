package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.IN_PLACE;

/** index_select, gather, scatter, masked_fill, index_put, and Python's subscripts with their assignment ({@link IndexKernels}). */
final class IndexingOpDefs {
    private IndexingOpDefs() {}

    static void register() {
        op("index_select(Tensor input, int dim, Tensor index)").gradFn("IndexSelectBackward0")
                .does(a -> IndexKernels.indexSelect(a.tensor("input"), a.integer("dim"), a.tensor("index")));
        op("gather(Tensor input, int dim, Tensor index)").gradFn("GatherBackward0")
                .does(a -> IndexKernels.gather(a.tensor("input"), a.integer("dim"), a.tensor("index")));
        op("scatter(Tensor input, int dim, Tensor index, Tensor src)", "scatter(Tensor input, int dim, Tensor index, Number value)")
                .gradFn("ScatterBackward0", "ScatterBackward1").does(IndexingOpDefs::scatter);
        op("scatter_(Tensor input, /, int dim, Tensor index, Tensor src)", "scatter_(Tensor input, /, int dim, Tensor index, Number value)")
                .tags(IN_PLACE).gradFn("ScatterBackward0", "ScatterBackward1")
                .does(a -> InPlace.apply(a.tensor("input"), "scatter_", x -> scatter(a, x), a.form() == 0 ? a.tensor("src") : null));
        op("scatter_add(Tensor input, int dim, Tensor index, Tensor src)").gradFn("ScatterAddBackward0")
                .does(a -> scatterAdd(a, a.tensor("input")));
        op("scatter_add_(Tensor input, /, int dim, Tensor index, Tensor src)").tags(IN_PLACE).gradFn("ScatterAddBackward0")
                .does(a -> InPlace.apply(a.tensor("input"), "scatter_add_", x -> scatterAdd(a, x), a.tensor("src")));
        op("masked_fill(Tensor input, Tensor mask, Tensor value)", "masked_fill(Tensor input, Tensor mask, Number value)")
                .gradFn("MaskedFillBackward1", "MaskedFillBackward0").does(a -> maskedFill(a, a.tensor("input")));
        op("masked_fill_(Tensor input, /, Tensor mask, Tensor value)", "masked_fill_(Tensor input, /, Tensor mask, Number value)")
                .tags(IN_PLACE).gradFn("MaskedFillBackward1", "MaskedFillBackward0")
                .does(a -> InPlace.apply(a.tensor("input"), "masked_fill_", x -> maskedFill(a, x), a.form() == 0 ? a.tensor("value") : null));
        op("index_put(Tensor input, Tensor[] indices, Tensor values, bool accumulate = False)").gradFn("IndexPutBackward0")
                .does(a -> indexPut(a, a.tensor("input")));
        op("index_put_(Tensor input, /, Tensor[] indices, Tensor values, bool accumulate = False)").tags(IN_PLACE).gradFn("IndexPutBackward0")
                .does(a -> InPlace.apply(a.tensor("input"), "index_put_", x -> indexPut(a, x), a.tensor("values")));
        op("getitem(Tensor input, index? key)")
                .gradFn("SliceBackward0", "SelectBackward0", "UnsqueezeBackward0", "AliasBackward0", "IndexBackward0")
                .does(a -> a.subscript("key").get(a.tensor("input")));
        op("setitem_(Tensor input, /, Tensor|Number value, *, index? key)").tags(IN_PLACE).gradFn("CopyBackwards", "IndexPutBackward0")
                .does(a -> a.subscript("key").set(a.tensor("input"), valueFor(a.tensor("input"), a.tensorOrNumber("value"))));
        op("copy_(Tensor input, /, Tensor src)").tags(IN_PLACE).gradFn("CopyBackwards")
                .does(a -> InPlace.apply(a.tensor("input"), "copy_", x -> IndexKernels.copied(x, a.tensor("src")), a.tensor("src")));
    }

    private static Tensor scatter(BoundArgs a) {
        return scatter(a, a.tensor("input"));
    }

    private static Tensor scatter(BoundArgs a, Tensor x) {
        return a.form() == 0 ? IndexKernels.scatter(x, a.integer("dim"), a.tensor("index"), a.tensor("src"), false)
                : IndexKernels.scatterValue(x, a.integer("dim"), a.tensor("index"), a.scalar("value"));
    }

    private static Tensor scatterAdd(BoundArgs a, Tensor x) {
        return IndexKernels.scatter(x, a.integer("dim"), a.tensor("index"), a.tensor("src"), true);
    }

    private static Tensor maskedFill(BoundArgs a, Tensor x) {
        boolean tensorValue = a.form() == 0;
        return IndexKernels.maskedFill(x, a.tensor("mask"), tensorValue ? a.tensor("value") : Tensor.wrap(a.scalar("value")), tensorValue);
    }

    private static Tensor indexPut(BoundArgs a, Tensor x) {
        return IndexKernels.indexPut(x, a.tensors("indices"), a.tensor("values"), a.bool("accumulate"));
    }

    /** {@code valueToTensor}: a Python number becomes a 0-d tensor of the assigned tensor's dtype; a tensor stays as given. */
    private static Tensor valueFor(Tensor x, Tensor value) {
        if (!value.wrappedNumber) return value;
        Tensor r = Tensor.empty(x.dtype, new int[0]);
        r.copyFrom(value);
        return r;
    }
}
