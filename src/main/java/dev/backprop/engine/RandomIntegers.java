package dev.backprop.engine;

import dev.backprop.engine.random.Generator;

/**
 * {@code randint} and {@code randperm} as PyTorch 1.13's CPU kernels draw them: {@code random_(from, to)}
 * (aten/src/ATen/native/DistributionTemplates.h {@code random_from_to_impl}, with
 * {@code uniform_int_from_to_distribution} of core/DistributionsHelper.h) and {@code randperm_cpu}
 * (native/TensorFactories.cpp).
 */
final class RandomIntegers {
    private RandomIntegers() {}

    private static final long TWO_POW_32 = 1L << 32;

    /** {@code torch.randint(low, high, size)}: {@code empty(size).random_(low, high)}, one draw per element in order. */
    static Tensor randint(long low, long high, int[] shape, DType dtype, Generator gen) {
        if (low >= high) {
            throw EngineException.invalid("random_ expects 'from' to be less than 'to', but got from=" + low + " >= to=" + high);
        }
        Tensor r = Factories.zeros(shape, dtype);
        long from = low;
        long to = high;
        if (dtype.isFloating()) {
            from = updateFrom(from, dtype);
            to = updateTo(to, dtype);
            if (from >= to) {
                throw EngineException.invalid("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from="
                        + from + " >= to=" + to);
            }
        }
        if (dtype == DType.BOOL) {
            if (from < 0 || from > 1) throw EngineException.invalid("from is out of bounds for bool");
            if (to - 1 < 0 || to - 1 > 1) throw EngineException.invalid("to - 1 is out of bounds for bool");
        }
        long range = to - from;
        // uniform_int_from_to_distribution: a 64-bit draw only for 64-bit-wide dtypes and ranges of 2^32 or more.
        boolean wide = dtype != DType.BOOL && Long.compareUnsigned(range, TWO_POW_32) >= 0;
        for (int i = 0; i < r.numel; i++) {
            long draw = wide ? gen.random64() : Integer.toUnsignedLong(gen.random());
            store(r, i, Long.remainderUnsigned(draw, range) + from);
        }
        return r;
    }

    /** {@code torch.randperm(n)}: the swaps of {@code randperm_cpu}, one 32-bit draw per position but the last. */
    static Tensor randperm(int n, DType dtype, Generator gen) {
        if (dtype == DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"randperm\" not implemented for 'Bool'");
        }
        if (dtype == DType.FLOAT32 && n > (1 << 24) + 1) {
            throw EngineException.invalid("n cannot be greater than 2^24+1 for Float type.");
        }
        Tensor r = Factories.zeros(new int[] {n}, dtype);
        long[] perm = new long[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (Integer.toUnsignedLong(gen.random()) % (n - i));
            long saved = perm[i];
            perm[i] = perm[z + i];
            perm[z + i] = saved;
        }
        for (int i = 0; i < n; i++) store(r, i, perm[i]);
        return r;
    }

    private static void store(Tensor r, int i, long v) {
        switch (r.dtype) {
            case INT64 -> r.storage.i64[i] = v;
            case FLOAT32 -> r.storage.f32[i] = v;
            case FLOAT64 -> r.storage.f64[i] = v;
            case BOOL -> r.storage.bool[i] = v != 0;
        }
    }

    // DistributionTemplates.h update_from / update_to: bounds a float dtype cannot hold move inwards to ones it can.
    private static long updateFrom(long from, DType dtype) {
        long fromPlus1 = castThrough(from + 1, dtype);
        if (fromPlus1 < from) {
            long magnitude = Math.abs(from + 1);
            int n = 63 - Long.numberOfLeadingZeros(magnitude);
            from = fromPlus1 + (1L << (n - digits(dtype) + 1));
        }
        return from;
    }

    private static long updateTo(long to, DType dtype) {
        long toMinus1 = castThrough(to - 1, dtype);
        if (toMinus1 >= to) {
            long magnitude = Math.abs(to - 1);
            int n = 63 - Long.numberOfLeadingZeros(magnitude);
            to = toMinus1 - (1L << (n - digits(dtype) + 1));
        }
        return to;
    }

    private static long castThrough(long v, DType dtype) {
        return dtype == DType.FLOAT32 ? (long) (float) v : (long) (double) v;
    }

    private static int digits(DType dtype) {
        return dtype == DType.FLOAT32 ? 24 : 53;
    }
}
