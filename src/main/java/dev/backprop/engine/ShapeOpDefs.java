package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.VIEW;

/** Ops that change a tensor's shape or join tensors; views share their input's storage ({@link ShapeOps}). */
final class ShapeOpDefs {
    private ShapeOpDefs() {}

    static void register() {
        op("view(Tensor input, int... size|shape)").tags(VIEW).gradFn("ViewBackward0").does(a -> a.tensor("input").view(a.ints("size")));
        op("reshape(Tensor input, int... shape|size)").gradFn("ReshapeAliasBackward0", "UnsafeViewBackward0")
                .does(a -> a.tensor("input").reshape(a.ints("shape")));
        op("t(Tensor input)").tags(VIEW).gradFn("TBackward0").does(a -> a.tensor("input").t());
        op("transpose(Tensor input, int dim0, int dim1)").tags(VIEW).gradFn("TransposeBackward0")
                .does(a -> a.tensor("input").transpose(a.integer("dim0"), a.integer("dim1")));
        op("squeeze(Tensor input, int? dim = None)").tags(VIEW).gradFn("SqueezeBackward0", "SqueezeBackward1")
                .does(a -> a.has("dim") ? a.tensor("input").squeeze(a.integer("dim")) : a.tensor("input").squeeze());
        op("unsqueeze(Tensor input, int dim)").tags(VIEW).gradFn("UnsqueezeBackward0").does(a -> a.tensor("input").unsqueeze(a.integer("dim")));
        op("expand(Tensor input, int... size)").tags(VIEW).gradFn("ExpandBackward0").does(a -> a.tensor("input").expand(a.ints("size")));
        op("narrow(Tensor input, int dim, int start, int length)").tags(VIEW).gradFn("SliceBackward0")
                .does(a -> a.tensor("input").narrow(a.integer("dim"), a.integer("start"), a.integer("length")));
        op("select(Tensor input, int dim, int index)").tags(VIEW).gradFn("SelectBackward0")
                .does(a -> a.tensor("input").select(a.integer("dim"), a.integer("index")));
        op("contiguous(Tensor input)").gradFn("CloneBackward0").does(a -> a.tensor("input").contiguous());
        op("cat(Tensor... tensors, *, int dim = 0)").gradFn("CatBackward0").does(a -> Tensor.cat(a.tensors("tensors"), a.integer("dim")));
        op("stack(Tensor... tensors, *, int dim = 0)").gradFn("StackBackward0").does(a -> Tensor.stack(a.tensors("tensors"), a.integer("dim")));
    }
}
