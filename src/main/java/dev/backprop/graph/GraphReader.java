package dev.backprop.graph;

import dev.backprop.engine.Edge;
import dev.backprop.engine.Node;
import dev.backprop.engine.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Walks a graph breadth-first without recursion, so that chains of any depth read in constant stack. */
final class GraphReader {
    private final Function<Tensor, String> nameOf;
    private final int maxNodes;
    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<GraphEdge> edges = new ArrayList<>();
    private final Map<Node, String> functionIds = new IdentityHashMap<>();
    private final Map<Tensor, String> tensorIds = new IdentityHashMap<>();

    GraphReader(Function<Tensor, String> nameOf, int maxNodes) {
        if (maxNodes < 1) {
            throw new IllegalArgumentException("maxNodes must be at least 1, got " + maxNodes);
        }
        this.nameOf = Objects.requireNonNull(nameOf, "nameOf");
        this.maxNodes = maxNodes;
    }

    GraphModel read(Tensor root) {
        Objects.requireNonNull(root, "root");
        String rootId = tensorNode(root);
        Node rootFn = root.gradFn();
        if (rootFn != null) {
            ArrayDeque<Node> queue = new ArrayDeque<>();
            edges.add(new GraphEdge(functionNode(rootFn, queue), rootId));
            while (!queue.isEmpty()) {
                Node fn = queue.poll();
                String fnId = functionIds.get(fn);
                Tensor variable = fn.variable();
                if (variable != null) {
                    edges.add(new GraphEdge(tensorNode(variable), fnId));
                }
                for (Edge next : fn.nextFunctions()) {
                    if (next != null) {
                        edges.add(new GraphEdge(functionNode(next.node(), queue), fnId));
                    }
                }
            }
        }
        return new GraphModel(rootId, nodes, edges);
    }

    private String tensorNode(Tensor t) {
        String id = tensorIds.get(t);
        if (id == null) {
            id = nextId();
            tensorIds.put(t, id);
            nodes.add(GraphNode.tensor(id, t, nameOf.apply(t)));
        }
        return id;
    }

    /** The id of {@code fn}'s node, adding the node and queueing {@code fn} the first time it is seen. */
    private String functionNode(Node fn, ArrayDeque<Node> queue) {
        String id = functionIds.get(fn);
        if (id == null) {
            id = nextId();
            functionIds.put(fn, id);
            nodes.add(GraphNode.function(id, fn));
            queue.add(fn);
        }
        return id;
    }

    private String nextId() {
        if (nodes.size() >= maxNodes) {
            throw new GraphTooLargeException("the graph has more than " + maxNodes + " nodes");
        }
        return "n" + nodes.size();
    }
}
