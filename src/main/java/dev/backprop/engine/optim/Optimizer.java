package dev.backprop.engine.optim;

import dev.backprop.engine.DType;
import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import dev.backprop.engine.GradMode;
import dev.backprop.engine.Tensor;
import java.util.List;

/**
 * {@code torch.optim.Optimizer} with one parameter group: {@link #step()} updates every parameter that
 * has a gradient, in place and without recording a graph; {@link #zeroGrad()} clears the gradients. The
 * group's {@code lr} (and the {@code initial_lr} a learning-rate scheduler records) can change between steps.
 */
public abstract class Optimizer {
    private final List<Tensor> params;
    private double lr;
    private Double initialLr;

    protected Optimizer(List<Tensor> params, double lr) {
        // torch/optim/optimizer.py, __init__ and add_param_group.
        if (params.isEmpty()) {
            throw invalid("optimizer got an empty parameter list");
        }
        for (Tensor p : params) {
            if (p == null) {
                throw invalid("optimizer can only optimize Tensors, but one of the params is NoneType");
            }
            if (!p.isLeaf() && !p.retainsGrad()) {
                throw invalid("can't optimize a non-leaf Tensor");
            }
        }
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    public final List<Tensor> params() {
        return params;
    }

    /** {@code param_groups[0]['lr']}, which the next step uses. */
    public final double lr() {
        return lr;
    }

    public final void setLr(double lr) {
        this.lr = lr;
    }

    /** {@code param_groups[0]['initial_lr']}, or null until a scheduler sets it. */
    public final Double initialLr() {
        return initialLr;
    }

    public final void setInitialLr(Double initialLr) {
        this.initialLr = initialLr;
    }

    /** {@code optimizer.step()}: runs under {@code torch.no_grad()}, skipping parameters whose grad is None. */
    public final void step() {
        try (GradMode.Scope _ = GradMode.disable()) {
            for (int i = 0, n = params.size(); i < n; i++) {
                Tensor p = params.get(i);
                Tensor g = p.grad();
                if (g != null) {
                    update(i, p, g);
                }
            }
        }
    }

    /** Every tensor of the optimizer's state (momentum buffers, moment estimates), for memory accounting. */
    public abstract List<Tensor> stateTensors();

    /** A copy of the whole state, which {@link #restoreState(Object)} puts back (to undo a step). */
    public abstract Object saveState();

    public abstract void restoreState(Object saved);

    /**
     * {@code state_dict()['state']}: the exact values of the whole state, independent of this optimizer, for a
     * checkpoint to keep. Only float32 state can be taken.
     */
    public abstract OptimizerState stateDict();

    /**
     * {@code load_state_dict(...)}: puts back what {@link #stateDict()} took from an optimizer of the same type
     * over parameters of the same sizes. Anything else is refused with an {@link IllegalArgumentException},
     * and then nothing changes.
     */
    public abstract void loadStateDict(OptimizerState state);

    /** {@code state} as the given type's, for as many parameters as this optimizer has; refused otherwise. */
    protected final <S extends OptimizerState> S fitting(OptimizerState state, Class<S> type) {
        String name = getClass().getSimpleName();
        if (!type.isInstance(state)) {
            throw new IllegalArgumentException("the saved state is " + state.getClass().getSimpleName() + ", which " + name
                    + " cannot load");
        }
        if (state.parameters() != params.size()) {
            throw new IllegalArgumentException("the saved state covers " + state.parameters() + " parameters, but this " + name
                    + " has " + params.size());
        }
        return type.cast(state);
    }

    /** The exact float32 values of the tensors in {@code state} (nulls stay null). */
    protected static float[][] values(Tensor[] state) {
        float[][] out = new float[state.length][];
        for (int i = 0; i < state.length; i++) {
            Tensor t = state[i];
            if (t != null && t.dtype() != DType.FLOAT32) {
                throw new IllegalStateException("only float32 optimizer state can be saved, entry " + i + " is " + t.dtype().wireName());
            }
            out[i] = t == null ? null : t.toFloatArray();
        }
        return out;
    }

    /**
     * Tensors of the shapes and dtype of this optimizer's parameters holding {@code values} (nulls stay null);
     * refused unless every entry has as many values as its parameter and the parameter is float32.
     */
    protected final Tensor[] tensors(float[][] values, String name) {
        Tensor[] out = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            Tensor p = params.get(i);
            if (p.dtype() != DType.FLOAT32 || values[i].length != p.numel()) {
                throw new IllegalArgumentException("the saved " + name + " of parameter " + i + " has " + values[i].length
                        + " float32 values, but the parameter has " + p.numel() + " of " + p.dtype().wireName());
            }
            out[i] = Tensor.of(values[i].clone(), p.shape());
        }
        return out;
    }

    /** Copies of the tensors in {@code state} (nulls stay null), made outside the graph. */
    protected static Tensor[] copies(Tensor[] state) {
        Tensor[] out = new Tensor[state.length];
        try (GradMode.Scope _ = GradMode.disable()) {
            for (int i = 0; i < state.length; i++) {
                out[i] = state[i] == null ? null : state[i].clone();
            }
        }
        return out;
    }

    protected static List<Tensor> present(Tensor[]... states) {
        java.util.ArrayList<Tensor> out = new java.util.ArrayList<>();
        for (Tensor[] state : states) {
            for (Tensor t : state) {
                if (t != null) out.add(t);
            }
        }
        return out;
    }

    /** The update of parameter {@code index}, with the grad mode already off. */
    protected abstract void update(int index, Tensor param, Tensor grad);

    /** {@code zero_grad(set_to_none=True)}: every {@code .grad} becomes None. */
    public final void zeroGrad() {
        zeroGrad(true);
    }

    /**
     * {@code zero_grad(set_to_none)}. With false, existing gradients are detached from any graph and
     * filled with zeros in place, as PyTorch 1.13's default does.
     */
    public final void zeroGrad(boolean setToNone) {
        for (int i = 0, n = params.size(); i < n; i++) {
            Tensor p = params.get(i);
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                if (g.gradFn() != null) {
                    g = g.detach();
                    p.setGrad(g);
                } else if (g.requiresGrad()) {
                    g.requiresGrad_(false);
                }
                try (GradMode.Scope _ = GradMode.disable()) {
                    g.zero_();
                }
            }
        }
    }

    /** {@code if not 0.0 <= value: raise ValueError("Invalid {what}: {value}")}, which NaN fails too. */
    static void requireNonNegative(double value, String what) {
        if (!(0.0 <= value)) {
            throw invalid("Invalid " + what + ": " + PythonFloat.repr(value));
        }
    }

    static EngineException invalid(String message) {
        return new EngineException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
