package dev.backprop.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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

    /**
     * The body of {@code POST /ops}: one op, or a batch of them ({@code ops}) that runs all or nothing. Which one,
     * its fields tell; a body with neither form's own fields is one op (and then lacks {@code op}).
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION, defaultImpl = Op.class)
    @JsonSubTypes({@JsonSubTypes.Type(Op.class), @JsonSubTypes.Type(OpBatch.class)})
    sealed interface OpRequest permits Op, OpBatch {}

    /** One op; read as itself where a batch lists it (the deduction is for the body only). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record Op(String op, List<Object> inputs, Map<String, Object> attrs, Object out, Boolean noGrad) implements OpRequest {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record OpBatch(List<Op> ops, Boolean noGrad, String returns) implements OpRequest {}

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
                           Boolean maximize,
                           Double alpha,
                           Boolean centered,
                           Double lrDecay,
                           Double initialAccumulatorValue) implements OptimizerBody {}

    record CreateScheduler(String name, String type, Integer stepSize, Double gamma, Integer tMax, Double etaMin, Double startFactor,
                           Double endFactor, Integer totalIters) {}
}
