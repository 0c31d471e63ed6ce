package dev.backprop.engine;

import java.util.Arrays;

/**
 * The losses of {@code torch.nn.functional}, each one node as in PyTorch
 * ({@code BinaryCrossEntropyBackward0}, {@code BinaryCrossEntropyWithLogitsBackward0},
 * {@code MseLossBackward0}), with forwards from aten/src/ATen/native/Loss.cpp and backwards written in
 * tensor ops in the order PyTorch's kernels compute them.
 */
final class Losses {
    private static final double EPSILON = 1e-12;

    private Losses() {}

    static Tensor binaryCrossEntropy(Tensor x, Tensor y, Tensor weight, Reduction reduction) {
        if (!Arrays.equals(x.shape, y.shape)) {
            throw EngineException.shape("Using a target size (" + Shapes.torchSize(y.shape) + ") that is different to the input size ("
                    + Shapes.torchSize(x.shape) + ") is deprecated. Please ensure they have the same size.");
        }
        requireFloating(x, "binary_cross_entropy");
        Tensor target = y.to(x.dtype);
        int n = x.numel;
        Tensor loss = Tensor.empty(x.dtype, x.shape);
        if (x.dtype == DType.FLOAT32) {
            float[] a = x.readF32(), t = target.readF32(), o = loss.storage.f32;
            for (int i = 0; i < n; i++) checkProbability(a[i]);
            VectorKernels.binaryCrossEntropy(a, t, o, n);
        } else {
            double[] a = x.readF64(), t = target.readF64(), o = loss.storage.f64;
            for (int i = 0; i < n; i++) {
                double v = a[i];
                checkProbability(v);
                o[i] = (t[i] - 1) * Math.max(Math.log1p(-v), -100) - t[i] * Math.max(Math.log(v), -100);
            }
        }
        Tensor weighted = weight == null ? loss : loss.mul(weight.detach());
        Tensor r = reduce(weighted, reduction);
        if (Graph.needsGrad(x, y)) {
            Graph.record("BinaryCrossEntropyBackward0", r, new Tensor[] {x, y}, new Tensor[] {x, y, weight}, ctx -> {
                Tensor self = ctx.saved(0), tgt = ctx.saved(1).to(self.dtype), w = weight == null ? null : ctx.saved(2);
                Tensor g = ctx.grad();
                Tensor gi = null, gt = null;
                if (ctx.needs(0)) {
                    gi = FusedBackward.binaryCrossEntropy(g, self, tgt, w, reduction);
                    if (gi == null) {
                        Tensor denominator = Tensor.wrap(1).sub(self).mul(self).clamp(EPSILON, null);
                        gi = finish(g.mul(self.sub(tgt)).div(denominator), w, reduction, n);
                    }
                }
                if (ctx.needs(1)) {
                    gt = finish(g.mul(Tensor.wrap(1).sub(self).log().sub(self.log())), w, reduction, n);
                }
                return new Tensor[] {gi, gt};
            });
        }
        return r;
    }

    static Tensor binaryCrossEntropyWithLogits(Tensor x, Tensor y, Tensor weight, Tensor posWeight, Reduction reduction) {
        if (!Arrays.equals(x.shape, y.shape)) {
            throw EngineException.shape("Target size (" + Shapes.torchSize(y.shape) + ") must be the same as input size ("
                    + Shapes.torchSize(x.shape) + ")");
        }
        requireFloating(x, "binary_cross_entropy_with_logits");
        Tensor loss;
        int n = x.numel;
        try (GradMode.Scope ignored = GradMode.disable()) {
            Tensor target = y.to(x.dtype);
            Tensor maxVal = x.neg().clamp(0.0, null);
            Tensor logTerm = maxVal.neg().exp().add(x.neg().sub(maxVal).exp()).log();
            Tensor oneMinusT = Tensor.wrap(1).sub(target);
            if (posWeight == null) {
                loss = oneMinusT.mul(x).add(maxVal).add(logTerm);
            } else {
                Tensor logWeight = posWeight.sub(1).mul(target).add(1);
                loss = oneMinusT.mul(x).add(logWeight.mul(logTerm.add(maxVal)));
            }
            if (weight != null) loss = loss.mul(weight);
            loss = reduce(loss, reduction);
        }
        Tensor r = loss;
        if (Graph.needsGrad(x, y)) {
            Graph.record("BinaryCrossEntropyWithLogitsBackward0", r, new Tensor[] {x, y}, new Tensor[] {x, y, weight, posWeight}, ctx -> {
                Tensor self = ctx.saved(0), tgt = ctx.saved(1).to(self.dtype);
                Tensor w = weight == null ? null : ctx.saved(2), pw = posWeight == null ? null : ctx.saved(3);
                Tensor g = ctx.grad();
                Tensor gi = null, gt = null;
                if (ctx.needs(0)) {
                    Tensor d;
                    if (pw == null) {
                        d = self.sigmoid().sub(tgt);
                    } else {
                        Tensor t = pw.mul(tgt);
                        d = t.add(1).sub(tgt).mul(self.sigmoid()).sub(t);
                    }
                    gi = finish(d.mul(g), w, reduction, n);
                }
                if (ctx.needs(1)) {
                    Tensor d = pw == null ? self.neg()
                            : Tensor.wrap(1).sub(self.sigmoid()).log().sub(self.sigmoid().log().mul(pw));
                    gt = finish(d.mul(g), w, reduction, n);
                }
                return new Tensor[] {gi, gt};
            });
        }
        return r;
    }

    static Tensor mseLoss(Tensor x, Tensor y, Reduction reduction) {
        requireFloating(x, "mse_loss");
        int[] shape = Shapes.broadcast(x.shape, y.shape);
        int n = Shapes.numel(shape);
        Tensor loss;
        try (GradMode.Scope ignored = GradMode.disable()) {
            Tensor d = x.sub(y);
            loss = reduce(d.mul(d), reduction);
        }
        Tensor r = loss;
        if (Graph.needsGrad(x, y)) {
            Graph.record("MseLossBackward0", r, new Tensor[] {x, y}, new Tensor[] {x, y}, ctx -> {
                Tensor self = ctx.saved(0), tgt = ctx.saved(1);
                double norm = reduction == Reduction.MEAN ? 2.0 / n : 2.0;
                Tensor g = ctx.grad();
                if (reduction == Reduction.NONE) g = g.expand(shape);
                Tensor gi = self.sub(tgt).mulScalar(norm).mul(g);
                return new Tensor[] {ctx.needs(0) ? gi : null, ctx.needs(1) ? gi.neg() : null};
            });
        }
        return r;
    }

    private static Tensor finish(Tensor grad, Tensor weight, Reduction reduction, int n) {
        Tensor g = weight == null ? grad : grad.mul(weight);
        return reduction == Reduction.MEAN ? g.div(n) : g;
    }

    private static Tensor reduce(Tensor loss, Reduction reduction) {
        try (GradMode.Scope ignored = GradMode.disable()) {
            return reduction.apply(loss);
        }
    }

    private static void checkProbability(double v) {
        if (!(v >= 0 && v <= 1)) {
            throw EngineException.invalid("all elements of input should be between 0 and 1");
        }
    }

    private static void requireFloating(Tensor x, String op) {
        if (!x.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"" + op + "\" not implemented for '" + x.dtype.torchName() + "'");
        }
    }
}
