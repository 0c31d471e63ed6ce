package dev.backprop.engine;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * In-place ops ({@code add_}, {@code mul_}, {@code fill_}, ...): the out-of-place op's result written
 * into the tensor's storage, the version counter bumped, and, when the graph is recorded, the tensor
 * rebased onto the op's node, as PyTorch's in-place autograd does ({@code rebase_history}): a tensor that is
 * no view takes the node as its {@code grad_fn}; a view's base takes a {@link CopySlices} of it, and the view's
 * own {@code grad_fn} is remade from the base. The op reads a snapshot of the old values, so its saved operands
 * stay valid (PyTorch's {@code original_self}).
 */
final class InPlace {
    private InPlace() {}

    static Tensor apply(Tensor self, String name, UnaryOperator<Tensor> op, Tensor... others) {
        boolean record = GradMode.isEnabled() && (self.requiresGrad() || anyRequiresGrad(others));
        checkWritable(self);
        Tensor input = self;
        if (record) {
            input = Conversions.detachedCopy(self);
            input.gradFn = self.gradFn();
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
            rebase(self, result.gradFn, result.outputNr);
            result.gradFn.rebindSavedOutput(result, self);
        }
        return self;
    }

    /** {@code fill_(value)} and {@code zero_()}: the gradient through a fill is zero. */
    static Tensor fill(Tensor self, double value) {
        boolean record = GradMode.isEnabled() && self.requiresGrad();
        checkWritable(self);
        CheckedConvert.toElement(value, self.dtype);
        Tensor old = null;
        if (record) {
            old = new Tensor(self.storage, self.dtype, self.shape, self.strides, self.offset, false, null);
            old.gradFn = self.gradFn();
            old.outputNr = self.outputNr;
        }
        self.copyFrom(Kernels.filled(self.shape, self.dtype, value));
        self.storage.version++;
        if (record) {
            Tensor out = new Tensor(self.storage, self.dtype, self.shape, self.strides, self.offset, false, null);
            Graph.record(value == 0 ? "ZeroBackward0" : "FillBackward0", out, new Tensor[] {old}, new Tensor[0],
                    ctx -> Graph.one(ctx.grad().mulScalar(0)));
            rebase(self, out.gradFn, 0);
        }
        return self;
    }

    /** Makes {@code fn} the history of {@code self}: directly, or through its base when {@code self} is a view. */
    private static void rebase(Tensor self, Node fn, int outputNr) {
        if (self.isView()) {
            Node old = self.gradFn;
            CopySlices.rebase(self.viewBase, self, fn);
            self.attrVersion = -1;
            Node remade = self.currentGradFn();
            if (old != null && old != remade) old.moveRetained(self.outputNr, remade, 0);
            return;
        }
        if (self.gradFn != null) {
            self.gradFn.moveRetained(self.outputNr, fn, outputNr);
        }
        self.gradFn = fn;
        self.outputNr = outputNr;
    }

    private static void checkWritable(Tensor self) {
        if (GradMode.isEnabled() && self.isLeaf() && self.requiresGradLeaf && !self.isView()) {
            throw new EngineException(ErrorCode.INPLACE_ON_LEAF, "a leaf Variable that requires grad is being used in an in-place "
                    + "operation.");
        }
        if (GradMode.isEnabled() && self.isView() && self.viewBase.isLeaf() && self.viewBase.requiresGradLeaf) {
            throw new EngineException(ErrorCode.INPLACE_ON_LEAF, "a view of a leaf Variable that requires grad is being used in "
                    + "an in-place operation.");
        }
        if (GradMode.isEnabled() && self.isView() && self.creation != ViewCreation.DEFAULT && self.requiresGrad()) {
            throw self.creation.refusal(self);
        }
        for (int d = 0; d < self.dim(); d++) {
            if (self.strides[d] == 0 && self.shape[d] > 1) {
                // at::assert_no_internal_overlap, aten/src/ATen/MemoryOverlap.cpp
                throw EngineException.invalid("unsupported operation: more than one element of the written-to tensor refers to a "
                        + "single memory location. Please clone() the tensor before performing the operation.");
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
