package dev.backprop.session;

import dev.backprop.engine.Tensor;

/** A tensor together with the name it is bound to in its session. */
public record BoundTensor(String name, Tensor tensor) {}
