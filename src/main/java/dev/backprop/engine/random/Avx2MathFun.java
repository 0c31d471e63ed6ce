package dev.backprop.engine.random;

import dev.backprop.engine.math.ReproducibleMath;

/**
 * Scalar ports of {@code log256_ps} and {@code sincos256_ps} from aten/src/ATen/native/cpu/avx_mathfun.h
 * (Cephes single-precision approximations), which PyTorch's AVX2 {@code normal_fill_16_AVX2} uses.
 *
 * <p>The AVX2 kernels are compiled by GCC with {@code -mfma} and the default {@code -ffp-contract=fast},
 * so every {@code _mm256_mul_ps} whose only use is an add or subtract becomes a fused multiply-add.
 * The {@link Math#fma} calls below, and those of the log, sit exactly where GCC fuses; with them the results agree bit for bit
 * with PyTorch's published samples, without them they drift by a few ulps.
 */
final class Avx2MathFun {

    private Avx2MathFun() {
    }

    // The C source initialises float arrays from double literals, hence the (float) casts.
    private static final float MINUS_DP1 = (float) -0.78515625;
    private static final float MINUS_DP2 = (float) -2.4187564849853515625e-4;
    private static final float MINUS_DP3 = (float) -3.77489497744594108e-8;
    private static final float SINCOF_P0 = (float) -1.9515295891E-4;
    private static final float SINCOF_P1 = (float) 8.3321608736E-3;
    private static final float SINCOF_P2 = (float) -1.6666654611E-1;
    private static final float COSCOF_P0 = (float) 2.443315711809948E-005;
    private static final float COSCOF_P1 = (float) -1.388731625493765E-003;
    private static final float COSCOF_P2 = (float) 4.166664568298827E-002;
    private static final float FOPI = (float) 1.27323954473516; // 4 / pi

    /**
     * {@code log256_ps} for one lane, which cuts its input at the smallest normal float and is otherwise
     * Cephes's {@code logf} with GCC's fused multiply-adds, as {@link ReproducibleMath#log(float)} computes it;
     * x must be positive (the kernel only passes values in (0, 1]).
     */
    static float log(float x) {
        return ReproducibleMath.log(Math.max(x, Float.MIN_NORMAL));
    }

    /** {@code sincos256_ps} for one lane; writes sin to {@code out[0]} and cos to {@code out[1]}. */
    static void sincos(float x, float[] out) {
        int signSin = Float.floatToRawIntBits(x) & 0x80000000;
        x = Math.abs(x);
        int j = (int) (x * FOPI); // _mm256_cvttps_epi32 truncates, as does the cast
        j = (j + 1) & ~1;
        float y = j;
        signSin ^= (j & 4) << 29;
        int signCos = (~(j - 2) & 4) << 29;
        boolean sinPolynomial = (j & 2) == 0;

        // Extended precision modular arithmetic: x = ((x - y * DP1) - y * DP2) - y * DP3.
        x = Math.fma(y, MINUS_DP1, x);
        x = Math.fma(y, MINUS_DP2, x);
        x = Math.fma(y, MINUS_DP3, x);

        float z = x * x;
        float c = COSCOF_P0;
        c = Math.fma(c, z, COSCOF_P1);
        c = Math.fma(c, z, COSCOF_P2);
        c = c * z;
        c = Math.fma(c, z, -(z * 0.5f));
        c = c + 1f;

        float s = SINCOF_P0;
        s = Math.fma(s, z, SINCOF_P1);
        s = Math.fma(s, z, SINCOF_P2);
        s = s * z;
        s = Math.fma(s, x, x);

        float sin = sinPolynomial ? s : c;
        float cos = sinPolynomial ? c : s;
        out[0] = Float.intBitsToFloat(Float.floatToRawIntBits(sin) ^ signSin);
        out[1] = Float.intBitsToFloat(Float.floatToRawIntBits(cos) ^ signCos);
    }
}
