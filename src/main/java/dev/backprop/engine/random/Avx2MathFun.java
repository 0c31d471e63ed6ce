package dev.backprop.engine.random;

/**
 * Scalar ports of {@code log256_ps} and {@code sincos256_ps} from aten/src/ATen/native/cpu/avx_mathfun.h
 * (Cephes single-precision approximations), which PyTorch's AVX2 {@code normal_fill_16_AVX2} uses.
 *
 * <p>The AVX2 kernels are compiled by GCC with {@code -mfma} and the default {@code -ffp-contract=fast},
 * so every {@code _mm256_mul_ps} whose only use is an add or subtract becomes a fused multiply-add.
 * The {@link Math#fma} calls below sit exactly where GCC fuses; with them the results agree bit for bit
 * with PyTorch's published samples, without them they drift by a few ulps.
 */
final class Avx2MathFun {

    private Avx2MathFun() {
    }

    // The C source initialises float arrays from double literals, hence the (float) casts.
    private static final float SQRTHF = (float) 0.707106781186547524;
    private static final float LOG_P0 = (float) 7.0376836292E-2;
    private static final float LOG_P1 = (float) -1.1514610310E-1;
    private static final float LOG_P2 = (float) 1.1676998740E-1;
    private static final float LOG_P3 = (float) -1.2420140846E-1;
    private static final float LOG_P4 = (float) 1.4249322787E-1;
    private static final float LOG_P5 = (float) -1.6668057665E-1;
    private static final float LOG_P6 = (float) 2.0000714765E-1;
    private static final float LOG_P7 = (float) -2.4999993993E-1;
    private static final float LOG_P8 = (float) 3.3333331174E-1;
    private static final float LOG_Q1 = (float) -2.12194440e-4;
    private static final float LOG_Q2 = (float) 0.693359375;

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

    /** {@code log256_ps} for one lane; x must be positive (the kernel only passes values in (0, 1]). */
    static float log(float x) {
        x = Math.max(x, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(x);
        float e = (float) ((bits >>> 23) - 0x7f) + 1f;
        x = Float.intBitsToFloat((bits & ~0x7f800000) | Float.floatToRawIntBits(0.5f)); // mantissa in [0.5, 1)
        if (x < SQRTHF) {
            e -= 1f;
            x = (x - 1f) + x;
        } else {
            x = x - 1f;
        }
        float z = x * x;
        float y = LOG_P0;
        y = Math.fma(y, x, LOG_P1);
        y = Math.fma(y, x, LOG_P2);
        y = Math.fma(y, x, LOG_P3);
        y = Math.fma(y, x, LOG_P4);
        y = Math.fma(y, x, LOG_P5);
        y = Math.fma(y, x, LOG_P6);
        y = Math.fma(y, x, LOG_P7);
        y = Math.fma(y, x, LOG_P8);
        y = y * x;
        y = Math.fma(y, z, e * LOG_Q1);
        y = Math.fma(z, -0.5f, y);
        return Math.fma(e, LOG_Q2, x + y);
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
