package dev.backprop.engine;

import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * One elementwise op of two tensors with broadcasting and type promotion: its name, PyTorch's grad_fn
 * name, its value on a pair of elements and the derivative for each operand, written in tensor ops.
 * A derivative reports the operands it reads ({@link #SELF}, {@link #OTHER}, {@link #RESULT}); only
 * those needed by the inputs that require grad are saved, as PyTorch's generated code does.
 *
 * @param intFn the op on integers, or null when integer operands are computed as float32 (true division)
 */
public record BinaryOp(String name, String gradFnName, DoubleBinaryOperator fn, LongBinaryOperator intFn,
                       int selfUses, Derivative selfDerivative, int otherUses, Derivative otherDerivative, FloatLoop.Binary floatLoop) {

    public BinaryOp(String name, String gradFnName, DoubleBinaryOperator fn, LongBinaryOperator intFn,
                    int selfUses, Derivative selfDerivative, int otherUses, Derivative otherDerivative) {
        this(name, gradFnName, fn, intFn, selfUses, selfDerivative, otherUses, otherDerivative, null);
    }

    /** The same op with its own float32 loop. */
    public BinaryOp withFloatLoop(FloatLoop.Binary loop) {
        return new BinaryOp(name, gradFnName, fn, intFn, selfUses, selfDerivative, otherUses, otherDerivative, loop);
    }

    public static final int SELF = 1;
    public static final int OTHER = 2;
    public static final int RESULT = 4;

    /** The gradient for one operand, from the output gradient and the saved operands (unused ones are null). */
    @FunctionalInterface
    public interface Derivative {
        Tensor apply(Tensor grad, Tensor self, Tensor other, Tensor result);
    }

    public Tensor apply(Tensor a, Tensor b) {
        DType common = TypePromotion.resultType(a, b);
        DType out = intFn == null && !common.isFloating() ? DType.FLOAT32 : common;
        if (name.equals("sub") && a.dtype == DType.BOOL && b.dtype == DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "Subtraction, the `-` operator, with two bool tensors is not "
                    + "supported. Use the `^` or `logical_xor()` operator instead.");
        }
        Tensor r = Kernels.zip(a, b, out == DType.BOOL ? DType.INT64 : out, out, fn, intFn, floatLoop);
        if (out.isFloating() && Graph.needsGrad(a, b)) {
            int uses = (a.requiresGrad() ? selfUses : 0) | (b.requiresGrad() ? otherUses : 0);
            Tensor[] saved = {(uses & SELF) != 0 ? a : null, (uses & OTHER) != 0 ? b : null, (uses & RESULT) != 0 ? r : null};
            Graph.record(gradFnName, r, new Tensor[] {a, b}, saved, ctx -> {
                Tensor g = ctx.grad();
                Tensor self = (uses & SELF) != 0 ? ctx.saved(0) : null;
                Tensor other = (uses & OTHER) != 0 ? ctx.saved(1) : null;
                Tensor result = (uses & RESULT) != 0 ? ctx.saved(2) : null;
                return new Tensor[] {
                    ctx.needs(0) ? selfDerivative.apply(g, self, other, result) : null,
                    ctx.needs(1) ? otherDerivative.apply(g, self, other, result) : null};
            });
        }
        return r;
    }
}
