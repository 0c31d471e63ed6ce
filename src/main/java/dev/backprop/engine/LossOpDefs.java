package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;

/** The loss functions of {@code torch.nn.functional}. */
final class LossOpDefs {
    private LossOpDefs() {}

    static void register() {
        op("binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = None, *, str reduction = 'mean')")
                .gradFn("BinaryCrossEntropyBackward0")
                .does(a -> Functional.binaryCrossEntropy(a.tensor("input"), a.tensor("target"), a.tensor("weight"), reduction(a)));
        op("binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = None, *, str reduction = 'mean', "
                + "Tensor? pos_weight|posWeight = None)").gradFn("BinaryCrossEntropyWithLogitsBackward0")
                .does(a -> Functional.binaryCrossEntropyWithLogits(a.tensor("input"), a.tensor("target"), a.tensor("weight"),
                        a.tensor("pos_weight"), reduction(a)));
        op("mse_loss(Tensor input, Tensor target, *, str reduction = 'mean')").gradFn("MseLossBackward0")
                .does(a -> Functional.mseLoss(a.tensor("input"), a.tensor("target"), reduction(a)));
    }

    static Reduction reduction(BoundArgs a) {
        return Reduction.parse(a.string("reduction"));
    }
}
