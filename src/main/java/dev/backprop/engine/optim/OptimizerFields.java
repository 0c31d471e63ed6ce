package dev.backprop.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an optimizer request ({@code {"type": "sgd", "lr": 0.01, "momentum": 0.9}}) as it reads them,
 * each null where the request leaves it out. {@link #spec()} turns them into the type's {@link OptimizerSpec}
 * with PyTorch's defaults; a field the chosen type does not take is refused, as Python refuses an unexpected
 * keyword argument.
 *
 * @param type {@code sgd}, {@code adam}, {@code adamw}, {@code rmsprop} or {@code adagrad}, in any case
 * @param betas Adam's and AdamW's {@code (beta1, beta2)}
 */
public record OptimizerFields(String type, Double lr, Double momentum, Double dampening, Double weightDecay, Boolean nesterov,
                              List<Double> betas, Double eps, Boolean amsgrad, Boolean maximize, Double alpha, Boolean centered,
                              Double lrDecay, Double initialAccumulatorValue) {
    private static final String TYPES = "sgd, adam, adamw, rmsprop or adagrad";

    public OptimizerSpec spec() {
        String t = type == null ? null : type.toLowerCase(Locale.ROOT);
        if (t == null) {
            throw Optimizer.invalid("the optimizer 'type' is required (" + TYPES + ")");
        }
        return switch (t) {
            case "sgd" -> {
                takesOnly(t, Set.of("lr", "momentum", "dampening", "weightDecay", "nesterov", "maximize"));
                if (lr == null) {
                    // torch.optim.SGD's lr has no default: optimizer.py, add_param_group.
                    throw Optimizer.invalid("parameter group didn't specify a value of required optimization parameter lr");
                }
                yield new OptimizerSpec.SgdSpec(lr, or(momentum, 0), or(dampening, 0), or(weightDecay, 0), is(nesterov), is(maximize));
            }
            case "adam", "adamw" -> {
                takesOnly(t, Set.of("lr", "betas", "eps", "weightDecay", "amsgrad", "maximize"));
                if (betas != null && (betas.size() != 2 || betas.get(0) == null || betas.get(1) == null)) {
                    throw Optimizer.invalid("'betas' must be a pair of numbers [beta1, beta2]");
                }
                double beta1 = betas == null ? 0.9 : betas.get(0), beta2 = betas == null ? 0.999 : betas.get(1);
                yield t.equals("adam")
                        ? new OptimizerSpec.AdamSpec(or(lr, 1e-3), beta1, beta2, or(eps, 1e-8), or(weightDecay, 0), is(amsgrad), is(maximize))
                        : new OptimizerSpec.AdamWSpec(or(lr, 1e-3), beta1, beta2, or(eps, 1e-8), or(weightDecay, 1e-2), is(amsgrad),
                                is(maximize));
            }
            case "rmsprop" -> {
                takesOnly(t, Set.of("lr", "alpha", "eps", "weightDecay", "momentum", "centered", "maximize"));
                yield new OptimizerSpec.RmspropSpec(or(lr, 1e-2), or(alpha, 0.99), or(eps, 1e-8), or(weightDecay, 0), or(momentum, 0),
                        is(centered), is(maximize));
            }
            case "adagrad" -> {
                takesOnly(t, Set.of("lr", "lrDecay", "weightDecay", "initialAccumulatorValue", "eps", "maximize"));
                yield new OptimizerSpec.AdagradSpec(or(lr, 1e-2), or(lrDecay, 0), or(weightDecay, 0), or(initialAccumulatorValue, 0),
                        or(eps, 1e-10), is(maximize));
            }
            default -> throw Optimizer.invalid("unknown optimizer type '" + type + "' (expected " + TYPES + ")");
        };
    }

    static OptimizerFields sgd(double lr, double momentum, double dampening, double weightDecay, boolean nesterov, boolean maximize) {
        return new OptimizerFields("sgd", lr, momentum, dampening, weightDecay, nesterov, null, null, null, maximize, null, null, null,
                null);
    }

    static OptimizerFields adam(String type, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                                boolean maximize) {
        return new OptimizerFields(type, lr, null, null, weightDecay, null, List.of(beta1, beta2), eps, amsgrad, maximize, null, null,
                null, null);
    }

    static OptimizerFields rmsprop(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
                                   boolean maximize) {
        return new OptimizerFields("rmsprop", lr, momentum, null, weightDecay, null, null, eps, null, maximize, alpha, centered, null,
                null);
    }

    static OptimizerFields adagrad(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
                                   boolean maximize) {
        return new OptimizerFields("adagrad", lr, null, null, weightDecay, null, null, eps, null, maximize, null, null, lrDecay,
                initialAccumulatorValue);
    }

    private void takesOnly(String type, Set<String> taken) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("lr", lr);
        given.put("momentum", momentum);
        given.put("dampening", dampening);
        given.put("weightDecay", weightDecay);
        given.put("nesterov", nesterov);
        given.put("betas", betas);
        given.put("eps", eps);
        given.put("amsgrad", amsgrad);
        given.put("maximize", maximize);
        given.put("alpha", alpha);
        given.put("centered", centered);
        given.put("lrDecay", lrDecay);
        given.put("initialAccumulatorValue", initialAccumulatorValue);
        Keywords.takesOnly(type, given, taken);
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static boolean is(Boolean value) {
        return value != null && value;
    }
}
