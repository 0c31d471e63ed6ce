package dev.backprop.engine.optim;

import dev.backprop.engine.DType;
import dev.backprop.engine.Tensor;

/**
 * {@code self.addcmul(t1, t2, value=v)} as PyTorch's CPU kernel computes it: {@code self + v * t1 * t2}, where
 * the compiled kernel fuses the last multiply and the add into one rounding ({@code fma(v * t1, t2, self)}).
 * A separate multiply and add would be an ulp off now and then, and RMSprop's centered variance, a difference
 * of two such sums, makes that an error of several ulps.
 */
final class Addcmul {
    private Addcmul() {}

    /** A new tensor of self's shape and dtype; all three have the same shape. */
    static Tensor of(Tensor self, Tensor t1, Tensor t2, double value) {
        Tensor scaled = t1.mul(value);
        int n = self.numel();
        if (self.dtype() == DType.FLOAT32) {
            float[] s = self.toFloatArray(), a = scaled.toFloatArray(), b = t2.toFloatArray();
            for (int i = 0; i < n; i++) {
                s[i] = Math.fma(a[i], b[i], s[i]);
            }
            return Tensor.of(s, self.shape());
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.fma(scaled.getDouble(i), t2.getDouble(i), self.getDouble(i));
        }
        return Tensor.of(out, self.shape());
    }
}
