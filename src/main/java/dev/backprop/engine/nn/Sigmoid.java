package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;

/** {@code torch.nn.Sigmoid()}: {@code torch.sigmoid} elementwise. */
public final class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
