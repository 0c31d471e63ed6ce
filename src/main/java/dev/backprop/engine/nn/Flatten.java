package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;
import java.util.Map;

/** {@code torch.nn.Flatten(start_dim=1, end_dim=-1)}: the {@code flatten} op, keeping the batch dim by default. */
public final class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return FunctionalOps.call("flatten", Map.of("start_dim", startDim, "end_dim", endDim), input);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
