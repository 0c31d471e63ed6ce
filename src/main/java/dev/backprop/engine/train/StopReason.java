package dev.backprop.engine.train;

/** Why a training run ended. */
public enum StopReason {
    /** A logged iteration's accuracy exceeded the target. */
    TARGET_REACHED,
    /** {@code maxIterations} iterations ran. */
    MAX_ITERATIONS,
    /** The cancellation flag was raised. */
    CANCELLED
}
