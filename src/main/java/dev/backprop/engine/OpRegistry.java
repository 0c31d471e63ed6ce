package dev.backprop.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every op callable by name, as {@code torch.<name>(*inputs, **attrs)}: the table the HTTP layer
 * dispatches through and the gradcheck test walks. The elementwise tables ({@link UnaryOps},
 * {@link BinaryOps}) are registered with their in-place variants automatically.
 */
public final class OpRegistry {
    /** Calls the op; most ops answer one tensor, {@code max}/{@code min} over a dim answer two. */
    @FunctionalInterface
    public interface Invoker {
        Tensor[] call(OpArgs args);
    }

    /**
     * @param differentiable whether gradients flow through the op (the gradcheck test covers each one)
     * @param inPlace        whether it modifies its first input
     */
    public record OpDef(String name, boolean differentiable, boolean inPlace, Invoker invoker) {}

    private static final Map<String, OpDef> OPS = new LinkedHashMap<>();

    private OpRegistry() {}

    public static OpDef get(String name) {
        OpDef def = OPS.get(name);
        if (def == null) {
            throw new EngineException(ErrorCode.UNKNOWN_OP, "unknown op '" + name + "'");
        }
        return def;
    }

    public static boolean contains(String name) {
        return OPS.containsKey(name);
    }

    public static Collection<OpDef> all() {
        return Collections.unmodifiableCollection(OPS.values());
    }

    private static void op(String name, boolean differentiable, Function<OpArgs, Tensor> f) {
        OPS.put(name, new OpDef(name, differentiable, false, a -> new Tensor[] {f.apply(a)}));
    }

    private static void inPlace(String name, Function<OpArgs, Tensor> f) {
        OPS.put(name, new OpDef(name, false, true, a -> new Tensor[] {f.apply(a)}));
    }

    static {
        for (UnaryOp u : UnaryOps.ALL) {
            op(u.name(), true, a -> u.apply(a.tensor(0)));
            inPlace(u.name() + "_", a -> InPlace.apply(a.tensor(0), u.name() + "_", u::apply));
        }
        for (BinaryOp b : BinaryOps.ALL) {
            Function<OpArgs, UnaryOperatorOnSelf> bound = a -> binary(b, a);
            op(b.name(), true, a -> bound.apply(a).apply(a.tensor(0)));
            inPlace(b.name() + "_", a -> InPlace.apply(a.tensor(0), b.name() + "_", x -> bound.apply(a).apply(x), a.tensorOrNumber(1)));
        }
        registerFactories();
        registerShapes();
        registerReductions();
        registerMisc();
    }

    private interface UnaryOperatorOnSelf {
        Tensor apply(Tensor self);
    }

    /** A binary op with its other operand (and add/sub's alpha, pow's number forms) bound. */
    private static UnaryOperatorOnSelf binary(BinaryOp b, OpArgs a) {
        Tensor other = a.tensorOrNumber(1);
        double alpha = a.number("alpha", 2, 1.0);
        if (b == BinaryOps.ADD || b == BinaryOps.SUB) {
            double sign = b == BinaryOps.SUB ? -1 : 1;
            return self -> alpha == 1 ? b.apply(self, other) : BinaryOps.addScaled(self, other, sign * alpha);
        }
        if (b == BinaryOps.POW) {
            return self -> other.wrappedNumber ? self.pow(other.item()) : self.pow(other);
        }
        return self -> b.apply(self, other);
    }

    private static void registerFactories() {
        op("tensor", false, a -> {
            Object data = a.raw("data", 0);
            if (data == null) throw EngineException.invalid("tensor() missing required argument 'data'");
            return Tensor.fromNested(data, a.dtype(null));
        });
        op("zeros", false, a -> Factories.zeros(a.size(0), a.dtype(DType.FLOAT32)));
        op("ones", false, a -> Factories.ones(a.size(0), a.dtype(DType.FLOAT32)));
        op("full", false, a -> {
            Object v = a.raw("fill_value", 1);
            if (v == null) throw EngineException.invalid("full() missing required argument 'fill_value'");
            DType inferred = v instanceof Boolean ? DType.BOOL : (v instanceof Integer || v instanceof Long) ? DType.INT64 : DType.FLOAT32;
            int[] size = a.ints("size", 0);
            if (size == null) throw EngineException.invalid("full() missing required argument 'size'");
            return Factories.full(size, a.number("fill_value", 1, null), a.dtype(inferred));
        });
        op("arange", false, OpRegistry::arange);
        op("zeros_like", false, a -> Factories.zeros(a.tensor(0).shape, a.dtype(a.tensor(0).dtype)));
        op("ones_like", false, a -> Factories.ones(a.tensor(0).shape, a.dtype(a.tensor(0).dtype)));
        op("rand", false, a -> RandomOps.rand(a.size(0), a.dtype(DType.FLOAT32), a.generator()));
        op("randn", false, a -> RandomOps.randn(a.size(0), a.dtype(DType.FLOAT32), a.generator()));
        op("uniform", false, a -> RandomOps.uniform(a.size(-1), a.dtype(DType.FLOAT32), a.number("from", 0, 0.0),
                a.number("to", 1, 1.0), a.generator()));
        op("normal", false, OpRegistry::normal);
    }

    /** {@code arange(end)}, {@code arange(start, end, step=1)}: int64 when every bound is an integer, else float32. */
    private static Tensor arange(OpArgs a) {
        boolean positionalStart = a.count() >= 2;
        Object start = a.raw("start", positionalStart ? 0 : -1);
        Object end = a.raw("end", positionalStart ? 1 : 0);
        Object step = a.raw("step", 2);
        if (end == null) {
            if (start == null) throw EngineException.invalid("arange() missing required argument 'end'");
            end = start;
            start = null;
        }
        boolean integral = true;
        for (Object v : new Object[] {start, end, step}) {
            if (v != null && !(v instanceof Number)) throw EngineException.invalid("arange(): bounds must be numbers, not " + v);
            integral &= v == null || v instanceof Integer || v instanceof Long;
        }
        double s = start == null ? 0 : ((Number) start).doubleValue();
        double e = ((Number) end).doubleValue();
        double st = step == null ? 1 : ((Number) step).doubleValue();
        return Factories.arange(s, e, st, a.dtype(integral ? DType.INT64 : DType.FLOAT32));
    }

    private static Tensor normal(OpArgs a) {
        Object mean = a.raw("mean", 0), std = a.raw("std", 1);
        if (mean == null) mean = 0.0;
        if (std == null) std = 1.0;
        if (mean instanceof Tensor m && std instanceof Tensor s) return RandomOps.normal(m, s, a.generator());
        if (mean instanceof Tensor m) return RandomOps.normal(m, ((Number) std).doubleValue(), a.generator());
        if (std instanceof Tensor s) return RandomOps.normal(((Number) mean).doubleValue(), s, a.generator());
        int[] size = a.ints("size", 2);
        if (size == null) {
            throw EngineException.invalid("normal() with number mean and std needs a size");
        }
        return RandomOps.normal(((Number) mean).doubleValue(), ((Number) std).doubleValue(), size, a.dtype(DType.FLOAT32),
                a.generator());
    }

    private static void registerShapes() {
        op("view", true, a -> a.tensor(0).view(a.size(1)));
        op("reshape", true, a -> a.tensor(0).reshape(a.size(1)));
        op("t", true, a -> a.tensor(0).t());
        op("transpose", true, a -> a.tensor(0).transpose(a.integer("dim0", 1, null), a.integer("dim1", 2, null)));
        op("squeeze", true, a -> a.has("dim", 1) ? a.tensor(0).squeeze(a.integer("dim", 1, null)) : a.tensor(0).squeeze());
        op("unsqueeze", true, a -> a.tensor(0).unsqueeze(a.integer("dim", 1, null)));
        op("expand", true, a -> a.tensor(0).expand(a.size(1)));
        op("narrow", true, a -> a.tensor(0).narrow(a.integer("dim", 1, null), a.integer("start", 2, null), a.integer("length", 3, null)));
        op("select", true, a -> a.tensor(0).select(a.integer("dim", 1, null), a.integer("index", 2, null)));
        op("contiguous", true, a -> a.tensor(0).contiguous());
        op("cat", true, a -> Tensor.cat(a.allTensors(), a.integer("dim", -1, 0)));
        op("stack", true, a -> Tensor.stack(a.allTensors(), a.integer("dim", -1, 0)));
    }

    private static void registerReductions() {
        op("sum", true, a -> {
            int[] dims = a.ints("dim", 1);
            DType dtype = a.dtype(null);
            return dims == null ? a.tensor(0).sum(dtype) : Reductions.sumDims(a.tensor(0), dims, a.bool("keepdim", 2, false), dtype);
        });
        op("mean", true, a -> {
            int[] dims = a.ints("dim", 1);
            Tensor x = a.dtype(null) == null ? a.tensor(0) : a.tensor(0).to(a.dtype(null));
            return dims == null ? x.mean() : x.mean(dims, a.bool("keepdim", 2, false));
        });
        OPS.put("max", new OpDef("max", true, false, a -> extreme(a, true)));
        OPS.put("min", new OpDef("min", true, false, a -> extreme(a, false)));
    }

    private static Tensor[] extreme(OpArgs a, boolean max) {
        Tensor x = a.tensor(0);
        Object second = a.raw("other", 1);
        if (second instanceof Tensor other) {
            return new Tensor[] {max ? x.maximum(other) : x.minimum(other)};
        }
        if (a.has("dim", 1)) {
            return max ? x.max(a.integer("dim", 1, null), a.bool("keepdim", 2, false))
                    : x.min(a.integer("dim", 1, null), a.bool("keepdim", 2, false));
        }
        return new Tensor[] {max ? x.max() : x.min()};
    }

    private static void registerMisc() {
        op("clamp", true, a -> clamp(a, a.tensor(0)));
        inPlace("clamp_", a -> InPlace.apply(a.tensor(0), "clamp_", x -> clamp(a, x)));
        op("clamp_min", true, a -> a.tensor(0).clamp(a.number("min", 1, null), null));
        op("clamp_max", true, a -> a.tensor(0).clamp(null, a.number("max", 1, null)));
        op("where", true, a -> Tensor.where(a.tensor(0), a.tensorOrNumber(1), a.tensorOrNumber(2)));
        op("matmul", true, a -> a.tensor(0).matmul(a.tensor(1)));
        op("mm", true, a -> a.tensor(0).mm(a.tensor(1)));
        op("bmm", true, a -> LinAlg.bmm(a.tensor(0), a.tensor(1)));
        op("dot", true, a -> a.tensor(0).dot(a.tensor(1)));
        op("mv", true, a -> a.tensor(0).mv(a.tensor(1)));
        op("outer", true, a -> a.tensor(0).outer(a.tensor(1)));
        op("addmm", true, a -> LinAlg.addmm(a.tensor(0), a.tensor(1), a.tensor(2), a.number("beta", -1, 1.0), a.number("alpha", -1, 1.0)));
        op("linear", true, a -> Functional.linear(a.tensor(0), a.tensor(1), a.count() > 2 ? a.tensor(2) : a.namedTensor("bias")));
        op("binary_cross_entropy", true, a -> Functional.binaryCrossEntropy(a.tensor(0), a.tensor(1), weight(a),
                Reduction.parse(a.string("reduction", "mean"))));
        op("binary_cross_entropy_with_logits", true, a -> Functional.binaryCrossEntropyWithLogits(a.tensor(0), a.tensor(1), weight(a),
                a.namedTensor("pos_weight") != null ? a.namedTensor("pos_weight") : a.namedTensor("posWeight"),
                Reduction.parse(a.string("reduction", "mean"))));
        op("mse_loss", true, a -> Functional.mseLoss(a.tensor(0), a.tensor(1), Reduction.parse(a.string("reduction", "mean"))));
        for (String c : List.of("ge", "gt", "le", "lt", "eq", "ne")) {
            Comparisons.Comparison cmp = switch (c) {
                case "ge" -> Comparisons.GE;
                case "gt" -> Comparisons.GT;
                case "le" -> Comparisons.LE;
                case "lt" -> Comparisons.LT;
                case "eq" -> Comparisons.EQ;
                default -> Comparisons.NE;
            };
            op(c, false, a -> cmp.apply(a.tensor(0), a.tensorOrNumber(1)));
        }
        op("logical_and", false, a -> a.tensor(0).logicalAnd(a.tensorOrNumber(1)));
        op("float", true, a -> a.tensor(0).toFloat());
        op("double", true, a -> a.tensor(0).toDouble());
        op("long", false, a -> a.tensor(0).to(DType.INT64));
        op("bool", false, a -> a.tensor(0).to(DType.BOOL));
        op("to", true, a -> a.tensor(0).to(a.dtype(a.tensor(0).dtype)));
        op("clone", true, a -> a.tensor(0).clone());
        op("detach", false, a -> a.tensor(0).detach());
        op("retain_grad", false, a -> a.tensor(0).retainGrad());
        op("requires_grad_", false, a -> a.tensor(0).requiresGrad_(a.bool("requires_grad", 1, a.bool("requiresGrad", -1, true))));
        inPlace("zero_", a -> a.tensor(0).zero_());
        inPlace("fill_", a -> a.tensor(0).fill_(a.number("value", 1, null)));
    }

    private static Tensor weight(OpArgs a) {
        return a.count() > 2 ? a.tensor(2) : a.namedTensor("weight");
    }

    private static Tensor clamp(OpArgs a, Tensor x) {
        Object min = a.raw("min", 1), max = a.raw("max", 2);
        if (min instanceof Tensor || max instanceof Tensor) {
            return x.clamp(min instanceof Tensor t ? t : min == null ? null : Tensor.wrap(min),
                    max instanceof Tensor t ? t : max == null ? null : Tensor.wrap(max));
        }
        return x.clamp(a.number("min", 1, null), a.number("max", 2, null));
    }
}
