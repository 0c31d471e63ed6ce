package dev.backprop.engine;

/** Samples of the ops of {@link ShapeOpDefs}. */
final class ShapeSamples {
    private ShapeSamples() {}

    static void register() {}
}
