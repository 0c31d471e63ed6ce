package dev.backprop.session;

import dev.backprop.engine.optim.LRScheduler;
import dev.backprop.engine.optim.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer of a session, the names of its parameters as they were given, and its learning-rate schedulers by
 * name, which go with it when it is replaced or the session ends.
 */
public record BoundOptimizer(String type, Optimizer optimizer, List<String> params, Map<String, LRScheduler> schedulers) {

    BoundOptimizer(String type, Optimizer optimizer, List<String> params) {
        this(type, optimizer, List.copyOf(params), new LinkedHashMap<>());
    }
}
