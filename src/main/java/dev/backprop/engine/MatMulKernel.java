package dev.backprop.engine;

/**
 * The matrix product of two strided 2-D operands into a new contiguous matrix. Large floating-point products are
 * {@link BlockedGemm}'s; for the others (and matrix-vector products) the loop order follows the left operand's layout, so that a transposed operand (as in {@code Xᵀ·g}) is still read in one
 * sequential pass. Every loop runs in blocks of rows between which the request's {@link Deadline} is
 * checked; a stopped product only ever wrote into its own new result.
 */
final class MatMulKernel {
    private MatMulKernel() {}

    static Tensor multiply(Tensor a, Tensor b) {
        int n = a.shape[0], k = a.shape[1], p = b.shape[1];
        // the blocked products pack their operands whatever their strides: an expanded gradient needs no contiguous copy
        if (a.dtype == DType.FLOAT32 && GemmF32.INSTANCE.suits(n, k, p)) {
            Tensor r = Tensor.empty(a.dtype, new int[] {n, p});
            GemmF32.multiply(a.storage.f32, a.offset, a.strides[0], a.strides[1], b.storage.f32, b.offset, b.strides[0],
                    b.strides[1], r.storage.f32, n, k, p);
            return r;
        }
        if (a.dtype == DType.FLOAT64 && GemmF64.INSTANCE.suits(n, k, p)) {
            Tensor r = Tensor.empty(a.dtype, new int[] {n, p});
            GemmF64.multiply(a.storage.f64, a.offset, a.strides[0], a.strides[1], b.storage.f64, b.offset, b.strides[0],
                    b.strides[1], r.storage.f64, n, k, p);
            return r;
        }
        a = unitStrided(a);
        b = unitStrided(b);
        Tensor r = Tensor.empty(a.dtype, new int[] {n, p});
        switch (a.dtype) {
            case FLOAT32 -> f32(a.storage.f32, a.offset, a.strides[0], a.strides[1], b.storage.f32, b.offset, b.strides[0],
                    b.strides[1], r.storage.f32, n, k, p);
            case FLOAT64 -> f64(a.storage.f64, a.offset, a.strides[0], a.strides[1], b.storage.f64, b.offset, b.strides[0],
                    b.strides[1], r.storage.f64, n, k, p);
            default -> i64(a, b, r, n, k, p);
        }
        return r;
    }

    private static void f32(float[] a, int ao, int as0, int as1, float[] b, int bo, int bs0, int bs1, float[] c, int n, int k, int p) {
        if (p == 1 && as1 == 1 && k >= 8) {
            VectorKernels.rowDots(a, ao, as0, column(b, bo, bs0, k), c, n, k);
            return;
        }
        if (p == 1 && as0 == 1 && n >= 8) {
            // A is the transpose of a row-major matrix X (k rows of n): c = Xᵀ·b in one pass over X.
            VectorKernels.transposedDots(a, ao, as1, b, bo, bs0, c, k, n);
            return;
        }
        if (p == 1) {
            if (as1 == 1 || as0 != 1) {
                VectorKernels.sequentialRows(n, k, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        float s = 0;
                        int ai = ao + i * as0, bi = bo;
                        for (int kk = 0; kk < k; kk++, ai += as1, bi += bs0) s += a[ai] * b[bi];
                        c[i] = s;
                    }
                });
            } else {
                VectorKernels.sequentialRows(k, n, (from, to) -> {
                    for (int kk = from; kk < to; kk++) {
                        float bv = b[bo + kk * bs0];
                        int ai = ao + kk * as1;
                        for (int i = 0; i < n; i++, ai += as0) c[i] += a[ai] * bv;
                    }
                });
            }
            return;
        }
        if (bs1 == 1) {
            VectorKernels.rowTimesMatrix(a, ao, as0, as1, b, bo, bs0, c, n, k, p);
            return;
        }
        if (bs0 == 1 && as1 == 1) {
            VectorKernels.rowDotsAgainstRows(a, ao, as0, b, bo, bs1, c, n, k, p);
            return;
        }
        VectorKernels.sequentialRows(n, (long) k * p, (from, to) -> {
            for (int i = from; i < to; i++) {
                int ci = i * p;
                for (int kk = 0; kk < k; kk++) {
                    float av = a[ao + i * as0 + kk * as1];
                    int bi = bo + kk * bs0;
                    for (int j = 0; j < p; j++, bi += bs1) c[ci + j] += av * b[bi];
                }
            }
        });
    }

    /** The operand itself when one of its dims has unit stride (as the kernels want), else a contiguous copy. */
    private static Tensor unitStrided(Tensor t) {
        if (t.dtype != DType.FLOAT32 || t.strides[0] == 1 || t.strides[1] == 1 || t.numel <= 1) return t;
        return Conversions.detachedCopy(t);
    }

    /** A strided column as a dense array (no copy when it already is one). */
    private static float[] column(float[] b, int bo, int bs0, int k) {
        if (bo == 0 && bs0 == 1 && b.length == k) return b;
        float[] w = new float[k];
        for (int i = 0; i < k; i++) w[i] = b[bo + i * bs0];
        return w;
    }

    private static void f64(double[] a, int ao, int as0, int as1, double[] b, int bo, int bs0, int bs1, double[] c, int n, int k,
                            int p) {
        VectorKernels.sequentialRows(n, (long) k * p, (from, to) -> {
            for (int i = from; i < to; i++) {
                int ci = i * p;
                for (int kk = 0; kk < k; kk++) {
                    double av = a[ao + i * as0 + kk * as1];
                    int bi = bo + kk * bs0;
                    for (int j = 0; j < p; j++, bi += bs1) c[ci + j] += av * b[bi];
                }
            }
        });
    }

    private static void i64(Tensor a, Tensor b, Tensor r, int n, int k, int p) {
        long[] x = a.readI64(), y = b.readI64(), c = r.storage.i64;
        VectorKernels.sequentialRows(n, (long) k * p, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int kk = 0; kk < k; kk++) {
                    long av = x[i * k + kk];
                    for (int j = 0; j < p; j++) c[i * p + j] += av * y[kk * p + j];
                }
            }
        });
    }
}
