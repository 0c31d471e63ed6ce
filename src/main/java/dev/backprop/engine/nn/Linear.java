package dev.backprop.engine.nn;

import dev.backprop.engine.Functional;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.random.Generator;

/**
 * {@code torch.nn.Linear(in_features, out_features, bias)}: {@code y = x W^T + b} with a float32
 * weight of shape (out, in) and a bias of shape (out), both leaves that require grad.
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Tensor weight;
    private final Tensor bias;

    /**
     * Initialised as torch/nn/modules/linear.py {@code reset_parameters}: the weight from
     * {@code kaiming_uniform_(a=sqrt(5))}, then the bias from U(-1/sqrt(fan_in), 1/sqrt(fan_in)), both
     * drawn from {@code gen} in that order.
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator gen) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        int fanIn = inFeatures;
        // init.py returns before computing a bound (which would divide by zero) when the weight has no elements.
        boolean empty = inFeatures == 0 || outFeatures == 0;
        double weightBound = empty ? 0 : Init.kaimingUniformBound(fanIn, Math.sqrt(5));
        Tensor w = Init.uniform(new int[] {outFeatures, inFeatures}, weightBound, gen);
        this.weight = registerParameter("weight", w.requiresGrad_(true));
        if (bias) {
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            this.bias = registerParameter("bias", Init.uniform(new int[] {outFeatures}, bound, gen).requiresGrad_(true));
        } else {
            this.bias = null;
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.linear(input, weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null for {@code bias=False}. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias != null ? "True" : "False");
    }
}
