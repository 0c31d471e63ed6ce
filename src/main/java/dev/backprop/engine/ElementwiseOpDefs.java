package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.IN_PLACE;
import static dev.backprop.engine.OpTag.NON_DIFFERENTIABLE;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The elementwise ops: the tables {@link UnaryOps} and {@link BinaryOps}, each entry with its in-place
 * variant, round's decimals, lerp, clamp, where, the comparisons and the logical ops.
 */
final class ElementwiseOpDefs {
    private ElementwiseOpDefs() {}

    static void register() {
        for (UnaryOp u : UnaryOps.ALL) {
            if (u == UnaryOps.ROUND) continue;
            op(u.name() + "(Tensor input)").gradFn(u.gradFnName()).does(a -> u.apply(a.tensor("input")));
            op(u.name() + "_(Tensor input, /)").tags(IN_PLACE).gradFn(u.gradFnName())
                    .does(a -> InPlace.apply(a.tensor("input"), u.name() + "_", u::apply));
        }
        for (BinaryOp b : BinaryOps.ALL) {
            String params = binaryParams(b);
            String other = b == BinaryOps.POW ? "exponent" : "other";
            if (b == BinaryOps.POW) {
                // torch.pow's third overload, a number raised to a tensor (PowBackward2)
                op("pow(Tensor input, " + params + ")", "pow(Number self, Tensor exponent)")
                        .gradFn("PowBackward1", "PowBackward0", "PowBackward2")
                        .does(a -> a.form() == 1 ? Tensor.pow(a.number("self"), a.tensor("exponent")) : binary(b, a, other).apply(a.tensor("input")));
            } else if (b == BinaryOps.REMAINDER) {
                op(b.name() + "(Tensor input, " + params + ")").gradFn(b.gradFnName(), BinaryOps.REMAINDER_SCALAR.gradFnName())
                        .does(a -> binary(b, a, other).apply(a.tensor("input")));
            } else {
                op(b.name() + "(Tensor input, " + params + ")").gradFn(b.gradFnName()).does(a -> binary(b, a, other).apply(a.tensor("input")));
            }
            List<String> gradFns = b == BinaryOps.POW ? List.of("PowBackward1", "PowBackward0")
                    : b == BinaryOps.REMAINDER ? List.of(b.gradFnName(), BinaryOps.REMAINDER_SCALAR.gradFnName()) : List.of(b.gradFnName());
            op(b.name() + "_(Tensor input, /, " + params + ")").tags(IN_PLACE).gradFn(gradFns.toArray(String[]::new))
                    .does(a -> InPlace.apply(a.tensor("input"), b.name() + "_", x -> binary(b, a, other).apply(x), a.tensorOrNumber(other)));
        }
        registerRound();
        registerLerp();
        String bounds = "Tensor|Number? min = None, Tensor|Number? max = None)";
        op("clamp(Tensor input, " + bounds).gradFn("ClampBackward1", "ClampBackward0").does(a -> clamp(a, a.tensor("input")));
        op("clamp_(Tensor input, /, " + bounds).tags(IN_PLACE).gradFn("ClampBackward1", "ClampBackward0")
                .does(a -> InPlace.apply(a.tensor("input"), "clamp_", x -> clamp(a, x)));
        op("clamp_min(Tensor input, Number min)").gradFn("ClampMinBackward0")
                .does(a -> ClampOps.clamp(a.tensor("input"), a.number("min"), null, "ClampMinBackward0"));
        op("clamp_max(Tensor input, Number max)").gradFn("ClampMaxBackward0")
                .does(a -> ClampOps.clamp(a.tensor("input"), null, a.number("max"), "ClampMaxBackward0"));
        op("where(Tensor condition, Tensor|Number input, Tensor|Number other)").gradFn("WhereBackward0")
                .does(a -> Tensor.where(a.tensor("condition"), a.tensorOrNumber("input"), a.tensorOrNumber("other")));
        for (Comparisons.Comparison cmp : List.of(Comparisons.GE, Comparisons.GT, Comparisons.LE, Comparisons.LT, Comparisons.EQ,
                Comparisons.NE)) {
            op(cmp.name() + "(Tensor input, Tensor|Number other)").tags(NON_DIFFERENTIABLE)
                    .does(a -> cmp.apply(a.tensor("input"), a.tensorOrNumber("other")));
        }
        op("logical_and(Tensor input, Tensor other)").tags(NON_DIFFERENTIABLE).does(a -> a.tensor("input").logicalAnd(a.tensor("other")));
    }

    /** The parameters after {@code input}. */
    private static String binaryParams(BinaryOp b) {
        if (b == BinaryOps.ADD || b == BinaryOps.SUB) return "Tensor|Number other, *, Number alpha = 1";
        if (b == BinaryOps.POW) return "Tensor|Number exponent";
        if (b == BinaryOps.MAXIMUM || b == BinaryOps.MINIMUM || b == BinaryOps.ATAN2) return "Tensor other";
        return "Tensor|Number other";
    }

    /** A binary op with its other operand (and add/sub's alpha, pow's number forms) bound. */
    private static UnaryOperator<Tensor> binary(BinaryOp b, BoundArgs a, String otherName) {
        Tensor other = a.tensorOrNumber(otherName);
        if (b == BinaryOps.ADD || b == BinaryOps.SUB) {
            double alpha = a.number("alpha");
            double sign = b == BinaryOps.SUB ? -1 : 1;
            return self -> alpha == 1 ? b.apply(self, other) : BinaryOps.addScaled(b.gradFnName(), self, other, sign * alpha);
        }
        if (b == BinaryOps.POW) {
            return self -> other.wrappedNumber ? self.pow(other.item()) : self.pow(other);
        }
        if (b == BinaryOps.REMAINDER && other.wrappedNumber) {
            return self -> BinaryOps.REMAINDER_SCALAR.apply(self, other);
        }
        return self -> b.apply(self, other);
    }

    /** {@code round} and {@code round(decimals=...)}, which PyTorch records as different nodes even for decimals=0. */
    private static void registerRound() {
        UnaryOp u = UnaryOps.ROUND;
        op("round(Tensor input)", "round(Tensor input, *, int decimals)").gradFn("RoundBackward0", "RoundBackward1")
                .does(a -> round(a, a.tensor("input")));
        op("round_(Tensor input, /)", "round_(Tensor input, /, *, int decimals)").tags(IN_PLACE).gradFn("RoundBackward0", "RoundBackward1")
                .does(a -> InPlace.apply(a.tensor("input"), u.name() + "_", x -> round(a, x)));
    }

    private static Tensor round(BoundArgs a, Tensor x) {
        return a.form() == 0 ? UnaryOps.ROUND.apply(x) : MathUnaryRules.roundDecimals(x, (Long) a.raw("decimals"));
    }

    /** {@code lerp(input, end, weight)}: a number weight is {@code LerpBackward0}, a tensor one {@code LerpBackward1}. */
    private static void registerLerp() {
        String params = "Tensor end, Tensor|Number weight)";
        op("lerp(Tensor input, " + params).gradFn("LerpBackward0", "LerpBackward1")
                .does(a -> Lerp.lerp(a.tensor("input"), a.tensor("end"), a.tensorOrNumber("weight")));
        op("lerp_(Tensor input, /, " + params).tags(IN_PLACE).gradFn("LerpBackward0", "LerpBackward1")
                .does(a -> InPlace.apply(a.tensor("input"), "lerp_", x -> Lerp.lerp(x, a.tensor("end"), a.tensorOrNumber("weight")),
                        a.tensor("end"), a.tensorOrNumber("weight")));
    }

    private static Tensor clamp(BoundArgs a, Tensor x) {
        if (a.raw("min") instanceof Tensor || a.raw("max") instanceof Tensor) {
            return x.clamp(a.tensorOrNumber("min"), a.tensorOrNumber("max"));
        }
        return x.clamp(a.number("min"), a.number("max"));
    }
}
