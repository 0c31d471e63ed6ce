package dev.backprop.engine;

import dev.backprop.engine.random.Generator;

/**
 * {@code torch.nn.functional.dropout} as PyTorch 1.13 computes it on CPU (aten/src/ATen/native/Dropout.cpp
 * {@code _dropout_impl}): a row-major noise tensor ({@code empty_like(input, LEGACY_CONTIGUOUS_MEMORY_FORMAT)}) filled by
 * {@code bernoulli_(1 - p)} and divided by {@code 1 - p}, then {@code input * noise}, so the gradient is
 * the noise ({@code MulBackward0}). With p = 0, outside training or on an empty input the input itself is
 * the answer; with p = 1 it is {@code input * zeros({})}.
 */
final class Dropout {
    private Dropout() {}

    static Tensor apply(Tensor input, double p, boolean training, Generator gen) {
        check(p);
        if (keepsInput(input, p, training)) return input;
        if (p == 1) return input.mul(Factories.zeros(new int[0], input.dtype));
        if (!input.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH,
                    "result type Float can't be cast to the desired output type " + input.dtype.torchName());
        }
        Tensor noise = Factories.zeros(input.shape, input.dtype);
        Bernoulli.fill(noise, 1 - p, gen);
        // noise.div_(1 - p): the divisor is rounded to the tensor's dtype first, as a wrapped scalar is.
        if (input.dtype == DType.FLOAT32) {
            float keep = (float) (1 - p);
            for (int k = 0; k < noise.numel; k++) noise.storage.f32[k] /= keep;
        } else {
            for (int k = 0; k < noise.numel; k++) noise.storage.f64[k] /= 1 - p;
        }
        return input.mul(noise);
    }

    /** Whether dropout answers its input unchanged: nothing is dropped. */
    static boolean keepsInput(Tensor input, double p, boolean training) {
        return p == 0 || !training || input.numel == 0;
    }

    static void check(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw EngineException.invalid("dropout probability has to be between 0 and 1, but got " + CppDouble.format(p));
        }
    }
}
