package dev.backprop.engine;

/**
 * The sink of a leaf that requires grad: adds the incoming gradient into {@code .grad}
 * (torch/csrc/autograd/functions/accumulate_grad.h). The first gradient is copied, so that two leaves
 * never share one {@code .grad}; later ones are added in place, or out of place under create_graph.
 */
final class AccumulateGrad extends Node {
    final Tensor variable;

    AccumulateGrad(Tensor variable) {
        super("AccumulateGrad", Long.MAX_VALUE, new Tensor[0], new Tensor[] {variable}, new Tensor[0], null);
        this.variable = variable;
    }

    @Override
    public Tensor variable() {
        return variable;
    }

    @Override
    Tensor[] apply(Tensor[] grads) {
        Tensor g = grads[0];
        if (variable.grad == null) {
            variable.grad = GradMode.isEnabled() ? g.clone() : Conversions.detachedCopy(g);
        } else if (!GradMode.isEnabled()) {
            variable.grad.add_(g);
        } else {
            variable.grad = variable.grad.add(g);
        }
        return new Tensor[0];
    }
}
