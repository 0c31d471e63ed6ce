package dev.backprop.engine.optim;

/** {@code ExponentialLR(optimizer, gamma)}: the lr times gamma every epoch. */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        start();
    }

    @Override
    protected double lrAt(int epoch, double lr) {
        return epoch == 0 ? lr : lr * gamma;
    }

    @Override
    public String type() {
        return "exponential_lr";
    }

    public double gamma() {
        return gamma;
    }
}
