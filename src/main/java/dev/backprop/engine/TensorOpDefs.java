package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.AUTOGRAD_FLAGS;
import static dev.backprop.engine.OpTag.IN_PLACE;
import static dev.backprop.engine.OpTag.NON_DIFFERENTIABLE;

/** A tensor's own methods: conversions, copies, detaching, autograd flags, filling. */
final class TensorOpDefs {
    private TensorOpDefs() {}

    static void register() {
        op("float(Tensor input)").gradFn("ToCopyBackward0").does(a -> a.tensor("input").toFloat());
        op("double(Tensor input)").gradFn("ToCopyBackward0").does(a -> a.tensor("input").toDouble());
        op("long(Tensor input)").tags(NON_DIFFERENTIABLE).does(a -> a.tensor("input").to(DType.INT64));
        op("bool(Tensor input)").tags(NON_DIFFERENTIABLE).does(a -> a.tensor("input").to(DType.BOOL));
        op("to(Tensor input, dtype? dtype = None)").gradFn("ToCopyBackward0")
                .does(a -> a.tensor("input").to(FactoryOpDefs.dtype(a, a.tensor("input").dtype)));
        op("clone(Tensor input)").gradFn("CloneBackward0").does(a -> a.tensor("input").clone());
        op("detach(Tensor input)").tags(NON_DIFFERENTIABLE).does(a -> a.tensor("input").detach());
        op("detach_(Tensor input, /)").tags(IN_PLACE, NON_DIFFERENTIABLE).does(a -> a.tensor("input").detach_());
        op("retain_grad(Tensor input, /)").tags(AUTOGRAD_FLAGS, NON_DIFFERENTIABLE).does(a -> a.tensor("input").retainGrad());
        op("requires_grad_(Tensor input, /, bool requires_grad|requiresGrad = True)").tags(AUTOGRAD_FLAGS, NON_DIFFERENTIABLE)
                .does(a -> a.tensor("input").requiresGrad_(a.bool("requires_grad")));
        op("zero_(Tensor input, /)").tags(IN_PLACE).gradFn("ZeroBackward0").does(a -> a.tensor("input").zero_());
        op("fill_(Tensor input, /, Tensor value)", "fill_(Tensor input, /, Number value)").tags(IN_PLACE).gradFn("FillBackward0")
                .does(a -> a.tensor("input").fill_(fillValue(a)));
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
}
