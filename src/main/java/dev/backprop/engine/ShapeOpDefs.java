package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.IN_PLACE;
import static dev.backprop.engine.OpTag.VIEW;

/**
 * Ops that change a tensor's shape, rearrange its elements or join tensors; views share their input's storage
 * ({@link ShapeOps}, {@link PermuteOps}, {@link SplitOps}); copies: {@link RearrangeOps}, {@link MatrixPartOps}, {@link Einsum}.
 */
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
        op("permute(Tensor input, int... dims)").tags(VIEW).gradFn("PermuteBackward0")
                .does(a -> PermuteOps.permute(a.tensor("input"), a.ints("dims")));
        op("flatten(Tensor input, int start_dim = 0, int end_dim = -1)").gradFn("ReshapeAliasBackward0", "UnsafeViewBackward0")
                .does(a -> PermuteOps.flatten(a.tensor("input"), a.integer("start_dim"), a.integer("end_dim")));
        op("unflatten(Tensor input, int dim, int[] sizes)").tags(VIEW).gradFn("ViewBackward0")
                .does(a -> PermuteOps.unflatten(a.tensor("input"), a.integer("dim"), a.ints("sizes")));
        op("repeat(Tensor input, int... repeats)").gradFn("RepeatBackward0").does(a -> RearrangeOps.repeat(a.tensor("input"), a.ints("repeats")));
        op("split(Tensor tensor, data? split_size_or_sections, int dim = 0)").tags(VIEW).gradFn("SplitBackward0", "SplitWithSizesBackward0")
                .doesAll(a -> SplitOps.split(a.tensor("tensor"), a.raw("split_size_or_sections"), a.integer("dim")));
        op("chunk(Tensor input, int chunks, int dim = 0)").tags(VIEW).gradFn("SplitBackward0", "SplitWithSizesBackward0")
                .doesAll(a -> SplitOps.chunk(a.tensor("input"), a.integer("chunks"), a.integer("dim")));
        op("flip(Tensor input, int... dims)").gradFn("FlipBackward0").does(a -> RearrangeOps.flip(a.tensor("input"), a.ints("dims")));
        op("roll(Tensor input, int[] shifts, int[]? dims = None)").gradFn("RollBackward0")
                .does(a -> RearrangeOps.roll(a.tensor("input"), a.ints("shifts"), a.has("dims") ? a.ints("dims") : new int[0]));
        op("tril(Tensor input, int diagonal = 0)").gradFn("TrilBackward0").does(a -> MatrixPartOps.tril(a.tensor("input"), a.integer("diagonal")));
        op("triu(Tensor input, int diagonal = 0)").gradFn("TriuBackward0").does(a -> MatrixPartOps.triu(a.tensor("input"), a.integer("diagonal")));
        op("tril_(Tensor input, /, int diagonal = 0)").tags(IN_PLACE).gradFn("TrilBackward0")
                .does(a -> InPlace.apply(a.tensor("input"), "tril_", x -> MatrixPartOps.tril(x, a.integer("diagonal"))));
        op("triu_(Tensor input, /, int diagonal = 0)").tags(IN_PLACE).gradFn("TriuBackward0")
                .does(a -> InPlace.apply(a.tensor("input"), "triu_", x -> MatrixPartOps.triu(x, a.integer("diagonal"))));
        op("diag(Tensor input, int diagonal = 0)").gradFn("DiagBackward0").does(a -> MatrixPartOps.diag(a.tensor("input"), a.integer("diagonal")));
        op("einsum(str equation, Tensor...? operands = None)").gradFn("ViewBackward0", "PermuteBackward0", "SumBackward1", "MulBackward0")
                .does(a -> Einsum.einsum(a.string("equation"), a.tensors("operands")));
    }
}
