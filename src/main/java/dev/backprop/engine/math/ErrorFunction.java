package dev.backprop.engine.math;

/**
 * The error function in double precision, within a few ulps: below |x| = 3 the series
 * erf(x) = 2/sqrt(pi) e^(-x²) Σ 2^n x^(2n+1) / (1·3·…·(2n+1)), whose terms are all positive (no cancellation);
 * above, 1 - erfc(x) with erfc from its continued fraction (modified Lentz), which converges fast there;
 * beyond |x| = 6 erf rounds to ±1.
 */
public final class ErrorFunction {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
    private static final double SERIES_LIMIT = 3;
    private static final double SATURATION = 6;
    private static final double TINY = 1e-300;

    private ErrorFunction() {}

    public static double erf(double x) {
        if (x != x) return x;
        double a = Math.abs(x);
        double r;
        if (a >= SATURATION) {
            r = 1;
        } else if (a < SERIES_LIMIT) {
            r = series(a);
        } else {
            r = 1 - complementFraction(a);
        }
        return Math.copySign(r, x);
    }

    private static double series(double a) {
        double x2 = a * a;
        double term = a;
        double sum = a;
        for (int n = 1; term > sum * 1e-17; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }

    /** erfc(a) = e^(-a²)/sqrt(pi) · 1/(a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + …))))) for a >= 3. */
    private static double complementFraction(double a) {
        double f = a;
        double c = a;
        double d = 0;
        for (int k = 1; k < 200; k++) {
            double coefficient = k / 2.0;
            d = a + coefficient * d;
            d = d == 0 ? TINY : d;
            c = a + coefficient / c;
            c = c == 0 ? TINY : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        return ONE_OVER_SQRT_PI * Math.exp(-a * a) / f;
    }
}
