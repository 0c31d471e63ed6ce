package dev.backprop.engine.optim;

import dev.backprop.engine.Factories;
import dev.backprop.engine.Tensor;
import java.util.List;

/**
 * {@code torch.optim.Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize=...)},
 * the update of torch/optim/adagrad.py {@code _single_tensor_adagrad} in PyTorch 1.13 for dense gradients. As
 * there, every parameter's state (a float32 step count and the sum of squared gradients, filled with the
 * initial accumulator value) exists from the start.
 */
public final class Adagrad extends Optimizer {
    private final double lrDecay;
    private final double weightDecay;
    private final double eps;
    private final boolean maximize;
    private final float[] steps;
    private final Tensor[] sums;

    /** {@code Adagrad(params)}: lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10. */
    public Adagrad(List<Tensor> params) {
        this(params, 1e-2, 0, 0, 0, 1e-10, false);
    }

    public Adagrad(List<Tensor> params, double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
                   boolean maximize) {
        super(params, lr);
        // The checks and messages of Adagrad.__init__, which accept NaN as Python's comparisons do not.
        requireNonNegative(lr, "learning rate");
        requireNonNegative(lrDecay, "lr_decay value");
        requireNonNegative(weightDecay, "weight_decay value");
        requireNonNegative(initialAccumulatorValue, "initial_accumulator_value value");
        requireNonNegative(eps, "epsilon value");
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.eps = eps;
        this.maximize = maximize;
        this.steps = new float[params.size()];
        this.sums = new Tensor[params.size()];
        for (int i = 0; i < sums.length; i++) {
            Tensor p = params.get(i);
            sums[i] = Factories.full(p.shape(), initialAccumulatorValue, p.dtype());
        }
    }

    @Override
    protected void update(int i, Tensor param, Tensor grad) {
        steps[i] += 1;
        double step = steps[i];
        Tensor g = maximize ? grad.neg() : grad;
        if (weightDecay != 0) {
            g = g.add(param, weightDecay);
        }
        double clr = lr() / (1 + (step - 1) * lrDecay);
        sums[i] = Addcmul.of(sums[i], g, g, 1);
        // addcdiv_(g, std, value=-clr): self + value * t1 / t2, the CPU kernel's order

        Tensor std = sums[i].sqrt().add_(eps);
        param.add_(g.mul(-clr).div(std));
    }

    /** {@code state[p]['step']} of parameter {@code index}. */
    public float stepCount(int index) {
        return steps[index];
    }

    /** {@code state[p]['sum']} of parameter {@code index}. */
    public Tensor sum(int index) {
        return sums[index];
    }

    private record State(float[] steps, Tensor[] sums) {}

    @Override
    public List<Tensor> stateTensors() {
        return present(sums);
    }

    @Override
    public OptimizerState stateDict() {
        return new OptimizerState.AdagradState(steps.clone(), values(sums));
    }

    @Override
    public void loadStateDict(OptimizerState state) {
        OptimizerState.AdagradState s = fitting(state, OptimizerState.AdagradState.class);
        for (int i = 0; i < sums.length; i++) {
            if (s.sums()[i] == null) {
                throw new IllegalArgumentException("the saved state of parameter " + i + " has no sum, which Adagrad always keeps");
            }
        }
        restoreState(new State(s.steps().clone(), tensors(s.sums(), "sum")));
    }

    @Override
    public Object saveState() {
        return new State(steps.clone(), copies(sums));
    }

    @Override
    public void restoreState(Object saved) {
        State s = (State) saved;
        System.arraycopy(s.steps(), 0, steps, 0, steps.length);
        System.arraycopy(s.sums(), 0, sums, 0, sums.length);
    }
}
