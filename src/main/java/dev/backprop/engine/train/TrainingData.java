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

    /**
     * Samples as the rows of {@code x}, row-major with {@code features} values each, and their labels {@code y}
     * (0 or 1). The training's tensors take these arrays as they are, without copying them.
     */
    public record Inline(float[] x, int features, float[] y) {
        public int samples() {
            return features < 1 ? 0 : x.length / features;
        }
    }

    public static TrainingData synthetic(int samplesPerClass, double meanValue, double bias, int features) {
        return new TrainingData(new Synthetic(samplesPerClass, meanValue, bias, features), null);
    }

    /** Samples given as rows of equal, non-zero length (copied into one row-major array). */
    public static TrainingData inline(float[][] rows, float[] y) {
        if (rows == null || y == null || rows.length == 0) {
            throw TrainingSpec.invalid("inline data needs 'x' (a non-empty list of rows) and 'y' (one label per row)");
        }
        return inline(Dataset.flatten(rows, "x"), rows[0].length, y);
    }

    /** Samples given as one row-major array of {@code features} values per row. */
    public static TrainingData inline(float[] x, int features, float[] y) {
        return new TrainingData(null, new Inline(x, features, y));
    }
}
