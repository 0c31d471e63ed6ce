package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.IN_PLACE;
import static dev.backprop.engine.OpTag.NON_DIFFERENTIABLE;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The elementwise ops: the tables {@link UnaryOps} and {@link BinaryOps}, each entry with its in-place
 * variant, and clamp, where, the comparisons and the logical ops.
 */
final class ElementwiseOpDefs {
    private ElementwiseOpDefs() {}

    static void register() {
        for (UnaryOp u : UnaryOps.ALL) {
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
            } else {
                op(b.name() + "(Tensor input, " + params + ")").gradFn(b.gradFnName()).does(a -> binary(b, a, other).apply(a.tensor("input")));
            }
            List<String> gradFns = b == BinaryOps.POW ? List.of("PowBackward1", "PowBackward0") : List.of(b.gradFnName());
            op(b.name() + "_(Tensor input, /, " + params + ")").tags(IN_PLACE).gradFn(gradFns.toArray(String[]::new))
                    .does(a -> InPlace.apply(a.tensor("input"), b.name() + "_", x -> binary(b, a, other).apply(x), a.tensorOrNumber(other)));
        }
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
        if (b == BinaryOps.MAXIMUM || b == BinaryOps.MINIMUM) return "Tensor other";
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
        return self -> b.apply(self, other);
    }

    private static Tensor clamp(BoundArgs a, Tensor x) {
        if (a.raw("min") instanceof Tensor || a.raw("max") instanceof Tensor) {
            return x.clamp(a.tensorOrNumber("min"), a.tensorOrNumber("max"));
        }
        return x.clamp(a.number("min"), a.number("max"));
    }
}
