package dev.backprop.engine.nn;

import dev.backprop.engine.Functional;
import dev.backprop.engine.Reduction;
import dev.backprop.engine.Tensor;

/** {@code torch.nn.MSELoss(reduction='mean')}: the squared error. */
public final class MSELoss extends Loss {
    private final Reduction reduction;

    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        this.reduction = reduction;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.mseLoss(input, target, reduction);
    }
}
