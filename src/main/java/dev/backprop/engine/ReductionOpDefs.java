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
        registerMath();
    }

    /** prod, std, var, norm, logsumexp and cumsum, with the forms PyTorch 1.13's Python API accepts. */
    private static void registerMath() {
        op("prod(Tensor input, *, dtype? dtype = None)", "prod(Tensor input, int dim, bool keepdim = False, *, dtype? dtype = None)")
                .gradFn("ProdBackward0", "ProdBackward1")
                .does(a -> a.form() == 0 ? Products.prod(a.tensor("input"), a.dtype("dtype"))
                        : Products.prod(a.tensor("input"), a.integer("dim"), a.bool("keepdim"), a.dtype("dtype")));
        for (boolean std : new boolean[] {true, false}) {
            String name = std ? "std" : "var";
            op(name + "(Tensor input, int[]? dim = None, *, int? correction = None, bool keepdim = False)",
                    name + "(Tensor input, int[]? dim, bool unbiased = True, bool keepdim = False)",
                    name + "(Tensor input, bool unbiased = True)")
                    .gradFn(std ? "StdBackward0" : "VarBackward0")
                    .does(a -> {
                        int[] dims = a.form() == 2 ? null : a.ints("dim");
                        long correction = a.form() == 0 ? (a.has("correction") ? (Long) a.raw("correction") : 1) : a.bool("unbiased") ? 1 : 0;
                        boolean keepdim = a.form() != 2 && a.bool("keepdim");
                        return std ? Moments.std(a.tensor("input"), dims, correction, keepdim)
                                : Moments.var(a.tensor("input"), dims, correction, keepdim);
                    });
        }
        String normRest = ", int[]? dim = None, bool keepdim = False, *, dtype? dtype = None)";
        op("norm(Tensor input, str p = 'fro'" + normRest, "norm(Tensor input, Number? p" + normRest)
                .gradFn("NormBackward1", "NormBackward3", "SqrtBackward0")
                .does(a -> a.form() == 0 ? Norms.byName(a.tensor("input"), a.string("p"), a.ints("dim"), a.bool("keepdim"), a.dtype("dtype"))
                        : Norms.norm(a.tensor("input"), a.has("p") ? a.number("p") : 2, a.ints("dim"), a.bool("keepdim"), a.dtype("dtype")));
        op("logsumexp(Tensor input, int[] dim, bool keepdim = False)").gradFn("LogsumexpBackward0")
                .does(a -> LogSumExp.logsumexp(a.tensor("input"), a.ints("dim"), a.bool("keepdim")));
        op("cumsum(Tensor input, int dim, *, dtype? dtype = None)").gradFn("CumsumBackward0")
                .does(a -> CumulativeSums.cumsum(a.tensor("input"), a.integer("dim"), a.dtype("dtype")));
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
