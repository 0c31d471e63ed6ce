package dev.backprop.engine;

/** Samples of the ops of {@link ActivationOpDefs}. */
final class ActivationSamples {
    private ActivationSamples() {}

    static void register() {}
}
