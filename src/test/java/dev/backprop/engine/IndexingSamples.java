package dev.backprop.engine;

/** Samples of the ops of {@link IndexingOpDefs}. */
final class IndexingSamples {
    private IndexingSamples() {}

    static void register() {}
}
