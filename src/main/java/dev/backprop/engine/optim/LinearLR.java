package dev.backprop.engine.optim;

/**
 * {@code LinearLR(optimizer, start_factor=1/3, end_factor=1.0, total_iters=5)}: the lr times start_factor at
 * first, then growing (or shrinking) linearly to end_factor times the base lr over total_iters epochs.
 */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        // LinearLR.__init__'s checks, which NaN passes.
        if (startFactor > 1.0 || startFactor < 0) {
            throw Optimizer.invalid("Starting multiplicative factor expected to be between 0 and 1.");
        }
        if (endFactor > 1.0 || endFactor < 0) {
            throw Optimizer.invalid("Ending multiplicative factor expected to be between 0 and 1.");
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        start();
    }

    @Override
    protected double lrAt(int epoch, double lr) {
        if (epoch == 0) {
            return lr * startFactor;
        }
        if (epoch > totalIters) {
            return lr;
        }
        double denominator = totalIters * startFactor + (epoch - 1) * (endFactor - startFactor);
        if (denominator == 0) {
            throw Optimizer.invalid("float division by zero");
        }
        return lr * (1. + (endFactor - startFactor) / denominator);
    }

    @Override
    public String type() {
        return "linear_lr";
    }

    public double startFactor() {
        return startFactor;
    }

    public double endFactor() {
        return endFactor;
    }

    public int totalIters() {
        return totalIters;
    }
}
