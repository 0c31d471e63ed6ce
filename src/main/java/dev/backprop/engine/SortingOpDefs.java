package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.NON_DIFFERENTIABLE;

/** argmax, argmin, amax, amin, all, any, sort, topk. */
final class SortingOpDefs {
    private SortingOpDefs() {}

    static void register() {
        for (boolean max : new boolean[] {true, false}) {
            String suffix = max ? "max" : "min";
            op("arg" + suffix + "(Tensor input, int? dim = None, bool keepdim = False)").tags(NON_DIFFERENTIABLE)
                    .does(a -> ArgExtremes.argExtreme(a.tensor("input"), a.has("dim") ? a.integer("dim") : null, a.bool("keepdim"), max));
            op("a" + suffix + "(Tensor input, int[] dim = (), bool keepdim = False)").gradFn(max ? "AmaxBackward0" : "AminBackward0")
                    .does(a -> AmaxAmin.amax(a.tensor("input"), a.ints("dim"), a.bool("keepdim"), max));
        }
        for (boolean all : new boolean[] {true, false}) {
            op((all ? "all" : "any") + "(Tensor input)", (all ? "all" : "any") + "(Tensor input, int dim, bool keepdim = False)")
                    .tags(NON_DIFFERENTIABLE)
                    .does(a -> AllAny.reduce(a.tensor("input"), a.form() == 0 ? null : a.integer("dim"), a.form() == 1 && a.bool("keepdim"), all));
        }
        op("sort(Tensor input, *, bool stable, int dim = -1, bool descending = False)",
                "sort(Tensor input, int dim = -1, bool descending = False)").gradFn("SortBackward1", "SortBackward0")
                .doesAll(a -> SortKernels.sort(a.tensor("input"), a.integer("dim"), a.bool("descending"), a.form() == 0 && a.bool("stable"),
                        a.form() == 0 ? "SortBackward1" : "SortBackward0"));
        op("topk(Tensor input, int k, int dim = -1, bool largest = True, bool sorted = True)").gradFn("TopkBackward0")
                .doesAll(a -> SortKernels.topk(a.tensor("input"), a.integer("k"), a.integer("dim"), a.bool("largest"), a.bool("sorted")));
    }
}
