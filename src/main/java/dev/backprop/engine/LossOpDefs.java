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
        String classIndex = "Tensor? weight = None, *, int ignore_index = -100, str reduction = 'mean'";
        op("nll_loss(Tensor input, Tensor target, " + classIndex + ")").gradFn("NllLossBackward0", "NllLoss2DBackward0", "ViewBackward0")
                .does(a -> ClassificationLosses.nllLoss(a.tensor("input"), a.tensor("target"), a.tensor("weight"), reduction(a),
                        a.integer("ignore_index")));
        op("cross_entropy(Tensor input, Tensor target, " + classIndex + ", float label_smoothing = 0.0)")
                .gradFn("NllLossBackward0", "NllLoss2DBackward0", "ViewBackward0", "AddBackward0", "DivBackward1", "NegBackward0")
                .does(a -> ClassificationLosses.crossEntropy(a.tensor("input"), a.tensor("target"), a.tensor("weight"), reduction(a),
                        a.integer("ignore_index"), a.number("label_smoothing")));
        op("l1_loss(Tensor input, Tensor target, *, str reduction = 'mean')").gradFn("MeanBackward0", "SumBackward0", "AbsBackward0")
                .does(a -> RegressionLosses.l1Loss(a.tensor("input"), a.tensor("target"), a.string("reduction")));
        op("smooth_l1_loss(Tensor input, Tensor target, *, str reduction = 'mean', float beta = 1.0)").gradFn("SmoothL1LossBackward0")
                .does(a -> RegressionLosses.smoothL1Loss(a.tensor("input"), a.tensor("target"), a.string("reduction"), a.number("beta")));
        op("huber_loss(Tensor input, Tensor target, str reduction = 'mean', float delta = 1.0)").gradFn("HuberLossBackward0")
                .does(a -> RegressionLosses.huberLoss(a.tensor("input"), a.tensor("target"), a.string("reduction"), a.number("delta")));
    }

    static Reduction reduction(BoundArgs a) {
        return Reduction.parse(a.string("reduction"));
    }
}
