package dev.backprop.engine;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * One elementwise op of one tensor: its name, PyTorch's grad_fn name, its value on one element and
 * its derivative, written in tensor ops so that it can itself be differentiated.
 *
 * @param intFn the op on integers, or null when integer and bool inputs are computed as float32
 *              (PyTorch's {@code exp(LongTensor)} is a FloatTensor)
 * @param uses  what the derivative reads: {@link #SELF}, {@link #RESULT}, both or neither; only
 *              those are saved, so an in-place change to anything else does not break backward
 */
public record UnaryOp(String name, String gradFnName, DoubleUnaryOperator fn, LongUnaryOperator intFn, int uses,
                      Derivative derivative, FloatLoop.Unary floatLoop) {

    public UnaryOp(String name, String gradFnName, DoubleUnaryOperator fn, LongUnaryOperator intFn, int uses, Derivative derivative) {
        this(name, gradFnName, fn, intFn, uses, derivative, null);
    }

    /** The same op with its own float32 loop. */
    public UnaryOp withFloatLoop(FloatLoop.Unary loop) {
        return new UnaryOp(name, gradFnName, fn, intFn, uses, derivative, loop);
    }

    public static final int SELF = 1;
    public static final int RESULT = 2;

    /** {@code grad_self = derivative(grad, self, result)}; an unused operand is null. */
    @FunctionalInterface
    public interface Derivative {
        Tensor apply(Tensor grad, Tensor self, Tensor result);
    }

    public Tensor apply(Tensor x) {
        if (x.dtype == DType.BOOL && name.equals("neg")) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "Negation, the `-` operator, on a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        DType out = MathUnaryRules.resultType(name, x.dtype, x.dtype.isFloating() || intFn != null ? x.dtype : DType.FLOAT32);
        DType compute = out == DType.BOOL ? DType.INT64 : out;
        Tensor r = Kernels.map(x, compute, out, fn, intFn, floatLoop);
        if (out.isFloating() && Graph.needsGrad(x)) {
            Tensor[] saved = {(uses & SELF) != 0 ? x : null, (uses & RESULT) != 0 ? r : null};
            Graph.record(gradFnName, r, new Tensor[] {x}, saved, ctx -> Graph.one(derivative.apply(ctx.grad(),
                    (uses & SELF) != 0 ? ctx.saved(0) : null, (uses & RESULT) != 0 ? ctx.saved(1) : null)));
        }
        return r;
    }
}
