package dev.backprop.engine.optim;

/** {@code StepLR(optimizer, step_size, gamma=0.1)}: the lr times gamma every step_size epochs. */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        this.stepSize = stepSize;
        this.gamma = gamma;
        start();
    }

    @Override
    protected double lrAt(int epoch, double lr) {
        if (epoch == 0 || pythonModulo(epoch, stepSize) != 0) {
            return lr;
        }
        return lr * gamma;
    }

    @Override
    public String type() {
        return "step_lr";
    }

    public int stepSize() {
        return stepSize;
    }

    public double gamma() {
        return gamma;
    }
}
