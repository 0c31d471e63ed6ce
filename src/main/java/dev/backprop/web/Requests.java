package dev.backprop.web;

import java.util.List;
import java.util.Map;

/** The request bodies of the session API. */
final class Requests {
    private Requests() {}

    record CreateSession(Long seed) {}

    record Seed(Long seed) {}

    record CreateTensor(
            String name,
            Object data,
            Boolean requiresGrad,
            String dtype) {}

    record Op(
            String op,
            List<Object> inputs,
            Map<String, Object> attrs,
            Object out,
            Boolean noGrad,
            List<Op> ops,
            String returns) {}

    record Backward(List<String> tensors,
                    List<Object> gradTensors,
                    Boolean retainGraph,
                    Boolean createGraph,
                    List<String> inputs) {}

    record Grad(List<String> outputs, List<String> inputs,
                List<Object> gradOutputs,
                Boolean retainGraph,
                Boolean createGraph,
                Boolean allowUnused,
                List<String> out) {}

    record CreateModule(String name, Object layers) {}

    record CreateOptimizer(String name,
                           String type,
                           List<String> params,
                           Double lr,
                           Double momentum,
                           Double dampening,
                           Double weightDecay,
                           Boolean nesterov,
                           List<Double> betas,
                           Double eps,
                           Boolean amsgrad,
                           Boolean maximize) {}
}
