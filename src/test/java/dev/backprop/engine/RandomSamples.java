package dev.backprop.engine;

/** Samples of the ops of {@link RandomOpDefs} beyond the first factories. */
final class RandomSamples {
    private RandomSamples() {}

    static void register() {}
}
