package dev.backprop.engine;

/** {@code zeros}, {@code ones}, {@code full}, {@code arange}: tensors made from nothing but arguments. */
public final class Factories {
    private Factories() {}

    public static Tensor zeros(int[] shape, DType dtype) {
        checkShape(shape);
        return Tensor.empty(dtype, shape.clone());
    }

    public static Tensor ones(int[] shape, DType dtype) {
        return full(shape, 1, dtype);
    }

    /** {@code torch.full(size, fill_value, dtype)}. */
    public static Tensor full(int[] shape, double value, DType dtype) {
        checkShape(shape);
        return Kernels.filled(shape.clone(), dtype, CheckedConvert.toElement(value, dtype));
    }

    /** {@code torch.arange(start, end, step)}; the dtype is int64 when all three are integers, else float32, unless given. */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        if (step == 0) {
            throw EngineException.invalid("step must be nonzero");
        }
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            throw EngineException.invalid("unsupported range: " + start + " -> " + end);
        }
        if ((step > 0 && end < start) || (step < 0 && end > start)) {
            throw EngineException.invalid("upper bound and larger bound inconsistent with step sign");
        }
        double count = Math.ceil((end - start) / step);
        if (count > Integer.MAX_VALUE) {
            throw EngineException.invalid("arange of " + (long) count + " elements is too large");
        }
        int n = (int) count;
        Tensor r = Tensor.empty(dtype, new int[] {n});
        for (int i = 0; i < n; i++) {
            double v = start + i * step;
            switch (dtype) {
                case FLOAT32 -> r.storage.f32[i] = (float) v;
                case FLOAT64 -> r.storage.f64[i] = v;
                case INT64 -> r.storage.i64[i] = (long) v;
                case BOOL -> throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"arange_cpu\" not implemented for 'Bool'");
            }
        }
        return r;
    }

    static Tensor zerosLike(Tensor t) {
        return Tensor.empty(t.dtype, t.shape);
    }

    private static void checkShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw EngineException.invalid("Trying to create tensor with negative dimension " + s + ": " + Shapes.format(shape));
            }
        }
        Shapes.numel(shape);
    }
}
