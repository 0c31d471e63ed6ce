package dev.backprop.engine.random;

import java.util.Objects;

/**
 * PyTorch's CPU random generator ({@code at::CPUGeneratorImpl}), reproducing the samples of
 * {@code torch.manual_seed}, {@code Tensor.uniform_} and {@code Tensor.normal_} on contiguous
 * float32 and float64 CPU tensors as PyTorch 1.13's x86-64 AVX2 kernels produce them: the raw draws,
 * uniforms and float32 normals bit for bit; float64 normals up to the last bit of the platform's
 * log/sin/cos (this class uses {@link StrictMath} so its own output is the same on every JVM).
 *
 * <p>Not thread-safe: PyTorch serialises generator use with a mutex, and callers must do the same.
 */
public final class Generator {

    private static final long MASK_53 = (1L << 53) - 1;
    private static final double DOUBLE_DIVISOR = 1.0 / (1L << 53);
    private static final float FLOAT_DIVISOR = 1.0f / (1 << 24);
    private static final float TWO_PI_FLOAT = (float) (2.0 * Math.PI);
    private static final double TWO_PI = 2.0 * Math.PI;
    private static final int NORMAL_BLOCK = 16;

    private final Mt19937 engine;
    private long initialSeed;
    private double nextDoubleNormal;
    private boolean hasNextDoubleNormal;

    /** A generator in the state {@code torch.manual_seed(seed)} leaves the default generator in. */
    public Generator(long seed) {
        engine = new Mt19937(seed);
        initialSeed = seed;
    }

    /** A copy in the same state ({@code get_state}); drawing from either leaves the other unchanged. */
    public Generator copy() {
        Generator g = new Generator(initialSeed);
        g.restore(this);
        return g;
    }

    /** Puts this generator in {@code other}'s state ({@code set_state}). */
    public void restore(Generator other) {
        engine.copyFrom(other.engine);
        initialSeed = other.initialSeed;
        nextDoubleNormal = other.nextDoubleNormal;
        hasNextDoubleNormal = other.hasNextDoubleNormal;
    }

    /**
     * Reseeds as {@code torch.manual_seed(seed)}; only the low 32 bits reach the engine. A negative
     * seed stands for the uint64 with the same bits, as PyTorch wraps negative Python seeds.
     * Also drops the cached second Box-Muller sample (CPUGeneratorImpl::set_current_seed).
     */
    public void manualSeed(long seed) {
        engine.seed(seed);
        initialSeed = seed;
        hasNextDoubleNormal = false;
    }

    /** The seed last given, as {@code torch.initial_seed()} (a uint64 bit pattern). */
    public long initialSeed() {
        return initialSeed;
    }

    /** One 32-bit draw (CPUGeneratorImpl::random); the int holds the uint32 bit pattern. */
    public int random() {
        return engine.nextInt();
    }

    /** Two draws, the first as the high word (CPUGeneratorImpl::random64). */
    public long random64() {
        long hi = Integer.toUnsignedLong(engine.nextInt());
        long lo = Integer.toUnsignedLong(engine.nextInt());
        return hi << 32 | lo;
    }

    /** One {@code at::uniform_real_distribution<float>(0, 1)} sample: the low 24 bits of one draw. */
    public float nextFloat() {
        return uniformFloat(0f, 1f);
    }

    /** One {@code at::uniform_real_distribution<double>(0, 1)} sample: the low 53 bits of one random64(). */
    public double nextDouble() {
        return uniformDouble(0.0, 1.0);
    }

    /**
     * {@code Tensor.uniform_(from, to)} on a contiguous float32 tensor. Bounds are cast to float first
     * and the arithmetic stays in float: {@code dist_acctype<float>} is float on CPU, not double.
     */
    public void uniform(float[] out, int offset, int length, double from, double to) {
        Objects.checkFromIndexSize(offset, length, out.length);
        checkUniformBounds(from, to, -Float.MAX_VALUE, Float.MAX_VALUE);
        float lo = (float) from;
        float range = (float) to - lo;
        for (int i = offset; i < offset + length; i++) {
            out[i] = uniformFloat(lo, range);
        }
    }

    /** {@code Tensor.uniform_(from, to)} on a contiguous float64 tensor: 53 bits of each random64(). */
    public void uniform(double[] out, int offset, int length, double from, double to) {
        Objects.checkFromIndexSize(offset, length, out.length);
        checkUniformBounds(from, to, -Double.MAX_VALUE, Double.MAX_VALUE);
        double range = to - from;
        for (int i = offset; i < offset + length; i++) {
            out[i] = uniformDouble(from, range);
        }
    }

    /**
     * {@code Tensor.normal_(mean, std)} on a contiguous float32 tensor: the batched Box-Muller of
     * {@code normal_fill_AVX2} from 16 elements on, the scalar {@link #normal(double, double)} below that.
     */
    public void normal(float[] out, int offset, int length, double mean, double std) {
        Objects.checkFromIndexSize(offset, length, out.length);
        checkStd(std);
        if (length < NORMAL_BLOCK) {
            for (int i = offset; i < offset + length; i++) {
                out[i] = (float) nextNormal(mean, std);
            }
            return;
        }
        float fmean = (float) mean;
        float fstd = (float) std;
        float[] sincos = new float[2];
        for (int i = offset; i < offset + length; i++) {
            out[i] = uniformFloat(0f, 1f);
        }
        int end = offset + length;
        for (int i = offset; i + NORMAL_BLOCK <= end; i += NORMAL_BLOCK) {
            normalFill16(out, i, fmean, fstd, sincos);
        }
        if (length % NORMAL_BLOCK != 0) {
            // PyTorch redraws the last 16 slots (overlapping the last full block) and transforms them.
            int tail = end - NORMAL_BLOCK;
            for (int i = tail; i < end; i++) {
                out[i] = uniformFloat(0f, 1f);
            }
            normalFill16(out, tail, fmean, fstd, sincos);
        }
    }

    /**
     * {@code Tensor.normal_(mean, std)} on a contiguous float64 tensor: the generic {@code normal_fill}
     * from 16 elements on, the scalar {@link #normal(double, double)} below that.
     */
    public void normal(double[] out, int offset, int length, double mean, double std) {
        Objects.checkFromIndexSize(offset, length, out.length);
        checkStd(std);
        if (length < NORMAL_BLOCK) {
            for (int i = offset; i < offset + length; i++) {
                out[i] = nextNormal(mean, std);
            }
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            out[i] = uniformDouble(0.0, 1.0);
        }
        int end = offset + length;
        for (int i = offset; i + NORMAL_BLOCK <= end; i += NORMAL_BLOCK) {
            normalFill16(out, i, mean, std);
        }
        if (length % NORMAL_BLOCK != 0) {
            int tail = end - NORMAL_BLOCK;
            for (int i = tail; i < end; i++) {
                out[i] = uniformDouble(0.0, 1.0);
            }
            normalFill16(out, tail, mean, std);
        }
    }

    /**
     * One sample of the scalar {@code at::normal_distribution<double>}, which {@code normal_} uses for
     * tensors under 16 elements and for non-contiguous ones (one call per element in iteration order;
     * cast to float for float32). Box-Muller yields two samples; the second is cached here and returned,
     * rescaled, by the next call.
     */
    public double normal(double mean, double std) {
        checkStd(std);
        return nextNormal(mean, std);
    }

    // aten/src/ATen/core/DistributionsHelper.h, normal_distribution (1.13 form: log(1 - u2)).
    private double nextNormal(double mean, double std) {
        if (hasNextDoubleNormal) {
            hasNextDoubleNormal = false;
            return Math.fma(nextDoubleNormal, std, mean);
        }
        double u1 = uniformDouble(0.0, 1.0);
        double u2 = uniformDouble(0.0, 1.0);
        double r = Math.sqrt(-2.0 * StrictMath.log(1.0 - u2));
        double theta = TWO_PI * u1;
        nextDoubleNormal = r * StrictMath.sin(theta);
        hasNextDoubleNormal = true;
        return Math.fma(r * StrictMath.cos(theta), std, mean);
    }

    // aten/src/ATen/core/TransformationHelper.h, uniform_real: 24 low bits of one draw scaled to [0, 1),
    // then x * (to - from) + from, which GCC fuses into one fma in the AVX2 build.
    private float uniformFloat(float from, float range) {
        float x = (engine.nextInt() & 0xffffff) * FLOAT_DIVISOR;
        return Math.fma(x, range, from);
    }

    private double uniformDouble(double from, double range) {
        double x = (random64() & MASK_53) * DOUBLE_DIVISOR;
        return Math.fma(x, range, from);
    }

    // aten/src/ATen/native/cpu/DistributionTemplates.h, normal_fill_16_AVX2: element j pairs with j + 8.
    private static void normalFill16(float[] data, int at, float mean, float std, float[] sincos) {
        for (int j = at; j < at + 8; j++) {
            float u1 = 1f - data[j];
            float u2 = data[j + 8];
            float radius = (float) Math.sqrt(-2f * Avx2MathFun.log(u1));
            float theta = TWO_PI_FLOAT * u2; // 2*pi rounded to float first, unlike the generic kernel
            Avx2MathFun.sincos(theta, sincos);
            data[j] = Math.fma(radius * sincos[1], std, mean);
            data[j + 8] = Math.fma(radius * sincos[0], std, mean);
        }
    }

    // aten/src/ATen/native/cpu/DistributionTemplates.h, normal_fill_16<double>.
    private static void normalFill16(double[] data, int at, double mean, double std) {
        for (int j = at; j < at + 8; j++) {
            double u1 = 1 - data[j];
            double u2 = data[j + 8];
            double radius = Math.sqrt(-2 * StrictMath.log(u1));
            double theta = TWO_PI * u2;
            data[j] = Math.fma(radius * StrictMath.cos(theta), std, mean);
            data[j + 8] = Math.fma(radius * StrictMath.sin(theta), std, mean);
        }
    }

    // aten/src/ATen/native/DistributionTemplates.h, uniform_impl_.
    private static void checkUniformBounds(double from, double to, double min, double max) {
        if (!(from >= min && from <= max)) {
            throw new IllegalArgumentException("from is out of bounds: " + from);
        }
        if (!(to >= min && to <= max)) {
            throw new IllegalArgumentException("to is out of bounds: " + to);
        }
        if (from > to) {
            throw new IllegalArgumentException(
                    "uniform_ expects to return a [from, to) range, but found from=" + from + " > to=" + to);
        }
        if (to - from > max) {
            throw new IllegalArgumentException("uniform_ expects to-from <= max, but found to=" + to
                    + " and from=" + from + " which result in to-from to exceed the limit");
        }
    }

    private static void checkStd(double std) {
        if (!(std >= 0.0)) {
            throw new IllegalArgumentException("normal expects std >= 0.0, but found std " + std);
        }
    }
}
