package dev.backprop.graph;

import dev.backprop.engine.Tensor;
import java.util.List;
import java.util.function.Function;

/**
 * The autograd graph behind a tensor as torchviz's {@code make_dot} shows it: a function node for every
 * {@code grad_fn} reachable from the root, a tensor node for the root and for each leaf that an
 * {@code AccumulateGrad} accumulates into, and edges in forward direction (leaf to its
 * {@code AccumulateGrad}, each of a function's {@code next_functions} to the function, the root's
 * {@code grad_fn} to the root). Node ids are assigned in breadth-first order from the root, so the same
 * graph always reads the same.
 *
 * @param rootId the id of the root tensor's node, always the first of {@code nodes}
 */
public record GraphModel(String rootId, List<GraphNode> nodes, List<GraphEdge> edges) {
    public GraphModel {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * Reads the graph behind {@code root}.
     *
     * @param nameOf   the session's variable name of a tensor, or null where it has none
     * @param maxNodes the most nodes to read
     * @throws GraphTooLargeException if the graph has more than {@code maxNodes} nodes
     */
    public static GraphModel of(Tensor root, Function<Tensor, String> nameOf, int maxNodes) {
        return new GraphReader(nameOf, maxNodes).read(root);
    }
}
