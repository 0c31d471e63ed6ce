package dev.backprop.graph;

import dev.backprop.engine.Node;
import dev.backprop.engine.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A box in the picture: a tensor (a leaf the graph accumulates into, or the root) or a function (a
 * {@code grad_fn}). Tensor fields are null on functions and {@code gradFn} is null on tensors.
 *
 * @param label  the text drawn in the box, lines separated by {@code \n}: the tensor's name (when it has
 *               one) over its shape as torchviz prints it, e.g. {@code w\n(1)}; or the function's class name
 * @param name   the session's variable name of a tensor, or null
 * @param gradFn PyTorch's class name of a function node, e.g. {@code MulBackward0}
 */
public record GraphNode(String id, String kind, String label, String name, List<Integer> shape, String dtype,
                        Boolean requiresGrad, Boolean isLeaf, String gradFn) {
    public static final String TENSOR = "tensor";
    public static final String FUNCTION = "function";

    static GraphNode tensor(String id, Tensor t, String name) {
        List<Integer> shape = Arrays.stream(t.shape()).boxed().toList();
        String size = sizeText(shape);
        String label = name == null ? size : name + "\n" + size;
        return new GraphNode(id, TENSOR, label, name, shape, t.dtype().wireName(), t.requiresGrad(), t.isLeaf(), null);
    }

    /** A shape as torchviz prints it: {@code (2, 3)}, {@code ()} for a scalar. */
    static String sizeText(List<Integer> shape) {
        return shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    static GraphNode function(String id, Node fn) {
        return new GraphNode(id, FUNCTION, fn.name(), null, null, null, null, null, fn.name());
    }
}
