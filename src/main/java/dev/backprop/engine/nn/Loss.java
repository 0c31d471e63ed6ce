package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;

/** A loss module of {@code torch.nn}: {@code loss_fn(input, target)}. */
public interface Loss {
    Tensor forward(Tensor input, Tensor target);
}
