package dev.backprop.engine.train;

/**
 * The end of a run: the parameters after the last step, the loss and accuracy of the last iteration's
 * forward pass (NaN when no iteration ran), how many iterations ran, and the time the loop took.
 */
public record TrainingResult(float[] weights, float bias, double loss, double accuracy, int iterations, long elapsedNanos,
                             StopReason stopReason) {}
