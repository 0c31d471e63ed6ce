package dev.backprop.engine;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * In-place ops ({@code add_}, {@code mul_}, {@code fill_}, ...): the out-of-place op's result written
 * into the tensor's storage, the version counter bumped, and, when the graph is recorded, the tensor
 * rebased onto the op's node, as PyTorch's in-place autograd does. The op reads a snapshot of the old
 * values, so its saved operands stay valid (PyTorch's {@code original_self}).
 */
final class InPlace {
    private InPlace() {}

    static Tensor apply(Tensor self, String name, UnaryOperator<Tensor> op, Tensor... others) {
        boolean record = GradMode.isEnabled() && (self.requiresGrad() || anyRequiresGrad(others));
        if (GradMode.isEnabled()) {
            checkWritable(self, record);
        }
        Tensor input = self;
        if (record) {
            input = Conversions.detachedCopy(self);
            input.gradFn = self.gradFn;
            input.outputNr = self.outputNr;
        }
        Tensor result = op.apply(input);
        if (!DType.canCast(result.dtype, self.dtype)) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "result type " + result.dtype.torchName()
                    + " can't be cast to the desired output type " + self.dtype.torchName());
        }
        if (!Arrays.equals(result.shape, self.shape)) {
            throw EngineException.shape("output with shape " + Shapes.format(self.shape) + " doesn't match the broadcast shape "
                    + Shapes.format(result.shape));
        }
        self.copyFrom(result);
        self.storage.version++;
        if (record && result.gradFn != null) {
            if (self.gradFn != null) {
                self.gradFn.moveRetained(self.outputNr, result.gradFn, result.outputNr);
            }
            self.gradFn = result.gradFn;
            self.outputNr = result.outputNr;
            self.gradFn.rebindSavedOutput(result, self);
        }
        return self;
    }

    /** {@code fill_(value)} and {@code zero_()}: the gradient through a fill is zero. */
    static Tensor fill(Tensor self, double value) {
        boolean record = GradMode.isEnabled() && self.requiresGrad();
        if (GradMode.isEnabled()) {
            checkWritable(self, record);
        }
        CheckedConvert.toElement(value, self.dtype);
        self.copyFrom(Kernels.filled(self.shape, self.dtype, value));
        self.storage.version++;
        if (record) {
            Tensor old = new Tensor(self.storage, self.dtype, self.shape, self.strides, self.offset, false, null);
            old.gradFn = self.gradFn;
            old.outputNr = self.outputNr;
            Tensor out = self;
            Graph.record(value == 0 ? "ZeroBackward0" : "FillBackward0", out, new Tensor[] {old}, new Tensor[0],
                    ctx -> Graph.one(ctx.grad().mulScalar(0)));
        }
        return self;
    }

    private static void checkWritable(Tensor self, boolean record) {
        if (self.isLeaf() && self.requiresGradLeaf && !self.isView()) {
            throw new EngineException(ErrorCode.INPLACE_ON_LEAF, "a leaf Variable that requires grad is being used in an in-place "
                    + "operation.");
        }
        if (self.isView()) {
            Tensor base = self.viewBase;
            if (base.isLeaf() && base.requiresGradLeaf) {
                throw new EngineException(ErrorCode.INPLACE_ON_LEAF, "a view of a leaf Variable that requires grad is being used in "
                        + "an in-place operation.");
            }
            if (record && base.requiresGrad()) {
                throw new EngineException(ErrorCode.UNSUPPORTED, "in-place operations on a view of a tensor that requires grad are "
                        + "not supported; use the out-of-place op instead");
            }
        }
    }

    private static boolean anyRequiresGrad(Tensor[] ts) {
        for (Tensor t : ts) {
            if (t != null && t.requiresGrad()) return true;
        }
        return false;
    }
}
