package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;
import java.util.Map;

/**
 * {@code torch.nn.Softmax(dim=None)} and {@code torch.nn.LogSoftmax(dim=None)}: the op of that name over
 * {@code dim}; without one, the dim PyTorch's {@code _get_softmax_dim} picks (0 for inputs of 0, 1 or 3
 * dims, else 1).
 */
public final class Softmax extends Module {
    private final String op;
    private final String typeName;
    private final Integer dim;

    private Softmax(String op, String typeName, Integer dim) {
        this.op = op;
        this.typeName = typeName;
        this.dim = dim;
    }

    public static Softmax softmax(Integer dim) {
        return new Softmax("softmax", "Softmax", dim);
    }

    public static Softmax logSoftmax(Integer dim) {
        return new Softmax("log_softmax", "LogSoftmax", dim);
    }

    @Override
    public Tensor forward(Tensor input) {
        int rank = input.dim();
        int d = dim != null ? dim : rank == 0 || rank == 1 || rank == 3 ? 0 : 1;
        return FunctionalOps.call(op, Map.of("dim", d), input);
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    protected String extraRepr() {
        return "dim=" + (dim == null ? "None" : dim);
    }
}
