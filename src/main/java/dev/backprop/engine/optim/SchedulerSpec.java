package dev.backprop.engine.optim;

/**
 * A learning-rate scheduler with all its settings, one record per type, each value PyTorch's default where the
 * request ({@link SchedulerFields}) left it out.
 */
public sealed interface SchedulerSpec {

    /** The scheduler over {@code optimizer}, created as PyTorch creates it (which makes its first step). */
    LRScheduler build(Optimizer optimizer);

    /** {@code StepLR(optimizer, step_size, gamma=0.1)}. */
    record StepLrSpec(int stepSize, double gamma) implements SchedulerSpec {
        @Override
        public LRScheduler build(Optimizer optimizer) {
            return new StepLR(optimizer, stepSize, gamma);
        }
    }

    /** {@code ExponentialLR(optimizer, gamma)}. */
    record ExponentialLrSpec(double gamma) implements SchedulerSpec {
        @Override
        public LRScheduler build(Optimizer optimizer) {
            return new ExponentialLR(optimizer, gamma);
        }
    }

    /** {@code CosineAnnealingLR(optimizer, T_max, eta_min=0)}. */
    record CosineAnnealingLrSpec(int tMax, double etaMin) implements SchedulerSpec {
        @Override
        public LRScheduler build(Optimizer optimizer) {
            return new CosineAnnealingLR(optimizer, tMax, etaMin);
        }
    }

    /** {@code LinearLR(optimizer, start_factor=1/3, end_factor=1.0, total_iters=5)}. */
    record LinearLrSpec(double startFactor, double endFactor, int totalIters) implements SchedulerSpec {
        @Override
        public LRScheduler build(Optimizer optimizer) {
            return new LinearLR(optimizer, startFactor, endFactor, totalIters);
        }
    }
}
