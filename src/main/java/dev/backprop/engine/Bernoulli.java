package dev.backprop.engine;

import dev.backprop.engine.random.Generator;

/**
 * {@code torch.bernoulli} as PyTorch 1.13's CPU kernels draw it without MKL
 * (aten/src/ATen/native/cpu/DistributionTemplates.h {@code bernoulli_kernel}): one uniform per element of a
 * new row-major tensor, in order, 1 where it falls below the element's probability. A float32 probability draws a float
 * uniform (one 32-bit draw), a float64 one or a number p a double uniform (one 64-bit draw).
 */
final class Bernoulli {
    private Bernoulli() {}

    /** {@code torch.bernoulli(input)}: each element of {@code input} is a probability; the result has its dtype. */
    static Tensor sample(Tensor probs, Generator gen) {
        if (!probs.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH,
                    "\"bernoulli_tensor_cpu_p_\" not implemented for '" + probs.dtype.torchName() + "'");
        }
        // at::bernoulli makes its result with LEGACY_CONTIGUOUS_MEMORY_FORMAT: row-major whatever the input's layout.
        Tensor r = Factories.zeros(probs.shape, probs.dtype);
        for (int i = 0; i < r.numel; i++) {
            double p = probs.getDouble(i);
            if (!(p >= 0 && p <= 1)) {
                throw EngineException.invalid("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  "
                        + "(Could this error message be improved?  If so, please report an enhancement request to PyTorch.)");
            }
        }
        boolean single = probs.dtype == DType.FLOAT32;
        for (int i = 0; i < r.numel; i++) {
            double p = probs.getDouble(i);
            boolean one = single ? gen.nextFloat() < (float) p : gen.nextDouble() < p;
            if (single) r.storage.f32[i] = one ? 1 : 0;
            else r.storage.f64[i] = one ? 1 : 0;
        }
        if (Graph.needsGrad(probs)) {
            // derivatives.yaml: bernoulli(Tensor self): self: zeros_like(grad)
            Graph.record("BernoulliBackward0", r, new Tensor[] {probs}, new Tensor[0], ctx -> Graph.one(ctx.grad().mulScalar(0)));
        }
        return r;
    }

    /** {@code torch.bernoulli(input, p)}: a tensor of {@code input}'s shape and dtype, each element 1 with probability p. */
    static Tensor sample(Tensor input, double p, Generator gen) {
        Tensor r = Factories.zeros(input.shape, input.dtype);
        fill(r, p, gen);
        return r;
    }

    /** {@code bernoulli_(p)} on a new dense tensor: its storage in order, which is its memory order. */
    static void fill(Tensor r, double p, Generator gen) {
        if (!(p >= 0 && p <= 1)) {
            throw EngineException.invalid("bernoulli_ expects p to be in [0, 1], but got p=" + CppDouble.format(p));
        }
        for (int k = 0; k < r.numel; k++) {
            boolean one = gen.nextDouble() < p;
            switch (r.dtype) {
                case FLOAT32 -> r.storage.f32[k] = one ? 1 : 0;
                case FLOAT64 -> r.storage.f64[k] = one ? 1 : 0;
                case INT64 -> r.storage.i64[k] = one ? 1 : 0;
                case BOOL -> r.storage.bool[k] = one;
            }
        }
    }
}
