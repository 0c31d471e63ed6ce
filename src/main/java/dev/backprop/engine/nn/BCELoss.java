package dev.backprop.engine.nn;

import dev.backprop.engine.Functional;
import dev.backprop.engine.Reduction;
import dev.backprop.engine.Tensor;

/** {@code torch.nn.BCELoss(weight=None, reduction='mean')}: binary cross-entropy of probabilities. */
public final class BCELoss extends Loss {
    private final Tensor weight;
    private final Reduction reduction;

    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    public BCELoss(Reduction reduction) {
        this(null, reduction);
    }

    /** @param weight a rescaling weight broadcast over the elements, or null */
    public BCELoss(Tensor weight, Reduction reduction) {
        this.weight = weight;
        this.reduction = reduction;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropy(input, target, weight, reduction);
    }
}
