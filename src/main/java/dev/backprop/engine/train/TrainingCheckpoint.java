package dev.backprop.engine.train;

import dev.backprop.engine.optim.OptimizerState;

/**
 * What a run needs to go on exactly as if it had never stopped: the parameters and the optimizer's state
 * after iteration {@code nextIteration - 1} (its step and zero_grad done), the loss and accuracy of that
 * iteration's forward pass (the result's, should the resumed run do no iteration), and the training time
 * so far. The generator's state is not needed: the loop draws nothing from it, the data and the model's
 * initial parameters being its only draws, both made before the first iteration from the spec's seed.
 *
 * @param weights {@code lr_net[0].weight[0]}, exact float32 values
 * @param bias {@code lr_net[0].bias[0]}
 */
public record TrainingCheckpoint(int nextIteration, float[] weights, float bias, OptimizerState optimizer, long elapsedNanos, double loss,
                                 double accuracy) {
    public TrainingCheckpoint {
        if (nextIteration < 1 || weights == null || optimizer == null || elapsedNanos < 0) {
            throw new IllegalArgumentException("a checkpoint needs nextIteration >= 1, weights, an optimizer state and elapsedNanos >= 0");
        }
    }

    /** The compact binary form of {@link CheckpointFormat}, to keep in one column. */
    public byte[] toBytes() {
        return CheckpointFormat.write(this);
    }

    /** The checkpoint {@link #toBytes()} wrote; other bytes are refused with an {@link IllegalArgumentException}. */
    public static TrainingCheckpoint fromBytes(byte[] bytes) {
        return CheckpointFormat.read(bytes);
    }
}
