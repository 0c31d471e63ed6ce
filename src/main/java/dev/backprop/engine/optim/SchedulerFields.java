package dev.backprop.engine.optim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a scheduler request ({@code {"type": "step_lr", "stepSize": 2, "gamma": 0.5}}) as it reads them,
 * each null where the request leaves it out. {@link #spec()} gives the type's {@link SchedulerSpec} with PyTorch's
 * defaults, refusing a field the type does not take and a missing required one with Python's TypeErrors.
 *
 * @param type {@code step_lr}, {@code exponential_lr}, {@code cosine_annealing_lr} or {@code linear_lr}, in any case
 * @param tMax CosineAnnealingLR's {@code T_max}
 */
public record SchedulerFields(String type, Integer stepSize, Double gamma, Integer tMax, Double etaMin, Double startFactor,
                              Double endFactor, Integer totalIters) {
    private static final String TYPES = "step_lr, exponential_lr, cosine_annealing_lr or linear_lr";

    public SchedulerSpec spec() {
        String t = type == null ? null : type.toLowerCase(Locale.ROOT);
        if (t == null) {
            throw Optimizer.invalid("the scheduler 'type' is required (" + TYPES + ")");
        }
        return switch (t) {
            case "step_lr" -> {
                takesOnly(t, Set.of("stepSize", "gamma"));
                yield new SchedulerSpec.StepLrSpec(required(stepSize, "StepLR", "step_size"), gamma == null ? 0.1 : gamma);
            }
            case "exponential_lr" -> {
                takesOnly(t, Set.of("gamma"));
                yield new SchedulerSpec.ExponentialLrSpec(required(gamma, "ExponentialLR", "gamma"));
            }
            case "cosine_annealing_lr" -> {
                takesOnly(t, Set.of("tMax", "etaMin"));
                yield new SchedulerSpec.CosineAnnealingLrSpec(required(tMax, "CosineAnnealingLR", "T_max"), etaMin == null ? 0 : etaMin);
            }
            case "linear_lr" -> {
                takesOnly(t, Set.of("startFactor", "endFactor", "totalIters"));
                yield new SchedulerSpec.LinearLrSpec(startFactor == null ? 1.0 / 3 : startFactor, endFactor == null ? 1.0 : endFactor,
                        totalIters == null ? 5 : totalIters);
            }
            default -> throw Optimizer.invalid("unknown scheduler type '" + type + "' (expected " + TYPES + ")");
        };
    }

    /** Python's TypeError for a required argument left out. */
    private static <T> T required(T value, String scheduler, String argument) {
        if (value == null) {
            throw Optimizer.invalid(scheduler + ".__init__() missing 1 required positional argument: '" + argument + "'");
        }
        return value;
    }

    private void takesOnly(String type, Set<String> taken) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("stepSize", stepSize);
        given.put("gamma", gamma);
        given.put("tMax", tMax);
        given.put("etaMin", etaMin);
        given.put("startFactor", startFactor);
        given.put("endFactor", endFactor);
        given.put("totalIters", totalIters);
        Keywords.takesOnly(type, given, taken);
    }
}
