package dev.backprop.engine;

/** Samples of the ops of {@link NormalizationOpDefs}. */
final class NormalizationSamples {
    private NormalizationSamples() {}

    static void register() {}
}
