package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked products (float32 and float64) give, for every element, the bits of one chain of fused multiply-adds in
 * the order of k, whatever the operands' layouts, the sizes at the edges of their tiles, slices and blocks, and the split
 * across threads.
 */
class BlockedGemmTest {

    @ParameterizedTest(name = "{0}×{1} · {1}×{2}")
    @CsvSource({
            "4, 64, 64", "5, 3, 64", "7, 300, 67", "131, 257, 200", "256, 513, 130", "300, 40, 2100", "1000, 1000, 1000", "9, 1, 4100"})
    void everyFloat32ElementIsOneFusedChainInTheOrderOfK(int n, int k, int p) {
        Random random = new Random(n * 31L + k * 7L + p);
        float[] a = new float[n * k], b = new float[k * p];
        for (int i = 0; i < a.length; i++) a[i] = (float) random.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = (float) random.nextGaussian();
        float[] expected = chain(a, 0, k, 1, b, 0, p, 1, n, k, p);

        assertThat(product(a, 0, k, 1, b, 0, p, 1, n, k, p)).as("row-major operands").isEqualTo(expected);
        float[] at = transpose(a, n, k), bt = transpose(b, k, p);
        assertThat(product(at, 0, 1, n, b, 0, p, 1, n, k, p)).as("A transposed").isEqualTo(expected);
        assertThat(product(a, 0, k, 1, bt, 0, 1, k, n, k, p)).as("B transposed").isEqualTo(expected);
        assertThat(product(at, 0, 1, n, bt, 0, 1, k, n, k, p)).as("both transposed").isEqualTo(expected);

        float[] shifted = new float[a.length + 3];
        System.arraycopy(a, 0, shifted, 3, a.length);
        assertThat(product(shifted, 3, k, 1, b, 0, p, 1, n, k, p)).as("A at an offset").isEqualTo(expected);

        float[] one = {1.5f};
        assertThat(product(one, 0, 0, 0, b, 0, p, 1, n, k, p)).as("A expanded from one value, as the gradient of a sum")
                .isEqualTo(chain(one, 0, 0, 0, b, 0, p, 1, n, k, p));
    }

    @ParameterizedTest(name = "{0}×{1} · {1}×{2}")
    @CsvSource({"6, 32, 32", "7, 300, 35", "131, 257, 200", "300, 40, 2100", "500, 600, 700"})
    void everyFloat64ElementIsOneFusedChainInTheOrderOfK(int n, int k, int p) {
        Random random = new Random(n * 17L + k * 5L + p);
        double[] a = random.doubles(n * k, -2, 2).toArray(), b = random.doubles(k * p, -2, 2).toArray();
        double[] expected = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int kk = 0; kk < k; kk++) s = Math.fma(b[kk * p + j], a[i * k + kk], s);
                expected[i * p + j] = s;
            }
        }
        double[] c = new double[n * p];
        GemmF64.multiply(a, 0, k, 1, b, 0, p, 1, c, n, k, p);
        assertThat(c).as("row-major operands").isEqualTo(expected);
        double[] bt = new double[b.length];
        for (int kk = 0; kk < k; kk++) {
            for (int j = 0; j < p; j++) bt[j * k + kk] = b[kk * p + j];
        }
        double[] fromTransposed = new double[n * p];
        GemmF64.multiply(a, 0, k, 1, bt, 0, 1, k, fromTransposed, n, k, p);
        assertThat(fromTransposed).as("B transposed").isEqualTo(expected);
    }

    @Test
    void itsPackedCopiesCountAgainstTheRequestsMemory() {
        long[] taken = {0};
        int n = 6, k = 300, p = 2048;
        try (GradMode.Scope ignored = AllocationLimit.drawFrom(bytes -> taken[0] += bytes)) {
            GemmF32.multiply(new float[n * k], 0, k, 1, new float[k * p], 0, p, 1, new float[n * p], n, k, p);
        }
        // one thread (6 rows): a slice of B 256 deep and 2048 wide, A's 6 rows of it, an edge tile of 6 × 4 vectors
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        assertThat(taken[0]).isEqualTo(4L * (256 * 2048 + 6 * 256 + 6 * 4 * lanes));
    }

    private static float[] product(float[] a, int ao, int as0, int as1, float[] b, int bo, int bs0, int bs1, int n, int k, int p) {
        float[] c = new float[n * p];
        GemmF32.multiply(a, ao, as0, as1, b, bo, bs0, bs1, c, n, k, p);
        return c;
    }

    private static float[] chain(float[] a, int ao, int as0, int as1, float[] b, int bo, int bs0, int bs1, int n, int k, int p) {
        float[] c = new float[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                float s = 0;
                for (int kk = 0; kk < k; kk++) s = Math.fma(b[bo + kk * bs0 + j * bs1], a[ao + i * as0 + kk * as1], s);
                c[i * p + j] = s;
            }
        }
        return c;
    }

    private static float[] transpose(float[] x, int rows, int columns) {
        float[] t = new float[x.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) t[j * rows + i] = x[i * columns + j];
        }
        return t;
    }
}
