package dev.backprop.engine;

import dev.backprop.engine.random.Generator;

/**
 * {@code torch.multinomial} as PyTorch 1.13 draws it on CPU (aten/src/ATen/native/Distributions.cpp
 * {@code multinomial_out}): without replacement, one exponential sample q per element (in memory order)
 * and the top {@code num_samples} of p / q; with replacement, one double uniform per sample, placed by a
 * binary search in the row's normalised cumulative sums (native/cpu/MultinomialKernel.cpp).
 */
final class Multinomial {
    private Multinomial() {}

    private static final int MAX_CATEGORIES = 1 << 24;

    static Tensor sample(Tensor probs, int numSamples, boolean replacement, Generator gen) {
        if (probs.dim() < 1 || probs.dim() > 2) throw EngineException.invalid("prob_dist must be 1 or 2 dim");
        if (!probs.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH,
                    "multinomial only supports floating-point dtypes for input, got: " + probs.dtype.torchName());
        }
        if (numSamples <= 0) throw EngineException.invalid("cannot sample n_sample <= 0 samples");
        int categories = probs.shape[probs.dim() - 1];
        if (!replacement && numSamples > categories) {
            throw EngineException.invalid("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        if (categories > MAX_CATEGORIES) throw EngineException.invalid("number of categories cannot exceed 2^24");
        int rows = probs.dim() == 1 ? 1 : probs.shape[0];
        Tensor r = Factories.zeros(probs.dim() == 1 ? new int[] {numSamples} : new int[] {rows, numSamples}, DType.INT64);
        if (r.numel == 0) return r;
        if (replacement) withReplacement(probs, rows, categories, numSamples, r.storage.i64, gen);
        else withoutReplacement(probs, rows, categories, numSamples, r.storage.i64, gen);
        return r;
    }

    private static void withoutReplacement(Tensor probs, int rows, int categories, int numSamples, long[] out, Generator gen) {
        boolean single = probs.dtype == DType.FLOAT32;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        boolean nan = false;
        for (int i = 0; i < probs.numel; i++) {
            double p = probs.getDouble(i);
            nan |= Double.isNaN(p);
            max = Math.max(max, p);
            min = Math.min(min, p);
        }
        if (nan || !(max < Double.POSITIVE_INFINITY) || !(min >= 0)) {
            throw EngineException.invalid("probability tensor contains either `inf`, `nan` or element < 0");
        }
        for (int row = 0; row < rows; row++) {
            double sum = 0;
            for (int j = 0; j < categories; j++) sum += probs.getDouble(row * categories + j);
            if (sum == 0) throw EngineException.invalid("invalid multinomial distribution (sum of probabilities <= 0)");
        }
        // q = empty_like(self).exponential_(1): -1 / lambda * log(1 - u) in double, one per element in memory order.
        int[] logical = LikeLayout.of(probs).logicalIndices();
        double[] ratio = new double[probs.numel];
        for (int k = 0; k < probs.numel; k++) {
            double q = -1.0 / 1.0 * StrictMath.log(1.0 - gen.nextDouble());
            int i = logical[k];
            double p = probs.getDouble(i);
            ratio[i] = single ? (double) ((float) p / (float) q) : p / q;
        }
        double[] row = new double[categories];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(ratio, i * categories, row, 0, categories);
            int[] top = numSamples == 1 ? new int[] {argmax(row)} : TopKOrder.largest(row, numSamples);
            for (int j = 0; j < numSamples; j++) out[i * numSamples + j] = top[j];
        }
    }

    /** The first index of the largest value, a NaN counting as larger than any number. */
    private static int argmax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (Double.isNaN(v[best])) break;
            if (Double.isNaN(v[j]) || v[j] > v[best]) best = j;
        }
        return best;
    }

    private static void withReplacement(Tensor probs, int rows, int categories, int numSamples, long[] out, Generator gen) {
        boolean single = probs.dtype == DType.FLOAT32;
        double[] cumulative = new double[categories];
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int j = 0; j < categories; j++) {
                double p = probs.getDouble(i * categories + j);
                if (!(p >= 0)) throw EngineException.invalid("invalid multinomial distribution (encountering probability entry < 0)");
                if (!Double.isFinite(p)) {
                    throw EngineException.invalid("invalid multinomial distribution (encountering probability entry = infinity or NaN)");
                }
                sum = single ? (float) sum + (float) p : sum + p;
                cumulative[j] = sum;
            }
            if (!(sum > 0)) throw EngineException.invalid("invalid multinomial distribution (sum of probabilities <= 0)");
            for (int j = 0; j < categories; j++) {
                cumulative[j] = single ? (float) cumulative[j] / (float) sum : cumulative[j] / sum;
            }
            cumulative[categories - 1] = 1;
            for (int s = 0; s < numSamples; s++) {
                double u = gen.nextDouble();
                int left = 0;
                int right = categories;
                while (right - left > 0) {
                    int mid = left + (right - left) / 2;
                    if (cumulative[mid] < u) left = mid + 1;
                    else right = mid;
                }
                out[i * numSamples + s] = left;
            }
        }
    }
}
