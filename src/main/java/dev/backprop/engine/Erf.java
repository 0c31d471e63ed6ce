package dev.backprop.engine;

/**
 * The error function in double, which {@code java.lang.Math} lacks. Below 1 it sums the series
 * {@code erf(x) = 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1))} with compensation; above, it
 * takes {@code 1 - erfc(x)} with erfc from its continued fraction (deeper the closer to 1 it starts, where it
 * converges slowest), where erfc is below 0.16 and its own error shrinks accordingly. Within 2 ulp of the
 * correctly rounded value.
 */
final class Erf {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double SERIES_LIMIT = 1;
    private static final double ONE_BEYOND = 6;

    private Erf() {}

    static double erf(double x) {
        if (x != x) return x;
        double a = Math.abs(x);
        double r;
        if (a < SERIES_LIMIT) {
            r = series(a);
        } else if (a < ONE_BEYOND) {
            r = 1 - complementFraction(a);
        } else {
            r = 1;
        }
        return Math.copySign(r, x);
    }

    /** The Maclaurin series, summed with Neumaier's compensation (below 1 its terms shrink from the first on). */
    private static double series(double a) {
        double square = a * a;
        double term = a, sum = a, compensation = 0;
        for (int n = 1; ; n++) {
            term *= -square / n;
            double t = term / (2 * n + 1);
            double next = sum + t;
            compensation += Math.abs(sum) >= Math.abs(t) ? (sum - next) + t : (t - next) + sum;
            sum = next;
            if (Math.abs(t) <= 1e-17 * Math.abs(sum)) break;
        }
        return TWO_OVER_SQRT_PI * (sum + compensation);
    }

    /** {@code erfc(a) = exp(-a^2)/sqrt(pi) / (a + (1/2)/(a + 1/(a + (3/2)/(a + 2/(a + ...)))))}, evaluated from the tail. */
    private static double complementFraction(double a) {
        int depth = a < 1.2 ? 320 : a < 2 ? 160 : a < 2.5 ? 80 : 40;
        double tail = a;
        for (int k = depth; k >= 1; k--) tail = a + (k / 2.0) / tail;
        double square = a * a;
        double squareLow = Math.fma(a, a, -square);
        return Math.exp(-square) * (1 - squareLow) / (Math.sqrt(Math.PI) * tail);
    }
}
