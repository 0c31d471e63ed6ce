package dev.backprop.engine;

/**
 * {@code torch.linspace} with the bits of ATen's CPU kernel (RangeFactoriesKernel.cpp, AVX2 build): the step is
 * {@code (end - start) / (steps - 1)} in the result's type; the first half counts up from {@code start}, the second
 * half down from {@code end}. The kernel writes vectors of 8 float32 (4 float64 or int64) elements: each vector's
 * first element is computed as a lone element is, with one fused multiply-add, and the others add {@code k * step}
 * (rounded first) to it, so a vector that starts in the first half runs on past the halfway point. Integer results
 * step in double and truncate. The values are those of one thread (fewer than 32768 steps, ATen's grain size).
 */
final class Linspace {
    private Linspace() {}

    static Tensor linspace(double start, double end, int steps, DType dtype) {
        if (steps < 0) {
            throw EngineException.invalid("number of steps must be non-negative");
        }
        if (dtype == DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"linspace_cpu\" not implemented for 'Bool'");
        }
        if (steps == 1) {
            return Factories.full(new int[] {1}, start, dtype);
        }
        Tensor r = Tensor.empty(dtype, new int[] {steps});
        if (steps == 0) return r;
        CheckedConvert.toElement(start, dtype);
        CheckedConvert.toElement(end, dtype);
        switch (dtype) {
            case FLOAT32 -> fill32(r.storage.f32, (float) start, (float) end, steps);
            case FLOAT64 -> fill64(r.storage.f64, start, end, steps);
            default -> fillLong(r.storage.i64, (long) start, (long) end, steps);
        }
        return r;
    }

    /** How many elements ATen writes as vectors: its loop writes two vectors a round, so only whole pairs. */
    private static int pairedVectors(int steps, int vector) {
        return steps / (2 * vector) * (2 * vector);
    }

    private static void fill32(float[] out, float start, float end, int steps) {
        float step = (end - start) / (float) (steps - 1);
        int half = steps / 2;
        int vector = 8;
        int i = 0;
        for (int vectors = pairedVectors(steps, vector); i < vectors; i += vector) {
            float base = i < half ? Math.fma(step, (float) i, start) : Math.fma(-step, (float) (steps - i - 1), end);
            out[i] = base;
            for (int k = 1; k < vector; k++) out[i + k] = base + k * step;
        }
        for (; i < steps; i++) {
            out[i] = i < half ? Math.fma(step, (float) i, start) : Math.fma(-step, (float) (steps - i - 1), end);
        }
    }

    private static void fill64(double[] out, double start, double end, int steps) {
        double step = (end - start) / (steps - 1);
        int half = steps / 2;
        int vector = 4;
        int i = 0;
        for (int vectors = pairedVectors(steps, vector); i < vectors; i += vector) {
            double base = i < half ? Math.fma(step, i, start) : Math.fma(-step, steps - i - 1, end);
            out[i] = base;
            for (int k = 1; k < vector; k++) out[i + k] = base + k * step;
        }
        for (; i < steps; i++) {
            out[i] = i < half ? Math.fma(step, i, start) : Math.fma(-step, steps - i - 1, end);
        }
    }

    private static void fillLong(long[] out, long start, long end, int steps) {
        double step = ((double) end - (double) start) / (steps - 1);
        int half = steps / 2;
        int vector = 4;
        int i = 0;
        for (int vectors = pairedVectors(steps, vector); i < vectors; i += vector) {
            long base = (long) (i < half ? Math.fma(step, i, start) : Math.fma(-step, steps - i - 1, end));
            out[i] = base;
            for (int k = 1; k < vector; k++) out[i + k] = (long) (base + k * step);
        }
        for (; i < steps; i++) {
            out[i] = (long) (i < half ? Math.fma(step, i, start) : Math.fma(-step, steps - i - 1, end));
        }
    }
}
