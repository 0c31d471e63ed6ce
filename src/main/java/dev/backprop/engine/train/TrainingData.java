package dev.backprop.engine.train;

/**
 * Where a job's data comes from: exactly one of {@code synthetic} (the seed's two Gaussian clouds) and
 * {@code inline} (given samples). As {@code {"synthetic": {...}}} or {@code {"inline": {"x": ..., "y": ...}}}.
 */
public record TrainingData(Synthetic synthetic, Inline inline) {

    /**
     * {@code samplesPerClass} points around {@code +meanValue} (class 0) and as many around
     * {@code -meanValue} (class 1) in every one of {@code features} coordinates, unit variance, shifted by
     * {@code bias}. A field left null takes the seed's value (100, 1.7, 1.0, 2).
     */
    public record Synthetic(Integer samplesPerClass, Double meanValue, Double bias, Integer features) {}

    /** Samples as rows of {@code x} with labels {@code y} (0 or 1). */
    public record Inline(float[][] x, float[] y) {}

    public static TrainingData synthetic(int samplesPerClass, double meanValue, double bias, int features) {
        return new TrainingData(new Synthetic(samplesPerClass, meanValue, bias, features), null);
    }

    public static TrainingData inline(float[][] x, float[] y) {
        return new TrainingData(null, new Inline(x, y));
    }
}
