package dev.backprop.engine.train;

/**
 * One logged iteration: the loss and accuracy of its forward pass, the parameters after its step, and
 * the time since training started.
 */
public record TrainingMetrics(int iteration, double loss, double accuracy, float[] weights, float bias, long elapsedNanos) {}
