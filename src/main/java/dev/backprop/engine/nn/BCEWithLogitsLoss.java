package dev.backprop.engine.nn;

import dev.backprop.engine.Functional;
import dev.backprop.engine.Reduction;
import dev.backprop.engine.Tensor;

/** {@code torch.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)}: sigmoid and BCE in one stable step. */
public final class BCEWithLogitsLoss extends Loss {
    private final Tensor weight;
    private final Reduction reduction;
    private final Tensor posWeight;

    public BCEWithLogitsLoss() {
        this(null, Reduction.MEAN, null);
    }

    public BCEWithLogitsLoss(Reduction reduction) {
        this(null, reduction, null);
    }

    /** @param weight a rescaling weight or null; @param posWeight the weight of positive examples or null */
    public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
        this.weight = weight;
        this.reduction = reduction;
        this.posWeight = posWeight;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }
}
