package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;
import dev.backprop.engine.optim.PythonFloat;
import dev.backprop.engine.random.Generator;
import java.util.Map;

/**
 * {@code torch.nn.Dropout(p=0.5)}: the {@code dropout} op with {@code training} as the module's mode, drawing
 * from the generator it was built with (the session's, PyTorch's default generator); in eval mode the identity.
 */
public final class Dropout extends Module {
    private final double p;
    private final Generator gen;

    public Dropout(double p, Generator gen) {
        if (!(p >= 0 && p <= 1)) {
            throw Specs.invalid("dropout probability has to be between 0 and 1, but got " + PythonFloat.repr(p));
        }
        this.p = p;
        this.gen = gen;
    }

    @Override
    public Tensor forward(Tensor input) {
        return FunctionalOps.call("dropout", Map.of("p", p, "training", training()), gen, input);
    }

    @Override
    protected String extraRepr() {
        return "p=" + PythonFloat.repr(p) + ", inplace=False";
    }
}
