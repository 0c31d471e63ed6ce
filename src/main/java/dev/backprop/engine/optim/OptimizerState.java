package dev.backprop.engine.optim;

/**
 * An optimizer's whole state as plain values, {@code optimizer.state_dict()['state']}: one entry per
 * parameter in the optimizer's order, each the exact float32 elements of a state tensor in row-major
 * order, or null where PyTorch has no entry yet (before the parameter's first step). The
 * hyperparameters are not part of it: they come from the spec that builds the optimizer.
 */
public sealed interface OptimizerState {

    /** The number of parameters the state covers. */
    int parameters();

    /** {@link SGD}'s {@code momentum_buffer} of each parameter (all null without momentum). */
    record SgdState(float[][] momentumBuffers) implements OptimizerState {
        @Override
        public int parameters() {
            return momentumBuffers.length;
        }
    }

    /**
     * {@link Adam}'s {@code step} (a float32 count), {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad,
     * {@code max_exp_avg_sq} of each parameter.
     */
    record AdamState(float[] steps, float[][] expAvgs, float[][] expAvgSqs, float[][] maxExpAvgSqs) implements OptimizerState {
        public AdamState {
            if (expAvgs.length != steps.length || expAvgSqs.length != steps.length || maxExpAvgSqs.length != steps.length) {
                throw new IllegalArgumentException("Adam's state needs a step, exp_avg, exp_avg_sq and max_exp_avg_sq entry for each of "
                        + steps.length + " parameters");
            }
        }

        @Override
        public int parameters() {
            return steps.length;
        }
    }

    /** {@link RMSprop}'s {@code square_avg}, and with momentum its {@code momentum_buffer}, centered its {@code grad_avg}. */
    record RmspropState(float[][] squareAvgs, float[][] momentumBuffers, float[][] gradAvgs) implements OptimizerState {
        public RmspropState {
            if (momentumBuffers.length != squareAvgs.length || gradAvgs.length != squareAvgs.length) {
                throw new IllegalArgumentException("RMSprop's state needs a square_avg, momentum_buffer and grad_avg entry for each of "
                        + squareAvgs.length + " parameters");
            }
        }

        @Override
        public int parameters() {
            return squareAvgs.length;
        }
    }

    /** {@link Adagrad}'s {@code step} (a float32 count) and {@code sum} of each parameter. */
    record AdagradState(float[] steps, float[][] sums) implements OptimizerState {
        public AdagradState {
            if (sums.length != steps.length) {
                throw new IllegalArgumentException("Adagrad's state needs a step and sum entry for each of " + steps.length + " parameters");
            }
        }

        @Override
        public int parameters() {
            return steps.length;
        }
    }
}
