package dev.backprop.engine;

/** The ops behind the normalization and embedding layers of {@code torch.nn}. */
final class NormalizationOpDefs {
    private NormalizationOpDefs() {}

    static void register() {}
}
