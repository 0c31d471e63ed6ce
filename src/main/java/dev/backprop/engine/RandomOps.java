package dev.backprop.engine;

import dev.backprop.engine.random.Generator;

/**
 * The random factories, drawing from a session's {@link Generator} exactly as PyTorch's CPU kernels
 * draw (aten/src/ATen/native/Distributions.cpp): {@code rand}, {@code randn}, {@code rand_like},
 * {@code randn_like}, {@code uniform_} and the four forms of {@code torch.normal}. Their results never
 * require grad.
 */
public final class RandomOps {
    private RandomOps() {}

    public static Tensor rand(int[] shape, DType dtype, Generator gen) {
        return uniform(shape, dtype, 0, 1, gen);
    }

    public static Tensor uniform(int[] shape, DType dtype, double from, double to, Generator gen) {
        Tensor r = Factories.zeros(shape, dtype);
        requireFloating(dtype, "check_uniform_bounds");
        double max = dtype == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        String type = dtype == DType.FLOAT32 ? "float" : "double";
        if (!(from >= -max && from <= max)) throw EngineException.invalid("from is out of bounds for " + type);
        if (!(to >= -max && to <= max)) throw EngineException.invalid("to is out of bounds for " + type);
        if (from > to) {
            throw EngineException.invalid("uniform_ expects to return a [from, to) range, but found from=" + CppDouble.format(from)
                    + " > to=" + CppDouble.format(to));
        }
        if (to - from > max) {
            throw EngineException.invalid("uniform_ expects to-from <= std::numeric_limits<" + dtype.torchName() + ">::max(), but found to="
                    + CppDouble.format(to) + " and from=" + CppDouble.format(from) + " which result in to-from to exceed the limit");
        }
        if (dtype == DType.FLOAT32) gen.uniform(r.storage.f32, 0, r.numel, from, to);
        else gen.uniform(r.storage.f64, 0, r.numel, from, to);
        return r;
    }

    /** {@code torch.rand_like(input)}: {@code empty_like(input).uniform_(0, 1)}, filled in the new tensor's memory order. */
    public static Tensor randLike(Tensor input, DType dtype, Generator gen) {
        requireFloating(dtype, "check_uniform_bounds");
        Tensor r = LikeLayout.of(input).empty(dtype);
        if (dtype == DType.FLOAT32) gen.uniform(r.storage.f32, 0, r.numel, 0, 1);
        else gen.uniform(r.storage.f64, 0, r.numel, 0, 1);
        return r;
    }

    /**
     * {@code torch.randn_like(input)}: {@code empty_like(input).normal_(0, 1)}; a layout that is not contiguous
     * takes the scalar sampler element by element in memory order, as {@code normal_kernel} does.
     */
    public static Tensor randnLike(Tensor input, DType dtype, Generator gen) {
        requireFloating(dtype, "normal_kernel_cpu");
        Tensor r = LikeLayout.of(input).empty(dtype);
        if (r.isContiguous()) return normalFill(r, 0, 1, gen);
        for (int k = 0; k < r.numel; k++) {
            double v = gen.normal(0, 1);
            if (dtype == DType.FLOAT32) r.storage.f32[k] = (float) v;
            else r.storage.f64[k] = v;
        }
        return r;
    }

    public static Tensor randn(int[] shape, DType dtype, Generator gen) {
        return normalFill(Factories.zeros(shape, dtype), 0, 1, gen);
    }

    /** {@code torch.normal(mean, std, size)} with number mean and std. */
    public static Tensor normal(double mean, double std, int[] shape, DType dtype, Generator gen) {
        return normalFill(Factories.zeros(shape, dtype), mean, std, gen);
    }

    /** {@code torch.normal(mean_tensor, std)}: {@code normal_(0, std)} then {@code add_(mean)}. */
    public static Tensor normal(Tensor mean, double std, Generator gen) {
        requireFloating(mean.dtype, "normal");
        Tensor out = normalFill(Factories.zeros(mean.shape, mean.dtype), 0, std, gen);
        return addInto(out, mean);
    }

    /** {@code torch.normal(mean, std_tensor)}: {@code normal_(0, 1)}, {@code mul_(std)}, {@code add_(mean)}. */
    public static Tensor normal(double mean, Tensor std, Generator gen) {
        requireFloating(std.dtype, "normal");
        checkStd(std);
        Tensor out = normalFill(Factories.zeros(std.shape, std.dtype), 0, 1, gen);
        try (GradMode.Scope ignored = GradMode.disable()) {
            return out.mul(std.detach()).add(mean);
        }
    }

    /** {@code torch.normal(mean_tensor, std_tensor)} over their broadcast shape. */
    public static Tensor normal(Tensor mean, Tensor std, Generator gen) {
        requireFloating(mean.dtype, "normal");
        checkStd(std);
        int[] shape = Shapes.broadcast(mean.shape, std.shape);
        Tensor out = normalFill(Factories.zeros(shape, DType.promote(mean.dtype, std.dtype)), 0, 1, gen);
        try (GradMode.Scope ignored = GradMode.disable()) {
            return out.mul(std.detach()).add(mean.detach());
        }
    }

    private static Tensor addInto(Tensor out, Tensor mean) {
        try (GradMode.Scope ignored = GradMode.disable()) {
            return out.add(mean.detach());
        }
    }

    private static Tensor normalFill(Tensor r, double mean, double std, Generator gen) {
        requireFloating(r.dtype, "normal_kernel_cpu");
        if (!(std >= 0)) {
            throw EngineException.invalid("normal expects std >= 0.0, but found std " + formatStd(std));
        }
        if (r.dtype == DType.FLOAT32) gen.normal(r.storage.f32, 0, r.numel, mean, std);
        else gen.normal(r.storage.f64, 0, r.numel, mean, std);
        return r;
    }

    private static void checkStd(Tensor std) {
        for (int i = 0; i < std.numel; i++) {
            if (!(std.getDouble(i) >= 0)) {
                throw EngineException.invalid("normal expects all elements of std >= 0.0");
            }
        }
    }

    private static String formatStd(double std) {
        return std == Math.rint(std) ? String.valueOf((long) std) : String.valueOf(std);
    }

    private static void requireFloating(DType dtype, String kernel) {
        if (!dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"" + kernel + "\" not implemented for '" + dtype.torchName() + "'");
        }
    }
}
