package dev.backprop.engine;

/** Samples of the ops of {@link SortingOpDefs}. */
final class SortingSamples {
    private SortingSamples() {}

    static void register() {}
}
