package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;

/** Reductions over all elements or over dims. */
final class ReductionOpDefs {
    private ReductionOpDefs() {}

    static void register() {
        op("sum(Tensor input, int[]? dim = None, bool keepdim = False, *, dtype? dtype = None)").gradFn("SumBackward0", "SumBackward1")
                .does(a -> {
                    int[] dims = a.ints("dim");
                    return dims == null ? a.tensor("input").sum(a.dtype("dtype"))
                            : Reductions.sumDims(a.tensor("input"), dims, a.bool("keepdim"), a.dtype("dtype"));
                });
        op("mean(Tensor input, int[]? dim = None, bool keepdim = False, *, dtype? dtype = None)").gradFn("MeanBackward0", "MeanBackward1")
                .does(a -> {
                    int[] dims = a.ints("dim");
                    Tensor x = a.has("dtype") ? a.tensor("input").to(a.dtype("dtype")) : a.tensor("input");
                    return dims == null ? x.mean() : x.mean(dims, a.bool("keepdim"));
                });
        for (boolean max : new boolean[] {true, false}) {
            String name = max ? "max" : "min";
            String gradFn = max ? "Max" : "Min";
            op(name + "(Tensor input)", name + "(Tensor input, Tensor other)", name + "(Tensor input, int dim, bool keepdim = False)")
                    .gradFn(gradFn + "Backward1", gradFn + "imumBackward0", gradFn + "Backward0").doesAll(a -> extreme(a, max));
        }
    }

    private static Tensor[] extreme(BoundArgs a, boolean max) {
        Tensor x = a.tensor("input");
        return switch (a.form()) {
            case 0 -> new Tensor[] {max ? x.max() : x.min()};
            case 1 -> new Tensor[] {max ? x.maximum(a.tensor("other")) : x.minimum(a.tensor("other"))};
            default -> max ? x.max(a.integer("dim"), a.bool("keepdim")) : x.min(a.integer("dim"), a.bool("keepdim"));
        };
    }
}
