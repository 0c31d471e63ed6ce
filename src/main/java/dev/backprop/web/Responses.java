package dev.backprop.web;

import java.util.List;
import java.util.Map;

/** The response bodies of the session API that are more than one view. */
final class Responses {
    private Responses() {}

    record Batch(List<TensorView> results) {}

    record Updated(List<TensorView> updated) {}

    record Grads(List<TensorView> grads) {}

    record Module(String name, String repr, Map<String, List<Integer>> parameters) {}

    record Optimizer(String name, String type, List<String> params) {}
}
