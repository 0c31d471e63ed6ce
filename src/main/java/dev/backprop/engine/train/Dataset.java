package dev.backprop.engine.train;

import dev.backprop.engine.DType;
import dev.backprop.engine.Factories;
import dev.backprop.engine.RandomOps;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.random.Generator;
import java.util.List;

/** The training samples: {@code x} of shape (n, features) and labels {@code y} of shape (n), both float32. */
public record Dataset(Tensor x, Tensor y) {

    /**
     * The seed's data, op for op:
     * <pre>
     * n_data = torch.ones(n, features)
     * x0 = torch.normal(mean_value * n_data, 1) + bias;  y0 = torch.zeros(n)
     * x1 = torch.normal(-mean_value * n_data, 1) + bias; y1 = torch.ones(n)
     * train_x = torch.cat([x0, x1], 0);                  train_y = torch.cat([y0, y1], 0)
     * </pre>
     */
    public static Dataset synthetic(TrainingData.Synthetic spec, Generator gen) {
        int n = spec.samplesPerClass();
        int features = spec.features();
        if (n < 1 || features < 1) {
            throw TrainingSpec.invalid("synthetic data needs samplesPerClass >= 1 and features >= 1, got " + n + " and " + features);
        }
        Tensor nData = Factories.ones(new int[] {n, features}, DType.FLOAT32);
        Tensor mean = nData.mul(spec.meanValue());
        Tensor x0 = RandomOps.normal(mean, 1, gen).add(spec.bias());
        Tensor y0 = Factories.zeros(new int[] {n}, DType.FLOAT32);
        Tensor x1 = RandomOps.normal(mean.neg(), 1, gen).add(spec.bias());
        Tensor y1 = Factories.ones(new int[] {n}, DType.FLOAT32);
        return new Dataset(Tensor.cat(List.of(x0, x1), 0), Tensor.cat(List.of(y0, y1), 0));
    }

    /** Given samples, taken without a copy; {@code y} must have one label per row of {@code x}. */
    public static Dataset inline(TrainingData.Inline spec) {
        float[] x = spec.x();
        float[] labels = spec.y();
        int features = spec.features();
        if (x == null || labels == null || x.length == 0 || features < 1) {
            throw TrainingSpec.invalid("inline data needs 'x' (a non-empty list of rows) and 'y' (one label per row)");
        }
        if (x.length % features != 0) {
            throw TrainingSpec.invalid("inline data has " + x.length + " values in 'x', not rows of " + features);
        }
        int rows = spec.samples();
        if (labels.length != rows) {
            throw TrainingSpec.invalid("inline data has " + rows + " rows in 'x' but " + labels.length + " labels in 'y'");
        }
        return new Dataset(Tensor.of(x, rows, features), Tensor.of(labels, rows));
    }

    /** Rows of equal, non-zero length as one row-major array. */
    static float[] flatten(float[][] rows, String name) {
        int width = rows[0] == null ? 0 : rows[0].length;
        if (width == 0) {
            throw TrainingSpec.invalid("'" + name + "' rows must not be empty");
        }
        float[] flat = new float[Math.multiplyExact(rows.length, width)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != width) {
                throw TrainingSpec.invalid("'" + name + "' row " + i + " has " + (rows[i] == null ? 0 : rows[i].length)
                        + " values, but row 0 has " + width);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }

    public int size() {
        return x.size(0);
    }

    public int features() {
        return x.size(1);
    }

    /**
     * At most {@code max} of the samples with their labels, chosen evenly and always the same way: row
     * {@code floor(i * size / m)} for i in [0, m), m = min(size, max). The sample is a copy; it holds nothing
     * of this dataset.
     */
    public Dataset sample(int max) {
        int n = size(), f = features(), m = Math.max(0, Math.min(n, max));
        float[] rows = new float[m * f];
        float[] labels = new float[m];
        for (int i = 0; i < m; i++) {
            int row = (int) ((long) i * n / m);
            for (int j = 0; j < f; j++) {
                rows[i * f + j] = (float) x.getDouble(row * f + j);
            }
            labels[i] = (float) y.getDouble(row);
        }
        return new Dataset(Tensor.of(rows, m, f), Tensor.of(labels, m));
    }

    /** The samples as rows, e.g. for plotting. */
    public float[][] rows() {
        int n = size(), f = features();
        float[][] out = new float[n][f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                out[i][j] = (float) x.getDouble(i * f + j);
            }
        }
        return out;
    }

    public float[] labels() {
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) y.getDouble(i);
        }
        return out;
    }
}
