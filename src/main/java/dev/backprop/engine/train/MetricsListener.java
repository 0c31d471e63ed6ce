package dev.backprop.engine.train;

/** Receives every logged iteration, on the training thread and inside the timed loop: return quickly. */
@FunctionalInterface
public interface MetricsListener {
    MetricsListener NONE = m -> { };

    void onMetrics(TrainingMetrics metrics);
}
