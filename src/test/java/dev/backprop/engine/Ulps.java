package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;

/** Elementwise comparisons with PyTorch's numbers: within some ulps of each expected element, or within an absolute bound. */
public final class Ulps {
    private Ulps() {}

    public static void assertWithin(float[] actual, float[] expected, int ulps) {
        assertWithin(actual, expected, ulps, 0f);
    }

    /** Each element within {@code ulps} of the expected one's (float) ulp, or within {@code absolute} of it (for sums that cancel). */
    public static void assertWithin(float[] actual, float[] expected, int ulps, float absolute) {
        double[] tolerance = new double[expected.length];
        for (int i = 0; i < expected.length; i++) tolerance[i] = Math.max(ulps * Math.ulp(expected[i]), absolute);
        compare(Arrays.toString(actual), widen(actual), widen(expected), tolerance);
    }

    public static void assertWithin(double[] actual, double[] expected, int ulps, double absolute) {
        double[] tolerance = new double[expected.length];
        for (int i = 0; i < expected.length; i++) tolerance[i] = Math.max(ulps * Math.ulp(expected[i]), absolute);
        compare(Arrays.toString(actual), actual, expected, tolerance);
    }

    private static void compare(String shown, double[] actual, double[] expected, double[] tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d of %s", i, shown).isCloseTo(expected[i], offset(tolerance[i]));
        }
    }

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }
}
