package dev.backprop.engine;

import static dev.backprop.engine.BinaryOp.OTHER;
import static dev.backprop.engine.BinaryOp.RESULT;
import static dev.backprop.engine.BinaryOp.SELF;

import java.util.List;

/**
 * The elementwise ops of two tensors, each a single entry: forward on a pair of elements and the
 * derivatives from tools/autograd/derivatives.yaml. Broadcast gradients need no care here: the engine
 * sums each gradient back to its input's shape. To add one, add an entry and list it in {@link #ALL}.
 */
public final class BinaryOps {
    private BinaryOps() {}

    public static final BinaryOp ADD = new BinaryOp("add", "AddBackward0", Double::sum, Long::sum,
            0, (g, self, other, r) -> g,
            0, (g, self, other, r) -> g).withFloatLoop((a, sa, b, sb, o, n) -> {
                for (int i = 0, ia = 0, ib = 0; i < n; i++, ia += sa, ib += sb) o[i] = a[ia] + b[ib];
            });
    public static final BinaryOp SUB = new BinaryOp("sub", "SubBackward0", (x, y) -> x - y, (x, y) -> x - y,
            0, (g, self, other, r) -> g,
            0, (g, self, other, r) -> g.neg()).withFloatLoop((a, sa, b, sb, o, n) -> {
                for (int i = 0, ia = 0, ib = 0; i < n; i++, ia += sa, ib += sb) o[i] = a[ia] - b[ib];
            });
    public static final BinaryOp MUL = new BinaryOp("mul", "MulBackward0", (x, y) -> x * y, (x, y) -> x * y,
            OTHER, (g, self, other, r) -> g.mul(other),
            SELF, (g, self, other, r) -> g.mul(self)).withFloatLoop((a, sa, b, sb, o, n) -> {
                for (int i = 0, ia = 0, ib = 0; i < n; i++, ia += sa, ib += sb) o[i] = a[ia] * b[ib];
            });
    public static final BinaryOp DIV = new BinaryOp("div", "DivBackward0", (x, y) -> x / y, null,
            OTHER, (g, self, other, r) -> g.div(other),
            SELF | OTHER, (g, self, other, r) -> g.neg().mul(self.div(other).div(other))).withFloatLoop((a, sa, b, sb, o, n) -> {
                for (int i = 0, ia = 0, ib = 0; i < n; i++, ia += sa, ib += sb) o[i] = a[ia] / b[ib];
            });
    /** {@code pow(Tensor self, Tensor exponent)}: the exponent's gradient is 0 where self is 0 and exponent >= 0. */
    public static final BinaryOp POW = new BinaryOp("pow", "PowBackward1", PowOps::pow, PowOps::powInt,
            SELF | OTHER, (g, self, other, r) -> Tensor.where(other.eq(0), g.mulScalar(0), g.mul(other.mul(self.pow(other.sub(1))))),
            SELF | OTHER | RESULT, (g, self, other, r) -> g.mul(Tensor.where(self.eq(0).logicalAnd(other.ge(0)), g.mulScalar(0),
                    r.mul(self.log()))));
    public static final BinaryOp MAXIMUM = new BinaryOp("maximum", "MaximumBackward0", Math::max, Math::max,
            SELF | OTHER, (g, self, other, r) -> g.mul(Comparisons.selectionWeight(self, other)),
            SELF | OTHER, (g, self, other, r) -> g.mul(Comparisons.selectionWeight(other, self)));
    public static final BinaryOp MINIMUM = new BinaryOp("minimum", "MinimumBackward0", Math::min, Math::min,
            SELF | OTHER, (g, self, other, r) -> g.mul(Comparisons.selectionWeight(other, self)),
            SELF | OTHER, (g, self, other, r) -> g.mul(Comparisons.selectionWeight(self, other)));

    /** {@code remainder(Tensor, Tensor)}: Python's {@code %}, whose result takes the divisor's sign. */
    public static final BinaryOp REMAINDER = new BinaryOp("remainder", "RemainderBackward1", Remainders::of, Remainders::of,
            0, (g, self, other, r) -> g,
            SELF | OTHER, (g, self, other, r) -> g.neg().mul(UnaryOps.FLOOR.apply(self.div(other)))).withFloatLoop(Remainders::loop);
    /** {@code remainder(Tensor, Number)}: the number gets no gradient. */
    static final BinaryOp REMAINDER_SCALAR = new BinaryOp("remainder", "RemainderBackward0", Remainders::of, Remainders::of,
            0, (g, self, other, r) -> g,
            0, (g, self, other, r) -> null).withFloatLoop(Remainders::loop);
    /** derivatives.yaml's {@code atan2_backward}: both gradients over {@code self² + other²}. */
    public static final BinaryOp ATAN2 = new BinaryOp("atan2", "Atan2Backward0", Math::atan2, null,
            SELF | OTHER, (g, self, other, r) -> g.mul(other).mul(atan2Denominator(self, other)),
            SELF | OTHER, (g, self, other, r) -> g.mul(self.neg()).mul(atan2Denominator(self, other)));

    private static Tensor atan2Denominator(Tensor self, Tensor other) {
        return UnaryOps.RECIPROCAL.apply(self.mul(self).add(other.mul(other)));
    }

    /** C++'s {@code mul(Tensor, Scalar)}, which PyTorch's own formulas use: {@code MulBackward1}. */
    static final BinaryOp MUL_SCALAR = new BinaryOp("mul", "MulBackward1", (x, y) -> x * y, (x, y) -> x * y,
            OTHER, (g, self, other, r) -> g.mul(other),
            0, (g, self, other, r) -> null).withFloatLoop((a, sa, b, sb, o, n) -> {
                for (int i = 0, ia = 0, ib = 0; i < n; i++, ia += sa, ib += sb) o[i] = a[ia] * b[ib];
            });

    /**
     * {@code add(self, other, alpha)} ({@code AddBackward0}) and {@code sub} ({@code SubBackward0}, alpha negated by the
     * caller): the other operand's gradient scaled by alpha.
     * Alpha is rounded to the result dtype first, as PyTorch's kernel receives it.
     */
    static Tensor addScaled(String gradFn, Tensor self, Tensor other, double alpha) {
        DType out = TypePromotion.resultType(self, other);
        if (!out.isFloating() && alpha != Math.rint(alpha)) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "For integral input tensors, argument alpha must not be a floating point number.");
        }
        double a = out == DType.FLOAT32 ? (float) alpha : alpha;
        long ai = (long) alpha;
        return new BinaryOp("add", gradFn, (x, y) -> x + a * y, (x, y) -> x + ai * y,
                0, (g, s, o, r) -> g,
                0, (g, s, o, r) -> g.mulScalar(alpha)).apply(self, other);
    }

    public static final List<BinaryOp> ALL = List.of(ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, REMAINDER, ATAN2);
}
