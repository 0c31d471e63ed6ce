package dev.backprop.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every op callable by name, as {@code torch.<name>(*inputs, **attrs)}: the table the HTTP layer
 * dispatches through and the gradcheck test walks. Each op is declared with its forms as PyTorch
 * prints them ({@link Signature}); its arguments are fitted to those forms before it runs, so an op's
 * body only ever sees arguments of the declared kinds. The tensor an op changes (in place, or its
 * autograd flags) is positional-only: the session records the change from that position. The elementwise tables ({@link UnaryOps},
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
     * @param signatures     its forms as declared ({@link Signature}), e.g. {@code add(Tensor input, Tensor|Number other, *, Number alpha = 1)}
     */
    public record OpDef(String name, boolean differentiable, boolean inPlace, List<String> signatures, Invoker invoker) {}

    /** The keywords every factory takes. */
    private static final String FACTORY = "*, dtype? dtype = None, bool requires_grad|requiresGrad = False";

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

    private static void op(String declaration, boolean differentiable, Function<BoundArgs, Tensor> f) {
        define(List.of(declaration), differentiable, false, a -> new Tensor[] {f.apply(a)});
    }

    private static void op(List<String> forms, boolean differentiable, Function<BoundArgs, Tensor> f) {
        define(forms, differentiable, false, a -> new Tensor[] {f.apply(a)});
    }

    private static void inPlace(String declaration, Function<BoundArgs, Tensor> f) {
        define(List.of(declaration), false, true, a -> new Tensor[] {f.apply(a)});
    }

    private static void define(List<String> declarations, boolean differentiable, boolean inPlace, Function<BoundArgs, Tensor[]> f) {
        List<Signature> forms = declarations.stream().map(Signature::parse).toList();
        String name = forms.get(0).op;
        if (inPlace && !forms.stream().allMatch(form -> form.params.get(0).positionalOnly())) {
            throw new IllegalStateException(name + " changes its first input, which must be positional-only");
        }
        OPS.put(name, new OpDef(name, differentiable, inPlace, List.copyOf(declarations), args -> f.apply(args.bind(forms))));
    }

    static {
        for (UnaryOp u : UnaryOps.ALL) {
            op(u.name() + "(Tensor input)", true, a -> u.apply(a.tensor("input")));
            inPlace(u.name() + "_(Tensor input, /)", a -> InPlace.apply(a.tensor("input"), u.name() + "_", u::apply));
        }
        for (BinaryOp b : BinaryOps.ALL) {
            String params = binaryParams(b);
            String other = b == BinaryOps.POW ? "exponent" : "other";
            if (b == BinaryOps.POW) {
                // torch.pow's third overload, a number raised to a tensor (PowBackward2)
                op(List.of("pow(Tensor input, " + params + ")", "pow(Number self, Tensor exponent)"), true,
                        a -> a.form() == 1 ? Tensor.pow(a.number("self"), a.tensor("exponent")) : binary(b, a, other).apply(a.tensor("input")));
            } else {
                op(b.name() + "(Tensor input, " + params + ")", true, a -> binary(b, a, other).apply(a.tensor("input")));
            }
            inPlace(b.name() + "_(Tensor input, /, " + params + ")", a -> InPlace.apply(a.tensor("input"), b.name() + "_",
                    x -> binary(b, a, other).apply(x), a.tensorOrNumber(other)));
        }
        registerFactories();
        registerShapes();
        registerReductions();
        registerMisc();
    }

    /** The parameters after {@code input}. */
    private static String binaryParams(BinaryOp b) {
        if (b == BinaryOps.ADD || b == BinaryOps.SUB) return "Tensor|Number other, *, Number alpha = 1";
        if (b == BinaryOps.POW) return "Tensor|Number exponent";
        if (b == BinaryOps.MAXIMUM || b == BinaryOps.MINIMUM) return "Tensor other";
        return "Tensor|Number other";
    }

    private interface UnaryOperatorOnSelf {
        Tensor apply(Tensor self);
    }

    /** A binary op with its other operand (and add/sub's alpha, pow's number forms) bound. */
    private static UnaryOperatorOnSelf binary(BinaryOp b, BoundArgs a, String otherName) {
        Tensor other = a.tensorOrNumber(otherName);
        if (b == BinaryOps.ADD || b == BinaryOps.SUB) {
            double alpha = a.number("alpha");
            double sign = b == BinaryOps.SUB ? -1 : 1;
            return self -> alpha == 1 ? b.apply(self, other) : BinaryOps.addScaled(self, other, sign * alpha);
        }
        if (b == BinaryOps.POW) {
            return self -> other.wrappedNumber ? self.pow(other.item()) : self.pow(other);
        }
        return self -> b.apply(self, other);
    }

    private static void registerFactories() {
        op("tensor(data data, " + FACTORY + ")", false, a -> Tensor.fromNested(a.raw("data"), a.dtype("dtype")));
        op("zeros(int... size|shape, " + FACTORY + ")", false, a -> Factories.zeros(a.ints("size"), dtype(a, DType.FLOAT32)));
        op("ones(int... size|shape, " + FACTORY + ")", false, a -> Factories.ones(a.ints("size"), dtype(a, DType.FLOAT32)));
        op("full(int[] size|shape, Number fill_value, " + FACTORY + ")", false, a -> {
            Object v = a.scalar("fill_value");
            DType inferred = v instanceof Boolean ? DType.BOOL : v instanceof Long ? DType.INT64 : DType.FLOAT32;
            return Factories.full(a.ints("size"), a.number("fill_value"), dtype(a, inferred));
        });
        op(List.of("arange(Number end, " + FACTORY + ")", "arange(Number start, Number end, Number step = 1, " + FACTORY + ")"), false,
                OpRegistry::arange);
        op("zeros_like(Tensor input, " + FACTORY + ")", false, a -> Factories.zeros(a.tensor("input").shape, dtype(a, a.tensor("input").dtype)));
        op("ones_like(Tensor input, " + FACTORY + ")", false, a -> Factories.ones(a.tensor("input").shape, dtype(a, a.tensor("input").dtype)));
        op("rand(int... size|shape, " + FACTORY + ")", false, a -> RandomOps.rand(a.ints("size"), dtype(a, DType.FLOAT32), a.generator()));
        op("randn(int... size|shape, " + FACTORY + ")", false, a -> RandomOps.randn(a.ints("size"), dtype(a, DType.FLOAT32), a.generator()));
        op("uniform(float from = 0, float to = 1, *, int[] size|shape, dtype? dtype = None, bool requires_grad|requiresGrad = False)", false,
                a -> RandomOps.uniform(a.ints("size"), dtype(a, DType.FLOAT32), a.number("from"), a.number("to"), a.generator()));
        String requiresGrad = "*, bool requires_grad|requiresGrad = False";
        op(List.of("normal(Tensor mean, Tensor std, " + requiresGrad + ")",
                "normal(Tensor mean, float std = 1, " + requiresGrad + ")",
                "normal(float mean, Tensor std, " + requiresGrad + ")",
                "normal(float mean = 0, float std = 1, int[] size|shape, " + FACTORY + ")"), false, OpRegistry::normal);
    }

    private static DType dtype(BoundArgs a, DType fallback) {
        return a.has("dtype") ? a.dtype("dtype") : fallback;
    }

    /** {@code arange(end)}, {@code arange(start, end, step=1)}: int64 when every bound is an integer, else float32. */
    private static Tensor arange(BoundArgs a) {
        boolean withStart = a.form() == 1;
        boolean integral = true;
        for (String bound : withStart ? List.of("start", "end", "step") : List.of("end")) {
            integral &= !(a.scalar(bound) instanceof Double);
        }
        return Factories.arange(withStart ? a.number("start") : 0, a.number("end"), withStart ? a.number("step") : 1,
                dtype(a, integral ? DType.INT64 : DType.FLOAT32));
    }

    private static Tensor normal(BoundArgs a) {
        return switch (a.form()) {
            case 0 -> RandomOps.normal(a.tensor("mean"), a.tensor("std"), a.generator());
            case 1 -> RandomOps.normal(a.tensor("mean"), a.number("std"), a.generator());
            case 2 -> RandomOps.normal(a.number("mean"), a.tensor("std"), a.generator());
            default -> RandomOps.normal(a.number("mean"), a.number("std"), a.ints("size"), dtype(a, DType.FLOAT32), a.generator());
        };
    }

    private static void registerShapes() {
        op("view(Tensor input, int... size|shape)", true, a -> a.tensor("input").view(a.ints("size")));
        op("reshape(Tensor input, int... shape|size)", true, a -> a.tensor("input").reshape(a.ints("shape")));
        op("t(Tensor input)", true, a -> a.tensor("input").t());
        op("transpose(Tensor input, int dim0, int dim1)", true, a -> a.tensor("input").transpose(a.integer("dim0"), a.integer("dim1")));
        op("squeeze(Tensor input, int? dim = None)", true,
                a -> a.has("dim") ? a.tensor("input").squeeze(a.integer("dim")) : a.tensor("input").squeeze());
        op("unsqueeze(Tensor input, int dim)", true, a -> a.tensor("input").unsqueeze(a.integer("dim")));
        op("expand(Tensor input, int... size)", true, a -> a.tensor("input").expand(a.ints("size")));
        op("narrow(Tensor input, int dim, int start, int length)", true,
                a -> a.tensor("input").narrow(a.integer("dim"), a.integer("start"), a.integer("length")));
        op("select(Tensor input, int dim, int index)", true, a -> a.tensor("input").select(a.integer("dim"), a.integer("index")));
        op("contiguous(Tensor input)", true, a -> a.tensor("input").contiguous());
        op("cat(Tensor... tensors, *, int dim = 0)", true, a -> Tensor.cat(a.tensors("tensors"), a.integer("dim")));
        op("stack(Tensor... tensors, *, int dim = 0)", true, a -> Tensor.stack(a.tensors("tensors"), a.integer("dim")));
    }

    private static void registerReductions() {
        op("sum(Tensor input, int[]? dim = None, bool keepdim = False, *, dtype? dtype = None)", true, a -> {
            int[] dims = a.ints("dim");
            return dims == null ? a.tensor("input").sum(a.dtype("dtype"))
                    : Reductions.sumDims(a.tensor("input"), dims, a.bool("keepdim"), a.dtype("dtype"));
        });
        op("mean(Tensor input, int[]? dim = None, bool keepdim = False, *, dtype? dtype = None)", true, a -> {
            int[] dims = a.ints("dim");
            Tensor x = a.has("dtype") ? a.tensor("input").to(a.dtype("dtype")) : a.tensor("input");
            return dims == null ? x.mean() : x.mean(dims, a.bool("keepdim"));
        });
        for (boolean max : new boolean[] {true, false}) {
            String name = max ? "max" : "min";
            define(List.of(name + "(Tensor input)", name + "(Tensor input, Tensor other)", name + "(Tensor input, int dim, bool keepdim = False)"),
                    true, false, a -> extreme(a, max));
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

    private static void registerMisc() {
        String bounds = "Tensor|Number? min = None, Tensor|Number? max = None)";
        op("clamp(Tensor input, " + bounds, true, a -> clamp(a, a.tensor("input")));
        inPlace("clamp_(Tensor input, /, " + bounds, a -> InPlace.apply(a.tensor("input"), "clamp_", x -> clamp(a, x)));
        op("clamp_min(Tensor input, Number min)", true, a -> a.tensor("input").clamp(a.number("min"), null));
        op("clamp_max(Tensor input, Number max)", true, a -> a.tensor("input").clamp(null, a.number("max")));
        op("where(Tensor condition, Tensor|Number input, Tensor|Number other)", true,
                a -> Tensor.where(a.tensor("condition"), a.tensorOrNumber("input"), a.tensorOrNumber("other")));
        op("matmul(Tensor input, Tensor other)", true, a -> a.tensor("input").matmul(a.tensor("other")));
        op("mm(Tensor input, Tensor mat2)", true, a -> a.tensor("input").mm(a.tensor("mat2")));
        op("bmm(Tensor input, Tensor mat2)", true, a -> LinAlg.bmm(a.tensor("input"), a.tensor("mat2")));
        op("dot(Tensor input, Tensor tensor)", true, a -> a.tensor("input").dot(a.tensor("tensor")));
        op("mv(Tensor input, Tensor vec)", true, a -> a.tensor("input").mv(a.tensor("vec")));
        op("outer(Tensor input, Tensor vec2)", true, a -> a.tensor("input").outer(a.tensor("vec2")));
        op("addmm(Tensor input, Tensor mat1, Tensor mat2, *, Number beta = 1, Number alpha = 1)", true,
                a -> LinAlg.addmm(a.tensor("input"), a.tensor("mat1"), a.tensor("mat2"), a.number("beta"), a.number("alpha")));
        op("linear(Tensor input, Tensor weight, Tensor? bias = None)", true,
                a -> Functional.linear(a.tensor("input"), a.tensor("weight"), a.tensor("bias")));
        op("binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = None, *, str reduction = 'mean')", true,
                a -> Functional.binaryCrossEntropy(a.tensor("input"), a.tensor("target"), a.tensor("weight"), reduction(a)));
        op("binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = None, *, str reduction = 'mean', "
                + "Tensor? pos_weight|posWeight = None)", true, a -> Functional.binaryCrossEntropyWithLogits(a.tensor("input"),
                a.tensor("target"), a.tensor("weight"), a.tensor("pos_weight"), reduction(a)));
        op("mse_loss(Tensor input, Tensor target, *, str reduction = 'mean')", true,
                a -> Functional.mseLoss(a.tensor("input"), a.tensor("target"), reduction(a)));
        for (Comparisons.Comparison cmp : List.of(Comparisons.GE, Comparisons.GT, Comparisons.LE, Comparisons.LT, Comparisons.EQ,
                Comparisons.NE)) {
            op(cmp.name() + "(Tensor input, Tensor|Number other)", false, a -> cmp.apply(a.tensor("input"), a.tensorOrNumber("other")));
        }
        op("logical_and(Tensor input, Tensor other)", false, a -> a.tensor("input").logicalAnd(a.tensor("other")));
        op("float(Tensor input)", true, a -> a.tensor("input").toFloat());
        op("double(Tensor input)", true, a -> a.tensor("input").toDouble());
        op("long(Tensor input)", false, a -> a.tensor("input").to(DType.INT64));
        op("bool(Tensor input)", false, a -> a.tensor("input").to(DType.BOOL));
        op("to(Tensor input, dtype? dtype = None)", true, a -> a.tensor("input").to(dtype(a, a.tensor("input").dtype)));
        op("clone(Tensor input)", true, a -> a.tensor("input").clone());
        op("detach(Tensor input)", false, a -> a.tensor("input").detach());
        inPlace("detach_(Tensor input, /)", a -> a.tensor("input").detach_());
        op("retain_grad(Tensor input, /)", false, a -> a.tensor("input").retainGrad());
        op("requires_grad_(Tensor input, /, bool requires_grad|requiresGrad = True)", false,
                a -> a.tensor("input").requiresGrad_(a.bool("requires_grad")));
        inPlace("zero_(Tensor input, /)", a -> a.tensor("input").zero_());
        define(List.of("fill_(Tensor input, /, Tensor value)", "fill_(Tensor input, /, Number value)"), false, true,
                a -> new Tensor[] {a.tensor("input").fill_(fillValue(a))});
    }

    private static Reduction reduction(BoundArgs a) {
        return Reduction.parse(a.string("reduction"));
    }

    /** {@code fill_}'s value: a number, or a 0-dim tensor's one element. */
    private static double fillValue(BoundArgs a) {
        if (a.form() == 1) return a.number("value");
        Tensor v = a.tensor("value");
        if (v.dim() != 0) {
            throw EngineException.invalid("fill_ only supports 0-dimension value tensor but got tensor with " + v.dim() + " dimensions.");
        }
        return v.item();
    }

    private static Tensor clamp(BoundArgs a, Tensor x) {
        if (a.raw("min") instanceof Tensor || a.raw("max") instanceof Tensor) {
            return x.clamp(a.tensorOrNumber("min"), a.tensorOrNumber("max"));
        }
        return x.clamp(a.number("min"), a.number("max"));
    }
}
