package dev.backprop.engine;

/**
 * The kernel of {@code nll_loss} and {@code nll_loss2d} over an input laid out as {@code (N, C, L)}: the loss
 * picks {@code -weight[t] * input[n, t, l]} at each target {@code t} that is not {@code ignore_index}. Reduced
 * losses add up in the input's dtype with PyTorch's cascade of partial sums (LossNLL.cpp, LossNLL2d.cpp), and
 * {@code mean} divides by the total weight of the targets kept. The backward scatters {@code -weight[t]} times
 * the gradient (divided by the total weight for {@code mean}) back to the targets' places.
 */
final class NllKernel {
    private static final int CASCADE_LEVELS = 8;

    private NllKernel() {}

    static Tensor loss(String gradFn, String kernel, Tensor input, Tensor target, Tensor weight, Reduction reduction, long ignoreIndex,
                       int[] outShape) {
        if (weight != null && weight.requiresGrad() && GradMode.isEnabled()) {
            String forward = gradFn.equals("NllLossBackward0") ? "nll_loss_forward" : "nll_loss2d_forward";
            throw EngineException.autograd("The function '" + forward + "' is not differentiable with respect to argument 'weight'. "
                    + "This input cannot have requires_grad True.");
        }
        if (!input.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"" + kernel + "\" not implemented for '" + input.dtype.torchName() + "'");
        }
        requireType(target, DType.INT64);
        if (weight != null) requireType(weight, input.dtype);
        int batch = input.dim() == 1 ? 1 : input.shape[0];
        int classes = input.dim() == 1 ? input.shape[0] : input.shape[1];
        int inner = batch * classes == 0 ? 0 : input.numel / (batch * classes);
        double[] x = input.readF64();
        long[] t = target.readI64();
        double[] w = weight == null ? null : weight.readF64();
        boolean f32 = input.dtype == DType.FLOAT32;
        double[] picked = new double[input.numel];
        boolean[] atTarget = new boolean[input.numel];
        double[] losses = new double[batch * inner];
        boolean[] kept = new boolean[batch * inner];
        for (int n = 0; n < batch; n++) {
            for (int l = 0; l < inner; l++) {
                int i = n * inner + l;
                long c = t[i];
                if (c == ignoreIndex) continue;
                if (c < 0 || c >= classes) throw new EngineException(ErrorCode.INVALID_ARGUMENT, "Target " + c + " is out of bounds.");
                int at = (n * classes + (int) c) * inner + l;
                double wc = w == null ? 1 : w[(int) c];
                picked[at] = wc;
                atTarget[at] = true;
                kept[i] = true;
                losses[i] = round(f32, x[at] * wc);
            }
        }
        Tensor result;
        double totalWeight = 0;
        if (reduction == Reduction.NONE) {
            result = Tensor.empty(input.dtype, outShape);
            for (int i = 0; i < losses.length; i++) set(result, i, kept[i] ? -losses[i] : 0);
        } else {
            double[] sums = cascade(losses, picked, t, kept, classes, inner, f32);
            totalWeight = w == null ? round(f32, sums[1]) : sums[1];
            double out = reduction == Reduction.MEAN ? round(f32, sums[0] / totalWeight) : sums[0];
            result = Tensor.empty(input.dtype, new int[0]);
            set(result, 0, out);
        }
        if (Graph.needsGrad(input)) {
            for (int i = 0; i < picked.length; i++) picked[i] = -picked[i];
            Tensor negatedWeight = Tensor.of(picked, input.shape).to(input.dtype);
            Tensor atTargets = Tensor.of(atTarget, input.shape);
            double total = totalWeight;
            int[] gradShape = input.dim() == 1 ? new int[0] : withClassOne(input.shape);
            Graph.record(gradFn, result, new Tensor[] {input}, new Tensor[] {negatedWeight, atTargets}, ctx -> {
                Tensor g = reduction == Reduction.NONE ? ctx.grad().reshape(gradShape) : ctx.grad();
                if (reduction == Reduction.MEAN) g = g.div(total);
                // zeros off the targets (+0 whatever the gradient's sign), as the kernel writes only the targets' places
                return Graph.one(Tensor.where(ctx.saved(1), g.mul(ctx.saved(0)), Tensor.wrap(0.0)));
            });
        }
        return result;
    }

    /**
     * The loss and the weight summed in the input's dtype as PyTorch does: level 0 takes each term, and every
     * {@code 2^power} terms a level's sum moves up one level, so long sums stay accurate in float32.
     */
    private static double[] cascade(double[] losses, double[] picked, long[] t, boolean[] kept, int classes, int inner, boolean f32) {
        int n = losses.length;
        int power = Math.max(4, ceilLog2(n) / CASCADE_LEVELS);
        long mask = (1L << power) - 1;
        double[] loss = new double[CASCADE_LEVELS], weight = new double[CASCADE_LEVELS];
        for (int i = 0; i < n; i++) {
            if (!kept[i]) continue;
            int at = ((i / inner) * classes + (int) t[i]) * inner + i % inner;
            weight[0] = round(f32, weight[0] + picked[at]);
            loss[0] = round(f32, loss[0] - losses[i]);
            for (int j = 0; j + 1 < CASCADE_LEVELS; j++) {
                if ((i & (mask << (j * power))) != 0) break;
                weight[j + 1] = round(f32, weight[j + 1] + weight[j]);
                loss[j + 1] = round(f32, loss[j + 1] + loss[j]);
                weight[j] = 0;
                loss[j] = 0;
            }
        }
        double totalLoss = 0, totalWeight = 0;
        for (int j = 0; j < CASCADE_LEVELS; j++) {
            totalLoss = round(f32, totalLoss + loss[j]);
            totalWeight = round(f32, totalWeight + weight[j]);
        }
        return new double[] {totalLoss, totalWeight};
    }

    private static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    private static int[] withClassOne(int[] shape) {
        int[] s = shape.clone();
        s[1] = 1;
        return s;
    }

    private static double round(boolean f32, double v) {
        return f32 ? (float) v : v;
    }

    private static void set(Tensor t, int i, double v) {
        if (t.dtype == DType.FLOAT32) t.storage.f32[i] = (float) v;
        else t.storage.f64[i] = v;
    }

    private static void requireType(Tensor t, DType expected) {
        if (t.dtype != expected) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "expected scalar type " + expected.torchName() + " but found "
                    + t.dtype.torchName());
        }
    }
}
