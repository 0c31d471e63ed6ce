package dev.backprop.engine;

/**
 * The mean and biased variance of one row as PyTorch 1.13's CPU kernels compute them
 * (aten/src/ATen/native/cpu/moments_utils.h {@code RowwiseMoments}): Welford's algorithm over lanes of
 * {@code Vectorized<T>} (8 floats or 4 doubles, the AVX2 build) in chunks of 16 vectors, the chunks
 * combined by a cascade, then the scalar tail and the lanes folded in. Every step is rounded to the
 * row's dtype, so float32 rows give PyTorch's float32 bits; the kernel's products are not fused.
 */
final class RowwiseMoments {
    private static final int CHUNK = 16;

    private RowwiseMoments() {}

    /** {@code {mean, variance}} of {@code x[offset, offset + n)}, in float32 arithmetic when {@code float32}. */
    static double[] of(double[] x, int offset, int n, boolean float32) {
        Arithmetic a = new Arithmetic(float32);
        int lanes = float32 ? 8 : 4;
        int vectors = n / lanes;
        int chunks = (vectors + CHUNK - 1) / CHUNK;
        int depth = chunks <= 2 ? 1 : 64 - Long.numberOfLeadingZeros(chunks - 1L);
        long[] m0Stack = new long[depth];
        double[][] m1Stack = new double[depth][lanes];
        double[][] m2Stack = new double[depth][lanes];
        for (int i = 0; i < chunks; i++) {
            int base = offset + i * CHUNK * lanes;
            int count = Math.min(CHUNK, vectors - i * CHUNK);
            double[] m1 = new double[lanes];
            double[] m2 = new double[lanes];
            for (int j = 0; j < count; j++) {
                double c = a.r(1.0 / (j + 1));
                for (int l = 0; l < lanes; l++) {
                    double v = x[base + j * lanes + l];
                    double delta = a.r(v - m1[l]);
                    m1[l] = a.r(m1[l] + a.r(delta * c));
                    m2[l] = a.r(m2[l] + a.r(delta * a.r(v - m1[l])));
                }
            }
            combine(a, count, m1, m2, m0Stack, m1Stack, m2Stack, 0);
            int mask = i + 1;
            for (int j = 1; j < depth && (mask & 1) == 0; j++) {
                combine(a, m0Stack[j - 1], m1Stack[j - 1], m2Stack[j - 1], m0Stack, m1Stack, m2Stack, j);
                m0Stack[j - 1] = 0;
                m1Stack[j - 1] = new double[lanes];
                m2Stack[j - 1] = new double[lanes];
                mask >>= 1;
            }
        }
        for (int i = 1; i < depth; i++) {
            combine(a, m0Stack[i], m1Stack[i], m2Stack[i], m0Stack, m1Stack, m2Stack, 0);
        }
        long m0 = 0;
        double m1 = 0;
        double m2 = 0;
        for (int i = vectors * lanes; i < n; i++) {
            double v = x[offset + i];
            double delta = a.r(v - m1);
            m0++;
            m1 = a.r(m1 + a.r(delta / m0));
            m2 = a.r(m2 + a.r(delta * a.r(v - m1)));
        }
        for (int l = 0; l < lanes; l++) {
            long total = m0 + vectors;
            double c = total == 0 ? 0 : a.r(a.r(vectors) / a.r(total));
            double delta = a.r(m1Stack[0][l] - m1);
            m1 = a.r(m1 + a.r(c * delta));
            m2 = a.r(m2 + a.r(m2Stack[0][l] + a.r(a.r(a.r(delta * delta) * c) * a.r(m0))));
            m0 = total;
        }
        return new double[] {m1, a.r(m2 / a.r(n))};
    }

    /** {@code AddMomentsVec}: folds the moments of {@code add} into level {@code k} of the stack. */
    private static void combine(Arithmetic a, long m0Add, double[] m1Add, double[] m2Add, long[] m0, double[][] m1, double[][] m2, int k) {
        long total = m0[k] + m0Add;
        double c = total == 0 ? 0 : a.r(a.r(m0Add) / a.r(total));
        double count = a.r(m0[k]);
        for (int l = 0; l < m1Add.length; l++) {
            double delta = a.r(m1Add[l] - m1[k][l]);
            m1[k][l] = a.r(m1[k][l] + a.r(c * delta));
            m2[k][l] = a.r(m2[k][l] + a.r(m2Add[l] + a.r(a.r(a.r(delta * delta) * c) * count)));
        }
        m0[k] = total;
    }

    /** Rounds each double result to float32 when the row is float32: exact for one +, -, * or / of two floats. */
    private record Arithmetic(boolean float32) {
        double r(double v) {
            return float32 ? (float) v : v;
        }
    }
}
