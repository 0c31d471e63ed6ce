package dev.backprop.engine.optim;

import java.util.List;

/**
 * {@code torch.optim.lr_scheduler._LRScheduler} of PyTorch 1.13 over an optimizer's one parameter group, created
 * with {@code last_epoch=-1}: {@link #start()} records the group's {@code initial_lr} (unless an earlier scheduler
 * did), takes it as the base lr and makes the first step (to epoch 0); each {@link #step()} then sets the group's
 * lr to {@link #lrAt}, the chainable form that {@code scheduler.step()} without an epoch uses, so that schedulers
 * on the same optimizer compose.
 */
public abstract sealed class LRScheduler permits StepLR, ExponentialLR, CosineAnnealingLR, LinearLR {
    private final Optimizer optimizer;
    private double baseLr;
    private int lastEpoch = -1;
    private double lastLr;

    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
    }

    /** What {@code _LRScheduler.__init__} does once the subclass has its settings. */
    protected final void start() {
        if (optimizer.initialLr() == null) {
            optimizer.setInitialLr(optimizer.lr());
        }
        baseLr = optimizer.initialLr();
        step();
    }

    /** {@code scheduler.step()}: the next epoch's lr becomes the group's; nothing changes when it fails. */
    public final void step() {
        int epoch = lastEpoch + 1;
        double lr = lrAt(epoch, optimizer.lr());
        lastEpoch = epoch;
        optimizer.setLr(lr);
        lastLr = lr;
    }

    /** {@code get_lr()} at {@code epoch}, from the group's current {@code lr}. */
    protected abstract double lrAt(int epoch, double lr);

    /** The wire name of the scheduler's type. */
    public abstract String type();

    public final Optimizer optimizer() {
        return optimizer;
    }

    /** {@code base_lrs[0]}. */
    public final double baseLr() {
        return baseLr;
    }

    public final int lastEpoch() {
        return lastEpoch;
    }

    /** {@code get_last_lr()}: one lr per parameter group. */
    public final List<Double> lastLr() {
        return List.of(lastLr);
    }

    /** The scheduler's own state, which {@link #restoreState} puts back (to undo a step). */
    public final Object saveState() {
        return new double[] {lastEpoch, lastLr};
    }

    public final void restoreState(Object saved) {
        double[] s = (double[]) saved;
        lastEpoch = (int) s[0];
        lastLr = s[1];
    }

    /** Python's {@code a % b} on ints, whose result takes the sign of b. */
    static long pythonModulo(long a, long b) {
        if (b == 0) {
            throw Optimizer.invalid("integer modulo by zero");
        }
        return Math.floorMod(a, b);
    }
}
