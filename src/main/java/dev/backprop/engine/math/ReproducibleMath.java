package dev.backprop.engine.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Float {@code exp} and {@code log} from the Cephes single-precision algorithms ({@code expf}, {@code logf}),
 * each in a scalar and a SIMD form that perform the same IEEE operations in the same order, so that every
 * element gets the same bits in a vector lane or a scalar tail loop, in the interpreter or compiled code.
 * The Vector API's own {@code EXP} and {@code LOG} do not: compiled code calls a vector math library whose
 * last bit differs from the per-lane fallback that runs before compilation.
 *
 * <p>Within 1 ulp of the correctly rounded result. {@code exp} overflows to infinity above
 * ln({@link Float#MAX_VALUE}) and underflows through the subnormals to zero; {@code log} of zero is
 * negative infinity, of a negative number NaN, of infinity infinity; NaN gives NaN.
 */
public final class ReproducibleMath {
    // Cephes's coefficients; the C sources initialise float arrays from double literals, hence the casts.
    /** ln 2 in two parts: {@code LN2_HI} has few enough bits that its product with any exponent is exact. */
    private static final float LN2_HI = (float) 0.693359375;
    private static final float LN2_LO = (float) -2.12194440e-4;
    private static final float LOG2E = (float) 1.44269504088896341;
    private static final float SQRT_HALF = (float) 0.707106781186547524;
    private static final float EXP_P0 = (float) 1.9875691500e-4;
    private static final float EXP_P1 = (float) 1.3981999507e-3;
    private static final float EXP_P2 = (float) 8.3334519073e-3;
    private static final float EXP_P3 = (float) 4.1665795894e-2;
    private static final float EXP_P4 = (float) 1.6666665459e-1;
    private static final float EXP_P5 = (float) 5.0000001201e-1;
    private static final float LOG_P0 = (float) 7.0376836292e-2;
    private static final float LOG_P1 = (float) -1.1514610310e-1;
    private static final float LOG_P2 = (float) 1.1676998740e-1;
    private static final float LOG_P3 = (float) -1.2420140846e-1;
    private static final float LOG_P4 = (float) 1.4249322787e-1;
    private static final float LOG_P5 = (float) -1.6668057665e-1;
    private static final float LOG_P6 = (float) 2.0000714765e-1;
    private static final float LOG_P7 = (float) -2.4999993993e-1;
    private static final float LOG_P8 = (float) 3.3333331174e-1;

    /** exp of anything above overflows (ln of the largest float is 88.72), so larger inputs are clamped here. */
    private static final float EXP_MAX_INPUT = 89f;
    /** exp of anything below rounds to zero (ln 2^-150 is -103.97), so smaller inputs are clamped here. */
    private static final float EXP_MIN_INPUT = -104f;
    /**
     * Adding 1.5·2^23 rounds a float of magnitude below 2^22 to an integer, which lands in the low bits; conversely
     * an integer k of that size added to its bits gives the float 1.5·2^23 + k.
     */
    private static final float ROUNDER = 0x1.8p23f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    /** Every subnormal times 2^23 is a normal float. */
    private static final float SUBNORMAL_SCALE = 0x1p23f;
    private static final int SUBNORMAL_EXPONENT = 23;
    private static final int EXPONENT_BITS = 0x7f800000;
    private static final int HALF_BITS = Float.floatToRawIntBits(0.5f);

    private ReproducibleMath() {}

    /** e^x. */
    public static float exp(float x) {
        x = Math.min(Math.max(x, EXP_MIN_INPUT), EXP_MAX_INPUT);
        float t = Math.fma(x, LOG2E, ROUNDER);
        float n = t - ROUNDER;
        float r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        float z = r * r;
        float y = Math.fma(EXP_P0, r, EXP_P1);
        y = Math.fma(y, r, EXP_P2);
        y = Math.fma(y, r, EXP_P3);
        y = Math.fma(y, r, EXP_P4);
        y = Math.fma(y, r, EXP_P5);
        y = Math.fma(y, z, r) + 1f;
        int k = Float.floatToRawIntBits(t) - ROUNDER_BITS;
        int half = k >> 1;
        return y * powerOfTwo(half) * powerOfTwo(k - half);
    }

    /** e^x in every lane, bit for bit as {@link #exp(float)}. */
    public static FloatVector exp(FloatVector x) {
        x = x.max(EXP_MIN_INPUT).min(EXP_MAX_INPUT);
        FloatVector t = x.fma(LOG2E, ROUNDER);
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = n.fma(x.broadcast(-LN2_HI), x);
        r = n.fma(x.broadcast(-LN2_LO), r);
        FloatVector z = r.mul(r);
        FloatVector y = r.fma(EXP_P0, EXP_P1);
        y = y.fma(r, x.broadcast(EXP_P2));
        y = y.fma(r, x.broadcast(EXP_P3));
        y = y.fma(r, x.broadcast(EXP_P4));
        y = y.fma(r, x.broadcast(EXP_P5));
        y = y.fma(z, r).add(1f);
        IntVector k = t.reinterpretAsInts().sub(ROUNDER_BITS);
        IntVector half = k.lanewise(VectorOperators.ASHR, 1);
        return y.mul(powerOfTwo(half)).mul(powerOfTwo(k.sub(half)));
    }

    /** 2^k for -126 <= k <= 127, built in the exponent bits. */
    private static float powerOfTwo(int k) {
        return Float.intBitsToFloat((k + 127) << 23);
    }

    private static FloatVector powerOfTwo(IntVector k) {
        return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    }

    /**
     * The natural logarithm. For normal positive x this is also the AVX2 {@code log256_ps} of PyTorch's normal
     * sampler, whose GCC build fuses a multiply and an add exactly where the {@link Math#fma} calls are.
     */
    public static float log(float x) {
        if (x < 0) return Float.NaN;
        if (x == 0) return Float.NEGATIVE_INFINITY;
        if (!(x < Float.POSITIVE_INFINITY)) return x;
        boolean subnormal = x < Float.MIN_NORMAL;
        if (subnormal) x *= SUBNORMAL_SCALE;
        int bits = Float.floatToRawIntBits(x);
        // x = m·2^e with m in [0.5, 1), then m moved to [sqrt(1/2), sqrt(2)) and reduced by 1. The exponent becomes
        // a float through ROUNDER's low bits: the Vector API's int-to-float conversion is not always compiled to SIMD.
        float e = Float.intBitsToFloat((bits >>> 23) + ROUNDER_BITS - 126) - ROUNDER;
        if (subnormal) e -= SUBNORMAL_EXPONENT;
        float m = Float.intBitsToFloat((bits & ~EXPONENT_BITS) | HALF_BITS);
        if (m < SQRT_HALF) {
            e -= 1f;
            x = (m - 1f) + m;
        } else {
            x = m - 1f;
        }
        float z = x * x;
        float y = Math.fma(logSeries(x), z, e * LN2_LO);
        y = Math.fma(z, -0.5f, y);
        return Math.fma(e, LN2_HI, x + y);
    }

    /** x·P(x), Cephes's polynomial for log(1 + x) - x + x²/2 divided by x². */
    private static float logSeries(float x) {
        float y = Math.fma(LOG_P0, x, LOG_P1);
        y = Math.fma(y, x, LOG_P2);
        y = Math.fma(y, x, LOG_P3);
        y = Math.fma(y, x, LOG_P4);
        y = Math.fma(y, x, LOG_P5);
        y = Math.fma(y, x, LOG_P6);
        y = Math.fma(y, x, LOG_P7);
        y = Math.fma(y, x, LOG_P8);
        return y * x;
    }

    /** The natural logarithm in every lane, bit for bit as {@link #log(float)}. */
    public static FloatVector log(FloatVector x) {
        VectorMask<Float> subnormal = x.compare(VectorOperators.LT, Float.MIN_NORMAL);
        FloatVector scaled = x.mul(SUBNORMAL_SCALE, subnormal);
        IntVector bits = scaled.reinterpretAsInts();
        FloatVector e = bits.lanewise(VectorOperators.LSHR, 23).add(ROUNDER_BITS - 126).reinterpretAsFloats().sub(ROUNDER)
                .sub(SUBNORMAL_EXPONENT, subnormal);
        FloatVector m = bits.and(~EXPONENT_BITS).or(HALF_BITS).reinterpretAsFloats();
        VectorMask<Float> low = m.compare(VectorOperators.LT, SQRT_HALF);
        e = e.sub(1f, low);
        FloatVector xr = m.sub(1f).add(m, low);
        FloatVector z = xr.mul(xr);
        FloatVector y = logSeries(xr).fma(z, e.mul(LN2_LO));
        y = z.fma(x.broadcast(-0.5f), y);
        FloatVector result = e.fma(x.broadcast(LN2_HI), xr.add(y));
        return result.blend(x, x.compare(VectorOperators.LT, Float.POSITIVE_INFINITY).not())
                .blend(x.broadcast(Float.NEGATIVE_INFINITY), x.compare(VectorOperators.EQ, 0f))
                .blend(x.broadcast(Float.NaN), x.compare(VectorOperators.LT, 0f));
    }

    /** {@link #logSeries(float)} in every lane; a method of its own so that the JIT inlines both it and the log. */
    private static FloatVector logSeries(FloatVector x) {
        FloatVector y = x.fma(LOG_P0, LOG_P1);
        y = y.fma(x, x.broadcast(LOG_P2));
        y = y.fma(x, x.broadcast(LOG_P3));
        y = y.fma(x, x.broadcast(LOG_P4));
        y = y.fma(x, x.broadcast(LOG_P5));
        y = y.fma(x, x.broadcast(LOG_P6));
        y = y.fma(x, x.broadcast(LOG_P7));
        y = y.fma(x, x.broadcast(LOG_P8));
        return y.mul(x);
    }
}
