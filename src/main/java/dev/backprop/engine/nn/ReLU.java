package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;

/** {@code torch.nn.ReLU()}: {@code torch.relu} elementwise. */
public final class ReLU extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
