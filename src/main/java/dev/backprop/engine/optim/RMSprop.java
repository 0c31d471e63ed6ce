package dev.backprop.engine.optim;

import dev.backprop.engine.Factories;
import dev.backprop.engine.Tensor;
import java.util.List;

/**
 * {@code torch.optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered, maximize=...)}, the
 * update of torch/optim/rmsprop.py {@code _single_tensor_rmsprop} in PyTorch 1.13, op for op.
 */
public final class RMSprop extends Optimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;
    private final boolean maximize;
    private final Tensor[] squareAvgs;
    private final Tensor[] momentumBuffers;
    private final Tensor[] gradAvgs;

    /** {@code RMSprop(params)}: lr=1e-2, alpha=0.99, eps=1e-8. */
    public RMSprop(List<Tensor> params) {
        this(params, 1e-2, 0.99, 1e-8, 0, 0, false, false);
    }

    public RMSprop(List<Tensor> params, double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
                   boolean maximize) {
        super(params, lr);
        // The checks and messages of RMSprop.__init__, which accept NaN as Python's comparisons do not.
        requireNonNegative(lr, "learning rate");
        requireNonNegative(eps, "epsilon value");
        requireNonNegative(momentum, "momentum value");
        requireNonNegative(weightDecay, "weight_decay value");
        requireNonNegative(alpha, "alpha value");
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
        this.maximize = maximize;
        int n = params.size();
        this.squareAvgs = new Tensor[n];
        this.momentumBuffers = new Tensor[n];
        this.gradAvgs = new Tensor[n];
    }

    @Override
    protected void update(int i, Tensor param, Tensor grad) {
        if (squareAvgs[i] == null) {
            squareAvgs[i] = Factories.zeros(param.shape(), param.dtype());
            if (momentum > 0) {
                momentumBuffers[i] = Factories.zeros(param.shape(), param.dtype());
            }
            if (centered) {
                gradAvgs[i] = Factories.zeros(param.shape(), param.dtype());
            }
        }
        Tensor g = maximize ? grad.neg() : grad;
        if (weightDecay != 0) {
            g = g.add(param, weightDecay);
        }
        Tensor squareAvg = Addcmul.of(squareAvgs[i].mul(alpha), g, g, 1 - alpha);
        squareAvgs[i] = squareAvg;
        Tensor avg;
        if (centered) {
            Tensor gradAvg = gradAvgs[i].mul_(alpha).add_(g, 1 - alpha);
            avg = Addcmul.of(squareAvg, gradAvg, gradAvg, -1).sqrt();
        } else {
            avg = squareAvg.sqrt();
        }
        avg = avg.add_(eps);
        if (momentum > 0) {
            // buf.mul_(momentum).addcdiv_(g, avg), whose value is 1
            Tensor buf = momentumBuffers[i].mul_(momentum).add_(g.div(avg));
            param.add_(buf, -lr());
        } else {
            // addcdiv_(g, avg, value=-lr): self + value * t1 / t2
            param.add_(g.mul(-lr()).div(avg));
        }
    }

    /** {@code state[p]['square_avg']}, or null before the parameter's first step. */
    public Tensor squareAvg(int index) {
        return squareAvgs[index];
    }

    private record State(Tensor[] squareAvgs, Tensor[] momentumBuffers, Tensor[] gradAvgs) {}

    @Override
    public List<Tensor> stateTensors() {
        return present(squareAvgs, momentumBuffers, gradAvgs);
    }

    @Override
    public OptimizerState stateDict() {
        return new OptimizerState.RmspropState(values(squareAvgs), values(momentumBuffers), values(gradAvgs));
    }

    @Override
    public void loadStateDict(OptimizerState state) {
        OptimizerState.RmspropState s = fitting(state, OptimizerState.RmspropState.class);
        for (int i = 0; i < squareAvgs.length; i++) {
            boolean started = s.squareAvgs()[i] != null;
            if ((s.momentumBuffers()[i] != null) != (started && momentum > 0)
                    || (s.gradAvgs()[i] != null) != (started && centered)) {
                throw new IllegalArgumentException("the saved state of parameter " + i
                        + " does not have the buffers this RMSprop's momentum and centered keep");
            }
        }
        Tensor[] squares = tensors(s.squareAvgs(), "square_avg");
        Tensor[] buffers = tensors(s.momentumBuffers(), "momentum_buffer");
        Tensor[] averages = tensors(s.gradAvgs(), "grad_avg");
        restoreState(new State(squares, buffers, averages));
    }

    @Override
    public Object saveState() {
        return new State(copies(squareAvgs), copies(momentumBuffers), copies(gradAvgs));
    }

    @Override
    public void restoreState(Object saved) {
        State s = (State) saved;
        System.arraycopy(s.squareAvgs(), 0, squareAvgs, 0, squareAvgs.length);
        System.arraycopy(s.momentumBuffers(), 0, momentumBuffers, 0, momentumBuffers.length);
        System.arraycopy(s.gradAvgs(), 0, gradAvgs, 0, gradAvgs.length);
    }
}
