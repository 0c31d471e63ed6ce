package dev.backprop.engine.optim;

import dev.backprop.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of an optimizer request ({@code {"type": "sgd", "lr": 0.01, "momentum": 0.9}}), each null
 * where the request leaves it out, so that PyTorch's defaults apply. A field the chosen type does not
 * take is refused, as Python refuses an unexpected keyword argument.
 *
 * @param type {@code sgd} or {@code adam}
 * @param betas Adam's {@code (beta1, beta2)}
 */
public record OptimizerSpec(String type, Double lr, Double momentum, Double dampening, Double weightDecay, Boolean nesterov,
                            List<Double> betas, Double eps, Boolean amsgrad, Boolean maximize) {

    public static OptimizerSpec sgd(double lr, double momentum) {
        return new OptimizerSpec("sgd", lr, momentum, null, null, null, null, null, null, null);
    }

    public static OptimizerSpec adam(double lr) {
        return new OptimizerSpec("adam", lr, null, null, null, null, null, null, null, null);
    }

    /** The optimizer this spec describes, over {@code params}; fails with PyTorch's message for a bad value. */
    public Optimizer build(List<Tensor> params) {
        String t = type == null ? null : type.toLowerCase(Locale.ROOT);
        if (t == null) {
            throw Optimizer.invalid("the optimizer 'type' is required (sgd or adam)");
        }
        return switch (t) {
            case "sgd" -> {
                refuse(t, "betas", betas, "eps", eps, "amsgrad", amsgrad);
                if (lr == null) {
                    // torch.optim.SGD's lr has no default: optimizer.py, add_param_group.
                    throw Optimizer.invalid("parameter group didn't specify a value of required optimization parameter lr");
                }
                yield new SGD(params, lr, or(momentum, 0), or(dampening, 0), or(weightDecay, 0), nesterov != null && nesterov,
                        maximize != null && maximize);
            }
            case "adam" -> {
                refuse(t, "momentum", momentum, "dampening", dampening, "nesterov", nesterov);
                if (betas != null && (betas.size() != 2 || betas.get(0) == null || betas.get(1) == null)) {
                    throw Optimizer.invalid("'betas' must be a pair of numbers [beta1, beta2]");
                }
                yield new Adam(params, or(lr, 1e-3), betas == null ? 0.9 : betas.get(0), betas == null ? 0.999 : betas.get(1),
                        or(eps, 1e-8), or(weightDecay, 0), amsgrad != null && amsgrad, maximize != null && maximize);
            }
            default -> throw Optimizer.invalid("unknown optimizer type '" + type + "' (expected sgd or adam)");
        };
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    private static void refuse(String type, Object... namesAndValues) {
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                unexpected.add((String) namesAndValues[i]);
            }
        }
        if (!unexpected.isEmpty()) {
            throw Optimizer.invalid(type + " does not take '" + String.join("', '", unexpected) + "'");
        }
    }
}
