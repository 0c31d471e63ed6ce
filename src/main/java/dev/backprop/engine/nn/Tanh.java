package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;

/** {@code torch.nn.Tanh()}: {@code torch.tanh} elementwise. */
public final class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
