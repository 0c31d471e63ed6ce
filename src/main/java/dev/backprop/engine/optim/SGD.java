package dev.backprop.engine.optim;

import dev.backprop.engine.Tensor;
import java.util.List;

/**
 * {@code torch.optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov, maximize=...)}, the
 * update of torch/optim/sgd.py {@code _single_tensor_sgd} in PyTorch 1.13, op for op. Note that the
 * first step copies the gradient into the momentum buffer as it is: dampening only applies from the
 * second step on.
 */
public final class SGD extends Optimizer {
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;
    private final boolean maximize;
    private final Tensor[] momentumBuffers;

    public SGD(List<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, false, false);
    }

    public SGD(List<Tensor> params, double lr, double momentum) {
        this(params, lr, momentum, 0, 0, false, false);
    }

    public SGD(List<Tensor> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
               boolean maximize) {
        super(params, lr);
        // The checks and messages of SGD.__init__.
        if (lr < 0.0) {
            throw invalid("Invalid learning rate: " + PythonFloat.repr(lr));
        }
        if (momentum < 0.0) {
            throw invalid("Invalid momentum value: " + PythonFloat.repr(momentum));
        }
        if (weightDecay < 0.0) {
            throw invalid("Invalid weight_decay value: " + PythonFloat.repr(weightDecay));
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw invalid("Nesterov momentum requires a momentum and zero dampening");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.maximize = maximize;
        this.momentumBuffers = new Tensor[params.size()];
    }

    @Override
    protected void update(int index, Tensor param, Tensor grad) {
        Tensor dp = maximize ? grad.neg() : grad;
        if (weightDecay != 0) {
            dp = dp.add(param, weightDecay);
        }
        if (momentum != 0) {
            Tensor buf = momentumBuffers[index];
            if (buf == null) {
                buf = dp.clone();
                momentumBuffers[index] = buf;
            } else {
                buf.mul_(momentum).add_(dp, 1 - dampening);
            }
            dp = nesterov ? dp.add(buf, momentum) : buf;
        }
        param.add_(dp, -lr());
    }

    /** {@code state[p]['momentum_buffer']} of parameter {@code index}, or null before its first step. */
    public Tensor momentumBuffer(int index) {
        return momentumBuffers[index];
    }

    public double momentum() {
        return momentum;
    }

    @Override
    public List<Tensor> stateTensors() {
        return present(momentumBuffers);
    }

    @Override
    public OptimizerState stateDict() {
        return new OptimizerState.SgdState(values(momentumBuffers));
    }

    @Override
    public void loadStateDict(OptimizerState state) {
        Tensor[] buffers = tensors(fitting(state, OptimizerState.SgdState.class).momentumBuffers(), "momentum_buffer");
        System.arraycopy(buffers, 0, momentumBuffers, 0, momentumBuffers.length);
    }

    @Override
    public Object saveState() {
        return copies(momentumBuffers);
    }

    @Override
    public void restoreState(Object saved) {
        System.arraycopy((Tensor[]) saved, 0, momentumBuffers, 0, momentumBuffers.length);
    }
}
