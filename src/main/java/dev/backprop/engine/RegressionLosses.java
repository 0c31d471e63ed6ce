package dev.backprop.engine;

import java.util.Arrays;

/**
 * {@code l1_loss}, {@code smooth_l1_loss} ({@code SmoothL1LossBackward0}) and {@code huber_loss}
 * ({@code HuberLossBackward0}) as {@code torch.nn.functional} calls them: input and target broadcast to
 * one shape first. {@code l1_loss} is ATen's composite {@code (input - target).abs()} then the reduction;
 * the other two are one node each, with the per-element losses of aten/src/ATen/native/cpu/PointwiseOpsKernel.cpp
 * computed in the dtype's own arithmetic and the derivatives of tools/autograd/derivatives.yaml in tensor ops.
 */
final class RegressionLosses {
    private RegressionLosses() {}

    static Tensor l1Loss(Tensor input, Tensor target, String reduction) {
        Tensor[] pair = broadcast(input, target);
        Tensor loss = pair[0].sub(pair[1]).abs();
        return Reduction.parse(reduction).apply(loss);
    }

    static Tensor smoothL1Loss(Tensor input, Tensor target, String reduction, double beta) {
        Tensor[] pair = broadcast(input, target);
        Reduction r = Reduction.parse(reduction);
        if (beta < 0) throw EngineException.invalid("smooth_l1_loss does not support negative values for beta.");
        return pointwise("SmoothL1LossBackward0", "smooth_l1_cpu", pair[0], pair[1], r, beta, false);
    }

    static Tensor huberLoss(Tensor input, Tensor target, String reduction, double delta) {
        Tensor[] pair = broadcast(input, target);
        Reduction r = Reduction.parse(reduction);
        if (delta <= 0) throw EngineException.invalid("huber_loss does not support non-positive values for delta.");
        return pointwise("HuberLossBackward0", "huber_cpu", pair[0], pair[1], r, delta, true);
    }

    /** {@code torch.broadcast_tensors(input, target)}. */
    private static Tensor[] broadcast(Tensor input, Tensor target) {
        int[] shape = Shapes.broadcast(input.shape, target.shape);
        return new Tensor[] {
            Arrays.equals(input.shape, shape) ? input : input.expand(shape),
            Arrays.equals(target.shape, shape) ? target : target.expand(shape)};
    }

    /**
     * Smooth L1 ({@code z < beta ? 0.5 z^2 / beta : z - 0.5 beta}) or Huber ({@code z < delta ? 0.5 z^2 : delta (z - 0.5 delta)})
     * of {@code z = |input - target|}, reduced.
     */
    private static Tensor pointwise(String gradFn, String kernel, Tensor input, Tensor target, Reduction reduction, double bound,
                                    boolean huber) {
        DType dtype = TypePromotion.resultType(input, target);
        if (!dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"" + kernel + "\" not implemented for '" + dtype.torchName() + "'");
        }
        int n = input.numel;
        Tensor loss = Tensor.empty(dtype, input.shape);
        if (dtype == DType.FLOAT32) {
            float[] a = input.to(dtype).readF32(), b = target.to(dtype).readF32(), o = loss.storage.f32;
            float k = (float) bound;
            for (int i = 0; i < n; i++) {
                float z = Math.abs(a[i] - b[i]);
                o[i] = huber ? (z < k ? 0.5f * z * z : k * (z - 0.5f * k)) : (z < k ? 0.5f * z * z / k : z - 0.5f * k);
            }
        } else {
            double[] a = input.to(dtype).readF64(), b = target.to(dtype).readF64(), o = loss.storage.f64;
            for (int i = 0; i < n; i++) {
                double z = Math.abs(a[i] - b[i]);
                o[i] = huber ? (z < bound ? 0.5 * z * z : bound * (z - 0.5 * bound)) : (z < bound ? 0.5 * z * z / bound : z - 0.5 * bound);
            }
        }
        Tensor r;
        try (GradMode.Scope ignored = GradMode.disable()) {
            r = reduction.apply(loss);
        }
        if (Graph.needsGrad(input, target)) {
            Graph.record(gradFn, r, new Tensor[] {input, target}, new Tensor[] {input, target}, ctx -> {
                Tensor self = ctx.saved(0), other = ctx.saved(1);
                Tensor g = reduction == Reduction.MEAN ? ctx.grad().div(n) : ctx.grad();
                Tensor gi = g.mul(slope(self.sub(other), bound, huber));
                return new Tensor[] {ctx.needs(0) ? gi : null, ctx.needs(1) ? gi.neg() : null};
            });
        }
        return r;
    }

    /**
     * The loss's derivative in {@code d = input - target}: {@code -1}, {@code d / beta} or {@code 1} for smooth L1 (split at
     * {@code d <= -beta} and {@code d >= beta}, as smooth_l1_backward is), {@code -delta}, {@code d} or {@code delta} for Huber.
     */
    private static Tensor slope(Tensor d, double bound, boolean huber) {
        Tensor inside = huber ? d : bound == 0 ? d.mulScalar(0) : d.div(bound);
        double edge = huber ? bound : 1;
        return Tensor.where(d.le(-bound), Tensor.wrap(-edge), Tensor.where(d.ge(bound), Tensor.wrap(edge), inside));
    }
}
