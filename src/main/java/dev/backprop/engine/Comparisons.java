package dev.backprop.engine;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/** Comparisons and logical ops: computed in the promoted dtype, answered as bool, never differentiable. */
final class Comparisons {
    private Comparisons() {}

    record Comparison(String name, DoubleBinaryOperator fn, LongBinaryOperator intFn) {
        Tensor apply(Tensor a, Tensor b) {
            DType common = TypePromotion.resultType(a, b);
            DType compute = common == DType.BOOL ? DType.INT64 : common;
            return Kernels.zip(a, b, compute, DType.BOOL, fn, intFn);
        }
    }

    static final Comparison GE = new Comparison("ge", (x, y) -> x >= y ? 1 : 0, (x, y) -> x >= y ? 1 : 0);
    static final Comparison GT = new Comparison("gt", (x, y) -> x > y ? 1 : 0, (x, y) -> x > y ? 1 : 0);
    static final Comparison LE = new Comparison("le", (x, y) -> x <= y ? 1 : 0, (x, y) -> x <= y ? 1 : 0);
    static final Comparison LT = new Comparison("lt", (x, y) -> x < y ? 1 : 0, (x, y) -> x < y ? 1 : 0);
    static final Comparison EQ = new Comparison("eq", (x, y) -> x == y ? 1 : 0, (x, y) -> x == y ? 1 : 0);
    static final Comparison NE = new Comparison("ne", (x, y) -> x != y ? 1 : 0, (x, y) -> x != y ? 1 : 0);
    static final Comparison LOGICAL_AND = new Comparison("logical_and", (x, y) -> x != 0 && y != 0 ? 1 : 0,
            (x, y) -> x != 0 && y != 0 ? 1 : 0);

    /**
     * The share of the gradient {@code maximum(a, b)} passes to {@code a}: 1 where a wins, 0 where it
     * loses, 1/2 on ties (derivatives.yaml: {@code at::where(self == other, grad / 2, grad)}).
     */
    static Tensor selectionWeight(Tensor a, Tensor b) {
        DType t = TypePromotion.resultType(a, b);
        DType compute = t.isFloating() ? t : DType.FLOAT32;
        return Kernels.zip(a.detach(), b.detach(), compute, compute, (x, y) -> x == y ? 0.5 : x > y ? 1 : 0, null);
    }
}
