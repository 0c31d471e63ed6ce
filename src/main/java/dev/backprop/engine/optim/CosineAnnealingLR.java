package dev.backprop.engine.optim;

/**
 * {@code CosineAnnealingLR(optimizer, T_max, eta_min=0)}, its recursive (chainable) form: each epoch scales the
 * distance to eta_min by the ratio of consecutive cosine terms, and the epoch after each half period past T_max
 * adds the step back up. Python's {@code math.cos} is the C library's, which {@link StrictMath#cos} matches.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        this.tMax = tMax;
        this.etaMin = etaMin;
        start();
    }

    @Override
    protected double lrAt(int epoch, double lr) {
        if (epoch == 0) {
            return lr;
        }
        if (pythonModulo((long) epoch - 1 - tMax, 2L * tMax) == 0) {
            return lr + (baseLr() - etaMin) * (1 - StrictMath.cos(Math.PI / tMax)) / 2;
        }
        return (1 + StrictMath.cos(Math.PI * epoch / tMax)) / (1 + StrictMath.cos(Math.PI * (epoch - 1) / tMax)) * (lr - etaMin)
                + etaMin;
    }

    @Override
    public String type() {
        return "cosine_annealing_lr";
    }

    public int tMax() {
        return tMax;
    }

    public double etaMin() {
        return etaMin;
    }
}
