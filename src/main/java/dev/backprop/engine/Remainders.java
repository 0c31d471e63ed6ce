package dev.backprop.engine;

/**
 * Python's remainder, as ATen's {@code remainder_kernel}: C's {@code fmod}, moved by the divisor when the signs
 * differ, so that the result has the divisor's sign. An integer divided by zero is refused with PyTorch's text.
 */
final class Remainders {
    private Remainders() {}

    static double of(double a, double b) {
        double m = a % b;
        return m != 0 && (b < 0) != (m < 0) ? m + b : m;
    }

    static long of(long a, long b) {
        if (b == 0) {
            throw EngineException.invalid("ZeroDivisionError");
        }
        long m = a % b;
        return m != 0 && (b < 0) != (m < 0) ? m + b : m;
    }

    /** The float32 loop, with the final addition rounded in float32 as the kernel's. */
    static void loop(float[] a, int sa, float[] b, int sb, float[] out, int n) {
        for (int i = 0, ia = 0, ib = 0; i < n; i++, ia += sa, ib += sb) {
            float m = a[ia] % b[ib];
            out[i] = m != 0 && (b[ib] < 0) != (m < 0) ? m + b[ib] : m;
        }
    }
}
