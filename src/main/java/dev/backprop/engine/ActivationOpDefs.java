package dev.backprop.engine;

/** The activations and softmax of {@code torch.nn.functional}. */
final class ActivationOpDefs {
    private ActivationOpDefs() {}

    static void register() {}
}
