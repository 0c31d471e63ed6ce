package dev.backprop.engine.optim;

import dev.backprop.engine.Factories;
import dev.backprop.engine.Tensor;
import java.util.List;

/**
 * {@code torch.optim.Adam(params, lr, betas, eps, weight_decay, amsgrad, maximize=...)}, the update of
 * torch/optim/adam.py {@code _single_tensor_adam} in PyTorch 1.13 (not capturable). The step counter is
 * a float32 tensor there, so it is a float here; the bias corrections are Python floats (double).
 * {@link AdamW} is the same update with the weight decay applied to the parameter instead of the gradient.
 */
public sealed class Adam extends Optimizer permits AdamW {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean amsgrad;
    private final boolean maximize;
    private final boolean decoupledWeightDecay;
    private final float[] steps;
    private final Tensor[] expAvgs;
    private final Tensor[] expAvgSqs;
    private final Tensor[] maxExpAvgSqs;

    /** {@code Adam(params)}: lr=1e-3, betas=(0.9, 0.999), eps=1e-8. */
    public Adam(List<Tensor> params) {
        this(params, 1e-3, 0.9, 0.999, 1e-8, 0, false, false);
    }

    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                boolean maximize) {
        this(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, false);
    }

    Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
         boolean maximize, boolean decoupledWeightDecay) {
        super(params, lr);
        // The checks and messages of Adam.__init__ (and AdamW's, the same), which accept NaN as Python's chained
        // comparisons do not.
        requireNonNegative(lr, "learning rate");
        requireNonNegative(eps, "epsilon value");
        if (!(0.0 <= beta1 && beta1 < 1.0)) {
            throw invalid("Invalid beta parameter at index 0: " + PythonFloat.repr(beta1));
        }
        if (!(0.0 <= beta2 && beta2 < 1.0)) {
            throw invalid("Invalid beta parameter at index 1: " + PythonFloat.repr(beta2));
        }
        requireNonNegative(weightDecay, "weight_decay value");
        this.decoupledWeightDecay = decoupledWeightDecay;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.amsgrad = amsgrad;
        this.maximize = maximize;
        int n = params.size();
        this.steps = new float[n];
        this.expAvgs = new Tensor[n];
        this.expAvgSqs = new Tensor[n];
        this.maxExpAvgSqs = new Tensor[n];
    }

    @Override
    protected void update(int i, Tensor param, Tensor grad) {
        if (expAvgs[i] == null) {
            expAvgs[i] = Factories.zeros(param.shape(), param.dtype());
            expAvgSqs[i] = Factories.zeros(param.shape(), param.dtype());
            if (amsgrad) {
                maxExpAvgSqs[i] = Factories.zeros(param.shape(), param.dtype());
            }
        }
        Tensor g = maximize ? grad.neg() : grad;
        Tensor expAvg = expAvgs[i];
        Tensor expAvgSq = expAvgSqs[i];
        steps[i] += 1;
        double lr = lr();
        if (decoupledWeightDecay) {
            // AdamW: param.mul_(1 - lr * weight_decay), an in-place change even when weight_decay is 0.
            param.mul_(1 - lr * weightDecay);
        } else if (weightDecay != 0) {
            g = g.add(param, weightDecay);
        }
        expAvg.mul_(beta1).add_(g, 1 - beta1);
        // addcmul_(g, g, value=1 - beta2): self + value * t1 * t2, the CPU kernel's order of operations.
        expAvgSq.mul_(beta2).add_(g.mul(1 - beta2).mul(g));

        double step = steps[i];
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        Tensor secondMoment = expAvgSq;
        if (amsgrad) {
            // torch.maximum(max_exp_avg_sqs[i], exp_avg_sq, out=max_exp_avg_sqs[i])
            maxExpAvgSqs[i] = maxExpAvgSqs[i].maximum(expAvgSq);
            secondMoment = maxExpAvgSqs[i];
        }
        Tensor denom = secondMoment.sqrt().div(biasCorrection2Sqrt).add_(eps);
        // addcdiv_(exp_avg, denom, value=-step_size): self + value * t1 / t2, the CPU kernel's order.
        param.add_(expAvg.mul(-stepSize).div(denom));
    }

    /** {@code state[p]['step']} of parameter {@code index}. */
    public float stepCount(int index) {
        return steps[index];
    }

    /** {@code state[p]['exp_avg']}, or null before the parameter's first step. */
    public Tensor expAvg(int index) {
        return expAvgs[index];
    }

    /** {@code state[p]['exp_avg_sq']}, or null before the parameter's first step. */
    public Tensor expAvgSq(int index) {
        return expAvgSqs[index];
    }

    private record State(float[] steps, Tensor[] expAvgs, Tensor[] expAvgSqs, Tensor[] maxExpAvgSqs) {}

    @Override
    public List<Tensor> stateTensors() {
        return present(expAvgs, expAvgSqs, maxExpAvgSqs);
    }

    @Override
    public OptimizerState stateDict() {
        return new OptimizerState.AdamState(steps.clone(), values(expAvgs), values(expAvgSqs), values(maxExpAvgSqs));
    }

    @Override
    public void loadStateDict(OptimizerState state) {
        OptimizerState.AdamState s = fitting(state, OptimizerState.AdamState.class);
        for (int i = 0; i < steps.length; i++) {
            boolean started = s.expAvgs()[i] != null;
            boolean hasMax = s.maxExpAvgSqs()[i] != null;
            if (amsgrad && started && !hasMax) {
                throw new IllegalArgumentException("the saved state of parameter " + i + " has no max_exp_avg_sq, which amsgrad needs");
            }
            if (!amsgrad && hasMax) {
                throw new IllegalArgumentException("the saved state of parameter " + i + " has a max_exp_avg_sq, which only amsgrad keeps");
            }
            if ((s.expAvgSqs()[i] != null) != started || (hasMax && !started)) {
                throw new IllegalArgumentException("the saved state of parameter " + i + " has some but not all of its moments");
            }
        }
        Tensor[] avgs = tensors(s.expAvgs(), "exp_avg");
        Tensor[] avgSqs = tensors(s.expAvgSqs(), "exp_avg_sq");
        Tensor[] maxAvgSqs = tensors(s.maxExpAvgSqs(), "max_exp_avg_sq");
        System.arraycopy(s.steps(), 0, steps, 0, steps.length);
        System.arraycopy(avgs, 0, expAvgs, 0, expAvgs.length);
        System.arraycopy(avgSqs, 0, expAvgSqs, 0, expAvgSqs.length);
        System.arraycopy(maxAvgSqs, 0, maxExpAvgSqs, 0, maxExpAvgSqs.length);
    }

    @Override
    public Object saveState() {
        return new State(steps.clone(), copies(expAvgs), copies(expAvgSqs), copies(maxExpAvgSqs));
    }

    @Override
    public void restoreState(Object saved) {
        State s = (State) saved;
        System.arraycopy(s.steps(), 0, steps, 0, steps.length);
        System.arraycopy(s.expAvgs(), 0, expAvgs, 0, expAvgs.length);
        System.arraycopy(s.expAvgSqs(), 0, expAvgSqs, 0, expAvgSqs.length);
        System.arraycopy(s.maxExpAvgSqs(), 0, maxExpAvgSqs, 0, maxExpAvgSqs.length);
    }
}
