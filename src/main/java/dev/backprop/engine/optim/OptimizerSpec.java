package dev.backprop.engine.optim;

import dev.backprop.engine.Tensor;
import java.util.List;

/**
 * An optimizer with all its settings, one record per type, each value PyTorch's default where the request
 * ({@link OptimizerFields}) left it out. {@link #build} checks the values as PyTorch's constructor does.
 */
public sealed interface OptimizerSpec {

    /** The wire name: {@code sgd}, {@code adam}, {@code adamw}, {@code rmsprop} or {@code adagrad}. */
    String type();

    /** The optimizer over {@code params}; fails with PyTorch's message for a bad value. */
    Optimizer build(List<Tensor> params);

    /** The request fields that name exactly this spec. */
    OptimizerFields fields();

    static OptimizerSpec sgd(double lr, double momentum) {
        return new SgdSpec(lr, momentum, 0, 0, false, false);
    }

    static OptimizerSpec adam(double lr) {
        return new AdamSpec(lr, 0.9, 0.999, 1e-8, 0, false, false);
    }

    /** {@code torch.optim.SGD}; its lr has no default. */
    record SgdSpec(double lr, double momentum, double dampening, double weightDecay, boolean nesterov, boolean maximize)
            implements OptimizerSpec {
        @Override
        public String type() {
            return "sgd";
        }

        @Override
        public Optimizer build(List<Tensor> params) {
            return new SGD(params, lr, momentum, dampening, weightDecay, nesterov, maximize);
        }

        @Override
        public OptimizerFields fields() {
            return OptimizerFields.sgd(lr, momentum, dampening, weightDecay, nesterov, maximize);
        }
    }

    /** {@code torch.optim.Adam}: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0. */
    record AdamSpec(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean maximize)
            implements OptimizerSpec {
        @Override
        public String type() {
            return "adam";
        }

        @Override
        public Optimizer build(List<Tensor> params) {
            return new Adam(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }

        @Override
        public OptimizerFields fields() {
            return OptimizerFields.adam(type(), lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }
    }

    /** {@code torch.optim.AdamW}: Adam's defaults but weight_decay=1e-2. */
    record AdamWSpec(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean maximize)
            implements OptimizerSpec {
        @Override
        public String type() {
            return "adamw";
        }

        @Override
        public Optimizer build(List<Tensor> params) {
            return new AdamW(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }

        @Override
        public OptimizerFields fields() {
            return OptimizerFields.adam(type(), lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
        }
    }

    /** {@code torch.optim.RMSprop}: lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False. */
    record RmspropSpec(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered, boolean maximize)
            implements OptimizerSpec {
        @Override
        public String type() {
            return "rmsprop";
        }

        @Override
        public Optimizer build(List<Tensor> params) {
            return new RMSprop(params, lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }

        @Override
        public OptimizerFields fields() {
            return OptimizerFields.rmsprop(lr, alpha, eps, weightDecay, momentum, centered, maximize);
        }
    }

    /** {@code torch.optim.Adagrad}: lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10. */
    record AdagradSpec(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps, boolean maximize)
            implements OptimizerSpec {
        @Override
        public String type() {
            return "adagrad";
        }

        @Override
        public Optimizer build(List<Tensor> params) {
            return new Adagrad(params, lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }

        @Override
        public OptimizerFields fields() {
            return OptimizerFields.adagrad(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize);
        }
    }
}
