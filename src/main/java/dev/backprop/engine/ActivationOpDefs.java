package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.IN_PLACE;

/**
 * The activations and softmax of {@code torch.nn.functional}, with the in-place variants its API offers
 * ({@code leaky_relu_}, {@code elu_}, {@code hardtanh_}).
 */
final class ActivationOpDefs {
    private ActivationOpDefs() {}

    static void register() {
        op("softmax(Tensor input, int dim, dtype? dtype = None)").gradFn("SoftmaxBackward0")
                .does(a -> SoftmaxOps.softmax(a.tensor("input"), a.integer("dim"), a.dtype("dtype")));
        op("log_softmax(Tensor input, int dim, dtype? dtype = None)").gradFn("LogSoftmaxBackward0")
                .does(a -> SoftmaxOps.logSoftmax(a.tensor("input"), a.integer("dim"), a.dtype("dtype")));
        String slope = "float negative_slope = 0.01)";
        op("leaky_relu(Tensor input, " + slope).gradFn("LeakyReluBackward0")
                .does(a -> Activations.leakyRelu(a.tensor("input"), a.number("negative_slope")));
        op("leaky_relu_(Tensor input, /, " + slope).tags(IN_PLACE).gradFn("LeakyReluBackward1")
                .does(a -> Activations.leakyReluInPlace(a.tensor("input"), a.number("negative_slope")));
        op("gelu(Tensor input, *, str approximate = 'none')").gradFn("GeluBackward0")
                .does(a -> Activations.gelu(a.tensor("input"), a.string("approximate")));
        op("softplus(Tensor input, float beta = 1, float threshold = 20)").gradFn("SoftplusBackward0")
                .does(a -> Activations.softplus(a.tensor("input"), a.number("beta"), a.number("threshold")));
        op("silu(Tensor input)").gradFn("SiluBackward0").does(a -> Activations.silu(a.tensor("input")));
        op("elu(Tensor input, float alpha = 1.0)").gradFn("EluBackward0")
                .does(a -> Activations.elu(a.tensor("input"), a.number("alpha")));
        op("elu_(Tensor input, /, float alpha = 1.0)").tags(IN_PLACE).gradFn("EluBackward1")
                .does(a -> Activations.eluInPlace(a.tensor("input"), a.number("alpha")));
        String bounds = "float min_val = -1.0, float max_val = 1.0)";
        op("hardtanh(Tensor input, " + bounds).gradFn("HardtanhBackward0")
                .does(a -> Activations.hardtanh(a.tensor("input"), a.number("min_val"), a.number("max_val")));
        op("hardtanh_(Tensor input, /, " + bounds).tags(IN_PLACE).gradFn("HardtanhBackward0")
                .does(a -> InPlace.apply(a.tensor("input"), "hardtanh_", x -> Activations.hardtanh(x, a.number("min_val"), a.number("max_val"))));
    }
}
