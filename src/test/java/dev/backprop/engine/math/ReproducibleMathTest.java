package dev.backprop.engine.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/**
 * exp and log within 1 ulp of the correctly rounded result over dense sweeps, the SIMD form bit for bit the
 * scalar one, and the special values of {@link Math#exp} and {@link Math#log}.
 */
class ReproducibleMathTest {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int SAMPLES = 1 << 22;

    @Test
    void expIsWithinOneUlpFromMinus88To88() {
        assertWithinOneUlpAndSameInVectors(evenlySpaced(-88f, 88f), StrictMath::exp, ReproducibleMath::exp, ReproducibleMath::exp);
        assertWithinOneUlpAndSameInVectors(everyKthFloat(-88f, 88f), StrictMath::exp, ReproducibleMath::exp, ReproducibleMath::exp);
    }

    @Test
    void logIsWithinOneUlpOnZeroToOne() {
        assertWithinOneUlpAndSameInVectors(evenlySpaced(0x1p-24f, 1f), StrictMath::log, ReproducibleMath::log, ReproducibleMath::log);
        assertWithinOneUlpAndSameInVectors(everyKthFloat(Float.MIN_VALUE, 1f), StrictMath::log, ReproducibleMath::log, ReproducibleMath::log);
    }

    @Test
    void logIsWithinOneUlpFromOneToTheLargestFloat() {
        assertWithinOneUlpAndSameInVectors(evenlySpaced(1f, 1000f), StrictMath::log, ReproducibleMath::log, ReproducibleMath::log);
        assertWithinOneUlpAndSameInVectors(everyKthFloat(1f, Float.MAX_VALUE), StrictMath::log, ReproducibleMath::log, ReproducibleMath::log);
    }

    @Test
    void expOverflowsUnderflowsAndPassesNaN() {
        float[] x = {88.72283f, 88.72284f, 89f, 100f, 1e30f, Float.POSITIVE_INFINITY, -87.33655f, -88f, -103f, -103.98f, -104f, -1e30f,
                Float.NEGATIVE_INFINITY, Float.NaN, 0f, -0f};
        float[] expected = {3.4027985e38f, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY,
                Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, 1.1754907e-38f, 6.054601e-39f, 1.4e-45f, 0f, 0f, 0f, 0f, Float.NaN, 1f, 1f};
        assertSpecialValues(x, expected, ReproducibleMath::exp, ReproducibleMath::exp);
    }

    @Test
    void logOfZeroNegativesInfinityAndNaN() {
        float[] x = {0f, -0f, -1f, -Float.MIN_VALUE, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN, Float.MIN_VALUE,
                1e-40f, Float.MIN_NORMAL, Float.MAX_VALUE, 1f};
        float[] expected = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.NaN, Float.NaN, Float.POSITIVE_INFINITY,
                Float.NaN, -103.27893f, -92.10341f, -87.33655f, 88.72284f, 0f};
        assertSpecialValues(x, expected, ReproducibleMath::log, ReproducibleMath::log);
    }

    /** Compares {@link Float#floatToIntBits}, which tells -0 from 0 and takes every NaN for one. */
    private static void assertSpecialValues(float[] x, float[] expected, UnaryOperator<Float> scalar,
                                            UnaryOperator<FloatVector> vector) {
        float[] lanes = new float[F.length()];
        for (int i = 0; i < x.length; i++) {
            int want = Float.floatToIntBits(expected[i]);
            assertThat(Float.floatToIntBits(scalar.apply(x[i]))).as("f(%s)", x[i]).isEqualTo(want);
            vector.apply(FloatVector.broadcast(F, x[i])).intoArray(lanes, 0);
            for (float lane : lanes) assertThat(Float.floatToIntBits(lane)).as("f(%s) in a lane", x[i]).isEqualTo(want);
        }
    }

    private static void assertWithinOneUlpAndSameInVectors(float[] x, DoubleUnaryOperator reference, UnaryOperator<Float> scalar,
                                                           UnaryOperator<FloatVector> vector) {
        float[] lanes = new float[x.length];
        for (int i = 0; i < x.length; i += F.length()) vector.apply(FloatVector.fromArray(F, x, i)).intoArray(lanes, i);
        long worst = 0;
        float worstAt = Float.NaN;
        for (int i = 0; i < x.length; i++) {
            float actual = scalar.apply(x[i]);
            assertThat(Float.floatToRawIntBits(lanes[i])).as("lane and scalar at %s", x[i]).isEqualTo(Float.floatToRawIntBits(actual));
            long ulps = Math.abs(ordered(actual) - ordered((float) reference.applyAsDouble(x[i])));
            if (ulps > worst) {
                worst = ulps;
                worstAt = x[i];
            }
        }
        assertThat(worst).as("ulps from the correctly rounded result at %s", worstAt).isLessThanOrEqualTo(1);
    }

    /** Floats mapped to integers in their order, neighbours one apart. */
    private static long ordered(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits >= 0 ? bits : (long) Integer.MIN_VALUE - bits;
    }

    /** SAMPLES evenly spaced values from {@code from} to {@code to}. */
    private static float[] evenlySpaced(float from, float to) {
        float[] x = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) x[i] = (float) (from + ((double) to - from) * i / (SAMPLES - 1));
        return x;
    }

    /** SAMPLES floats from {@code from} to {@code to} at equal steps in their order, so as many in each binade. */
    private static float[] everyKthFloat(float from, float to) {
        long first = ordered(from), step = (ordered(to) - first) / (SAMPLES - 1);
        float[] x = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long k = first + i * step;
            x[i] = Float.intBitsToFloat((int) (k >= 0 ? k : Integer.MIN_VALUE - k));
        }
        return x;
    }
}
