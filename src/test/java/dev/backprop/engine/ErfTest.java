package dev.backprop.engine;

import org.junit.jupiter.api.Test;

/**
 * The error function behind gelu, within 1 ulp of {@code torch.erf} in float64 across its series, its continued
 * fraction and its saturation (the values {@code ErfTest.py}, beside this file, prints).
 */
class ErfTest {
    @Test
    void matchesTorchErfWithinOneUlp() {
        double[] x = {0.0, 1e-300, -0.0639, 0.5, 0.8777, 0.9999, 1.0, 1.7678, -2.4434, 3.2, 5.9, 6.5, Double.POSITIVE_INFINITY};
        double[] expected = {0.0, 1.1283791670955126e-300, -0.07200541106200839, 0.5204998778130465, 0.7854885272996642,
            0.8426592780487595, 0.8427007929497149, 0.9875823076427266, -0.9994507052477355, 0.9999939742388483, 0.9999999999999999,
            1.0, 1.0};
        double[] actual = new double[x.length];
        for (int i = 0; i < x.length; i++) actual[i] = Erf.erf(x[i]);
        Ulps.assertWithin(actual, expected, 1, 0);
    }
}
