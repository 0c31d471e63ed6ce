package dev.backprop.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The response bodies of the session API that are more than one view. */
final class Responses {
    private Responses() {}

    record Batch(List<TensorView> results) {}

    record Updated(List<TensorView> updated) {}

    record Grads(List<TensorView> grads) {}

    record Module(String name, String repr, Map<String, List<Integer>> parameters, boolean training) {}

    /** An optimizer with the lr its next step uses ({@code param_groups[0]['lr']}). */
    record Optimizer(String name, String type, List<String> params, double lr) {}

    /** A scheduler: its type's settings (the others left out), {@code last_epoch} and {@code get_last_lr()}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Scheduler(String name, String type, String optimizer, Integer stepSize, Double gamma, Integer tMax, Double etaMin,
                     Double startFactor, Double endFactor, Integer totalIters, int lastEpoch, List<Double> lastLr) {}
}
