package dev.backprop.engine.train;

import java.util.function.Consumer;

/**
 * Where a run's checkpoints go. After each iteration's step, zero_grad and metrics, unless the run ends
 * there, the run asks {@link #due} and, when it answers true, hands {@link #save} the state to resume from.
 * Both are called on the training thread and inside the timed loop.
 */
public interface CheckpointSink {
    /** Takes no checkpoints. */
    CheckpointSink NONE = every(Integer.MAX_VALUE, checkpoint -> { });

    /**
     * Whether to take a checkpoint now.
     *
     * @param iterationsDone the iterations run so far, those before a resumed checkpoint included
     * @param elapsedNanos the training time so far, that before a resumed checkpoint included
     */
    boolean due(int iterationsDone, long elapsedNanos);

    void save(TrainingCheckpoint checkpoint);

    /** A checkpoint after every {@code iterations}-th iteration (counted from the start of the job). */
    static CheckpointSink every(int iterations, Consumer<TrainingCheckpoint> save) {
        if (iterations < 1) {
            throw new IllegalArgumentException("checkpoints need an interval of at least 1 iteration, got " + iterations);
        }
        return new CheckpointSink() {
            @Override
            public boolean due(int iterationsDone, long elapsedNanos) {
                return iterationsDone % iterations == 0;
            }

            @Override
            public void save(TrainingCheckpoint checkpoint) {
                save.accept(checkpoint);
            }
        };
    }
}
