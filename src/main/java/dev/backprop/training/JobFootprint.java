package dev.backprop.training;

/**
 * The heap a job's data takes at its peak, in floats per value (samples × features) and per sample, as
 * measured: the smallest {@code -Xmx} (G1) under which making the data and training on it succeeds, less the
 * JVM's own 5 MB, for 64 MB of data shaped 8,192 × 1,024, 262,144 × 64 and 16,777,216 × 1:
 *
 * <ul>
 * <li>Synthetic data peaks while it is made, op for op as the seed makes it ({@code ones}, {@code mean}, then
 *     {@code normal(±mean) + bias} for each half, then their {@code cat}, and the same for the labels): 3.06
 *     floats per value and 2 per sample (196 MB for 8,192 × 1,024; 326 MB for 16,777,216 × 1).
 * <li>Training holds the data (inline and session data are one row-major copy, which the training's tensor
 *     takes as it is), its labels and one iteration's vectors of one value per sample (the prediction, the
 *     loss's terms, their gradients): 1 float per value and 5 per sample (64 MB for 8,192 × 1,024; 388 MB for
 *     16,777,216 × 1, the same after 3 and after 10 iterations). The gradient buffers and the optimizer's
 *     state are a few values per feature.
 * </ul>
 * The factors below add about 5% to what was measured.
 */
final class JobFootprint {
    static final double MAKING_PER_VALUE = 3.25;
    static final double MAKING_PER_SAMPLE = 2.25;
    static final double TRAINING_PER_VALUE = 1.05;
    static final double TRAINING_PER_SAMPLE = 5.5;
    /** The model, the optimizer's state, the gradients and the job's own objects. */
    static final long FIXED = 64 << 10;

    private JobFootprint() {}

    /** Bytes a job of {@code samples} × {@code features} needs for its data until it ends. */
    static long data(long samples, long features, boolean synthetic) {
        double values = (double) samples * features;
        double making = synthetic ? MAKING_PER_VALUE * values + MAKING_PER_SAMPLE * samples : 0;
        double training = TRAINING_PER_VALUE * values + TRAINING_PER_SAMPLE * samples;
        return (long) Math.ceil(4 * Math.max(making, training)) + 16 * features + FIXED;
    }
}
