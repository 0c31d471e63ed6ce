package dev.backprop.engine;

import java.util.Arrays;

/**
 * {@code torch.nn.functional.layer_norm} as PyTorch 1.13 computes it on CPU: the checks of
 * aten/src/ATen/native/layer_norm.h, and the kernel of aten/src/ATen/native/cpu/layer_norm_kernel.cpp
 * (moments by {@link RowwiseMoments}, {@code rstd = 1 / sqrt(var + eps)} with eps in the input's dtype,
 * then {@code fma(fma(x, rstd, -rstd * mean), gamma, beta)} as the compiled kernel fuses it). The
 * derivative ({@code NativeLayerNormBackward0}) recomputes the moments in tensor ops from the saved
 * input, so that it is itself differentiable (the double backward of derivatives.yaml).
 */
final class LayerNorm {
    private LayerNorm() {}

    static Tensor apply(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int rows = check(x, normalizedShape, weight, bias);
        int n = Shapes.numel(normalizedShape);
        Tensor y = forward(x, rows, n, weight, bias, eps);
        if (Graph.needsGrad(Arrays.asList(x, weight, bias))) {
            int[] dims = new int[normalizedShape.length];
            for (int i = 0; i < dims.length; i++) dims[i] = x.shape.length - dims.length + i;
            Graph.record("NativeLayerNormBackward0", y, new Tensor[] {x, weight, bias}, new Tensor[] {x, weight}, ctx -> {
                Tensor input = ctx.saved(0);
                Tensor w = weight == null ? null : ctx.saved(1);
                Tensor g = ctx.grad();
                Tensor centered = input.sub(input.mean(dims, true));
                Tensor rstd = centered.mul(centered).mean(dims, true).add(eps).pow(-0.5);
                Tensor normalized = centered.mul(rstd);
                Tensor gradInput = null;
                if (ctx.needs(0)) {
                    Tensor gw = w == null ? g : g.mul(w);
                    gradInput = rstd.mul(gw.sub(gw.mean(dims, true)).sub(normalized.mul(gw.mul(normalized).mean(dims, true))));
                }
                Tensor gradWeight = ctx.needs(1) ? g.mul(normalized).sumTo(normalizedShape) : null;
                Tensor gradBias = ctx.needs(2) ? g.sumTo(normalizedShape) : null;
                return new Tensor[] {gradInput, gradWeight, gradBias};
            });
        }
        return y;
    }

    /** layer_norm.h {@code _check_layer_norm_inputs} and the kernel's dtype checks; answers the number of rows. */
    private static int check(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias) {
        String shapeText = Shapes.format(normalizedShape);
        if (normalizedShape.length == 0) {
            throw EngineException.invalid("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least "
                    + "one element, but got normalized_shape = " + shapeText);
        }
        if (weight != null && !Arrays.equals(weight.shape, normalizedShape)) {
            throw EngineException.shape("Expected weight to be of same shape as normalized_shape, but got weight of shape "
                    + Shapes.format(weight.shape) + " and normalized_shape = " + shapeText);
        }
        if (bias != null && !Arrays.equals(bias.shape, normalizedShape)) {
            throw EngineException.shape("Expected bias to be of same shape as normalized_shape, but got bias of shape "
                    + Shapes.format(bias.shape) + " and normalized_shape = " + shapeText);
        }
        int rank = x.shape.length;
        int k = normalizedShape.length;
        if (rank < k || !Arrays.equals(Arrays.copyOfRange(x.shape, rank - k, rank), normalizedShape)) {
            StringBuilder expected = new StringBuilder("[*");
            for (int size : normalizedShape) expected.append(", ").append(size);
            throw EngineException.shape("Given normalized_shape=" + shapeText + ", expected input with shape " + expected
                    + "], but got input of size" + Shapes.format(x.shape));
        }
        if (!x.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"LayerNormKernelImpl\" not implemented for '" + x.dtype.torchName() + "'");
        }
        for (Tensor t : new Tensor[] {weight, bias}) {
            if (t != null && t.dtype != x.dtype) {
                throw new EngineException(ErrorCode.DTYPE_MISMATCH,
                        "expected scalar type " + x.dtype.torchName() + " but found " + t.dtype.torchName());
            }
        }
        return Shapes.numel(Arrays.copyOfRange(x.shape, 0, rank - k));
    }

    private static Tensor forward(Tensor x, int rows, int n, Tensor weight, Tensor bias, double eps) {
        Tensor y = Tensor.empty(x.dtype, x.shape);
        boolean float32 = x.dtype == DType.FLOAT32;
        double[] in = x.to(DType.FLOAT64).contiguous().readF64();
        double[] gamma = weight == null ? null : weight.to(DType.FLOAT64).contiguous().readF64();
        double[] beta = bias == null ? null : bias.to(DType.FLOAT64).contiguous().readF64();
        for (int i = 0; i < rows; i++) {
            double[] moments = RowwiseMoments.of(in, i * n, n, float32);
            int base = i * n;
            if (float32) {
                float rstd = 1f / (float) Math.sqrt((float) moments[1] + (float) eps);
                float shift = -rstd * (float) moments[0];
                for (int j = 0; j < n; j++) {
                    float g = gamma == null ? 1f : (float) gamma[j];
                    float b = beta == null ? 0f : (float) beta[j];
                    y.storage.f32[base + j] = Math.fma(Math.fma((float) in[base + j], rstd, shift), g, b);
                }
            } else {
                double rstd = 1 / Math.sqrt(moments[1] + eps);
                double shift = -rstd * moments[0];
                for (int j = 0; j < n; j++) {
                    double g = gamma == null ? 1 : gamma[j];
                    double b = beta == null ? 0 : beta[j];
                    y.storage.f64[base + j] = Math.fma(Math.fma(in[base + j], rstd, shift), g, b);
                }
            }
        }
        return y;
    }
}
