package dev.backprop.engine;

import java.util.Arrays;

/**
 * {@code nll_loss} and {@code cross_entropy} as PyTorch 1.13 composes them (aten/src/ATen/native/LossNLL.cpp):
 * {@code nll_loss_nd} sends 1-D and 2-D inputs to {@code nll_loss} ({@code NllLossBackward0}), 4-D ones to
 * {@code nll_loss2d} ({@code NllLoss2DBackward0}) and other ranks through {@code nll_loss2d} on an
 * {@code (N, C, 1, L)} view (a view back to {@code (N, d1, ...)} without reduction: {@code ViewBackward0}).
 * {@code cross_entropy} is {@code log_softmax} then {@code nll_loss_nd} for class indices, and the
 * composites of {@code cross_entropy_loss_prob_target} and {@code cross_entropy_loss_label_smoothing}
 * otherwise, whose grad_fns are those of their last ops.
 */
final class ClassificationLosses {
    /** C++'s {@code div(Tensor, Scalar)}, which the class-probability path ends with ({@code DivBackward1}). */
    private static final BinaryOp DIV_SCALAR = new BinaryOp("div", "DivBackward1", (x, y) -> x / y, null,
            BinaryOp.OTHER, (g, self, other, r) -> g.div(other), 0, (g, self, other, r) -> null);

    private ClassificationLosses() {}

    static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, Reduction reduction, long ignoreIndex) {
        if (input.dim() < 1) throw EngineException.invalid("Expected 1 or more dimensions (got " + input.dim() + ")");
        int targetBatch = target.dim() == 0 ? 0 : target.shape[0];
        if (input.dim() != 1 && input.shape[0] != targetBatch) {
            throw EngineException.shape("Expected input batch_size (" + input.shape[0] + ") to match target batch_size (" + targetBatch + ").");
        }
        if (input.dim() <= 2) {
            checkNll(input, target, weight);
            return NllKernel.loss("NllLossBackward0", "nll_loss_out_frame", input, target, weight, reduction, ignoreIndex, input.dim() == 1 ? new int[0]
                    : new int[] {input.shape[0]});
        }
        int[] outShape = ShapeOps.remove(input.shape, 1);
        if (input.dim() == 4) {
            checkNll2d(input, target, weight);
            return NllKernel.loss("NllLoss2DBackward0", "nll_loss2d_forward_out_frame", input, target, weight, reduction, ignoreIndex,
                    outShape);
        }
        if (!Arrays.equals(Arrays.copyOfRange(target.shape, 1, target.dim()), Arrays.copyOfRange(input.shape, 2, input.dim()))) {
            throw EngineException.shape("Expected target size " + Shapes.format(outShape) + ", got " + Shapes.format(target.shape));
        }
        checkWeight2d(input, weight);
        int batch = input.shape[0];
        int[] flatShape = {batch, 1, Shapes.numel(outShape) / Math.max(batch, 1)};
        Tensor out = NllKernel.loss("NllLoss2DBackward0", "nll_loss2d_forward_out_frame", input, target, weight, reduction, ignoreIndex,
                reduction == Reduction.NONE ? flatShape : outShape);
        return reduction == Reduction.NONE ? out.view(outShape) : out;
    }

    private static void checkNll(Tensor input, Tensor target, Tensor weight) {
        if (target.dim() > 1) throw EngineException.shape("0D or 1D target tensor expected, multi-target not supported");
        boolean noBatchDim = input.dim() == 1 && target.dim() == 0;
        if (!noBatchDim && input.shape[0] != target.shape[0]) {
            throw EngineException.shape("size mismatch (got input: " + Shapes.format(input.shape) + ", target: " + Shapes.format(target.shape)
                    + ")");
        }
        int classes = input.shape[input.dim() - 1];
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw EngineException.shape("weight tensor should be defined either for all " + classes + " classes or no classes but got weight "
                    + "tensor of shape: " + Shapes.format(weight.shape));
        }
    }

    private static void checkNll2d(Tensor input, Tensor target, Tensor weight) {
        if (target.dim() != 3) {
            throw EngineException.shape("only batches of spatial targets supported (3D tensors) but got targets of dimension: " + target.dim());
        }
        checkWeight2d(input, weight);
        int[] s = input.shape, t = target.shape;
        if (s[0] != t[0] || s[2] != t[1] || s[3] != t[2]) {
            throw EngineException.shape("size mismatch (got input: " + Shapes.format(s) + " , target: " + Shapes.format(t));
        }
    }

    private static void checkWeight2d(Tensor input, Tensor weight) {
        if (weight != null && weight.numel() != input.shape[1]) {
            throw EngineException.shape("weight tensor should be defined either for all or no classes");
        }
    }

    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction, long ignoreIndex, double labelSmoothing) {
        if (Arrays.equals(input.shape, target.shape)) {
            if (!target.dtype.isFloating()) {
                throw new EngineException(ErrorCode.DTYPE_MISMATCH, "Expected floating point type for target with class probabilities, got "
                        + target.dtype.torchName());
            }
            if (ignoreIndex >= 0) throw EngineException.invalid("ignore_index is not supported for floating point target");
            return probabilityTarget(input, target, weight, reduction, labelSmoothing);
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        if (labelSmoothing > 0) {
            checkSmoothing(labelSmoothing);
            return labelSmoothing(input, target, weight, reduction, ignoreIndex, labelSmoothing);
        }
        return nllLoss(SoftmaxOps.logSoftmax(input, classDim, null), target, weight, reduction, ignoreIndex);
    }

    /** {@code cross_entropy_loss_prob_target}: {@code -(log_softmax(x) * target * weight)} summed over classes. */
    private static Tensor probabilityTarget(Tensor self, Tensor target, Tensor weight, Reduction reduction, double labelSmoothing) {
        int classDim = self.dim() == 1 ? 0 : 1;
        int classes = self.shape[Shapes.wrapDim(classDim, self.dim())];
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw EngineException.shape("cross_entropy: weight tensor should be defined either for all " + classes + " classes or no classes "
                    + "but got weight tensor of shape: " + Shapes.format(weight.shape));
        }
        Tensor input = SoftmaxOps.logSoftmax(self, classDim, null);
        Tensor t = target;
        if (labelSmoothing > 0) {
            checkSmoothing(labelSmoothing);
            t = target.mulScalar(1 - labelSmoothing).add(labelSmoothing / classes);
        }
        Tensor product = input.mul(t);
        if (weight != null) product = product.mul(input.dim() > 1 ? weight.view(classShape(input, classDim, classes)) : weight);
        return switch (reduction) {
            case MEAN -> DIV_SCALAR.apply(product.sum().neg(), Tensor.wrap((long) (input.numel() / classes)));
            case SUM -> product.sum().neg();
            case NONE -> product.sum(new int[] {classDim}, false).neg();
        };
    }

    /** {@code cross_entropy_loss_label_smoothing}: {@code (1 - s) nll_loss + s / C} times the loss against the uniform distribution. */
    private static Tensor labelSmoothing(Tensor self, Tensor target, Tensor weight, Reduction reduction, long ignoreIndex, double smoothing) {
        int classDim = self.dim() == 1 ? 0 : 1;
        Tensor input = SoftmaxOps.logSoftmax(self, classDim, null);
        Tensor nll = nllLoss(input, target, weight, reduction, ignoreIndex);
        int classes = input.shape[classDim];
        Tensor ignored = target.eq(Tensor.wrap(ignoreIndex));
        Tensor smooth = (weight == null ? input : input.mul(weight.view(classShape(input, classDim, classes))))
                .sum(new int[] {classDim}, false).neg();
        smooth = Tensor.where(ignored, Tensor.wrap(0.0), smooth);
        Tensor ret = switch (reduction) {
            case MEAN -> smooth.sum().div(kept(weight, target, ignored));
            case SUM -> smooth.sum();
            case NONE -> smooth;
        };
        return nll.mulScalar(1 - smoothing).add(ret.mulScalar(smoothing / classes));
    }

    /**
     * What the smoothed mean divides by: the count of targets kept ({@code (~ignore_mask).sum()}), or their weight
     * ({@code weight.gather(0, target.masked_select(~ignore_mask)).sum()}).
     */
    private static Tensor kept(Tensor weight, Tensor target, Tensor ignored) {
        long[] t = target.readI64();
        boolean[] skip = ignored.readBool();
        int count = 0;
        for (boolean s : skip) if (!s) count++;
        if (weight == null) return Tensor.of(new long[] {count});
        double[] picked = new double[count];
        for (int i = 0, k = 0; i < t.length; i++) if (!skip[i]) picked[k++] = weight.getDouble((int) t[i]);
        return Tensor.of(picked, count).to(weight.dtype).sum();
    }

    private static int[] classShape(Tensor input, int classDim, int classes) {
        int[] shape = new int[input.dim()];
        Arrays.fill(shape, 1);
        shape[classDim] = classes;
        return shape;
    }

    private static void checkSmoothing(double labelSmoothing) {
        if (labelSmoothing > 1.0) {
            throw EngineException.invalid("label_smoothing must be between 0.0 and 1.0. Got: " + CppDouble.format(labelSmoothing));
        }
    }
}
